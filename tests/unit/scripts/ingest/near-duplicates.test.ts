import { describe, expect, test } from 'vitest';
import {
  comparableText,
  isNearDuplicate,
  NearDuplicateIndex,
  shingles,
  similarity,
  textSignature,
} from '../../../../scripts/lib/ingest/near-duplicates.ts';
import { generateArticles } from '../../../../scripts/lib/bench/generate-articles.ts';

const ORIGINAL =
  'Депутати сільської ради Згорян ухвалили бюджет громади на наступний рік, у якому найбільше коштів передбачено на ремонт школи та доріг. Голосування тривало понад три години, а засідання транслювали онлайн.';
const REPOST =
  'Депутати сільської ради Згорян ухвалили бюджет громади на наступний рік, у якому найбільше коштів передбачили на ремонт школи та доріг. Голосування тривало понад три години, засідання транслювали онлайн.';
const SAME_TOPIC =
  'Депутати міської ради Щастя не змогли ухвалити бюджет на наступний рік: після трьох годин суперечок сесію перенесли на тиждень. Опозиція вимагає більше коштів на лікарню.';

/** Unrelated filler items: many different short news items. */
function fillerItems(count: number): string[] {
  const subjects = ['Рада', 'Школа', 'Лікарня', 'Бібліотека', 'Команда', 'Музей', 'Театр', 'Завод', 'Громада', 'Університет'];
  const verbs = ['отримала', 'відкрила', 'оголосила', 'завершила', 'розпочала', 'підтримала', 'показала', 'провела'];
  const objects = ['грант', 'виставку', 'конкурс', 'ремонт', 'турнір', 'програму', 'концерт', 'збір', 'фестиваль', 'навчання'];
  return Array.from({ length: count }, (_, i) => {
    const s = subjects[i % subjects.length]!;
    const v = verbs[Math.floor(i / 10) % verbs.length]!;
    const o = objects[Math.floor(i / 80) % objects.length]!;
    return `${s} №${i} у місті ${i * 7919} ${v} ${o} для мешканців кварталу ${i * 104729}. Подія відбулася у ${i % 28}-й день місяця, зібравши ${i * 13} людей.`;
  });
}

describe('similarity of character 5-grams', () => {
  test('a repost with small edits is a near duplicate', () => {
    const s = similarity(shingles(ORIGINAL), shingles(REPOST));
    expect(s.jaccard).toBeGreaterThanOrEqual(0.8);
    expect(isNearDuplicate(s, shingles(REPOST).size)).toBe(true);
  });

  test('a different item on the same subject is not', () => {
    const s = similarity(shingles(ORIGINAL), shingles(SAME_TOPIC));
    expect(s.jaccard).toBeLessThan(0.45);
    expect(isNearDuplicate(s, shingles(SAME_TOPIC).size)).toBe(false);
  });

  test('a lead republished alone is contained in the full article', () => {
    const lead = ORIGINAL.split('. ')[0]!;
    const s = similarity(shingles(lead), shingles(`${ORIGINAL} Далі ще три абзаци про інше: ${SAME_TOPIC}`));
    expect(s.containment).toBeGreaterThanOrEqual(0.9);
    expect(isNearDuplicate(s, shingles(lead).size)).toBe(true);
  });

  test('comparable text keeps letters and digits of every script, and only they', () => {
    expect(comparableText('«Обʼєднання» — ЦЕ 2,5 млн!')).toBe('обєднання це 2 5 млн');
    expect(comparableText('Ελλάδα: 5 µg, ½ та ² — café')).toBe('ελλάδα 5 µg ½ та ² café');
    expect(comparableText('Ѳеодоръ ҂ і҃ Ґанок')).toBe('ѳеодоръ і ґанок');
  });

  test('typography, case and apostrophe forms do not matter', () => {
    expect(similarity(shingles('"Обʼєднання" - ЦЕ сила'), shingles("«об'єднання» — це сила")).jaccard).toBe(1);
  });
});

describe('NearDuplicateIndex', () => {
  test('finds a repost among thousands of unrelated items, and nothing for a new item', () => {
    const texts = new Map<string, string>();
    const index = new NearDuplicateIndex<string>((key) => texts.get(key)!);
    for (const [i, text] of fillerItems(3000).entries()) {
      texts.set(`filler-${i}`, text);
      index.add(`filler-${i}`, text);
    }
    texts.set('original', ORIGINAL);
    index.add('original', ORIGINAL);
    expect(index.find(REPOST)?.key).toBe('original');
    expect(index.find(SAME_TOPIC)).toBeUndefined();
  });

  test('compares only candidates that share sampled word trigrams, not every document', () => {
    const texts = new Map<string, string>();
    let comparisons = 0;
    const index = new NearDuplicateIndex<string>((key) => {
      comparisons += 1;
      return texts.get(key)!;
    });
    for (const [i, text] of fillerItems(2000).entries()) {
      texts.set(`filler-${i}`, text);
      index.add(`filler-${i}`, text);
    }
    index.find(ORIGINAL);
    index.find(SAME_TOPIC);
    expect(comparisons).toBeLessThanOrEqual(40);
  });

  test('finds a short item contained in a longer archived one', () => {
    const texts = new Map([['long', `${ORIGINAL} ${SAME_TOPIC}`]]);
    const index = new NearDuplicateIndex<string>((key) => texts.get(key)!);
    index.add('long', texts.get('long')!);
    expect(index.find(ORIGINAL)).toMatchObject({ key: 'long' });
  });

  test('every match it reports has the similarity of the two texts measured directly', () => {
    // Generated news share stock sentences: many candidates, a few near duplicates.
    const texts = [...generateArticles({ count: 1500, seed: 7 })].map((item) => item.body);
    texts.push(`${texts[3]} Додано одне речення в кінці.`, texts[10]!.split('\n\n')[0]!);
    const index = new NearDuplicateIndex<number>((at) => texts[at]!);
    let matches = 0;
    texts.forEach((text, at) => {
      const match = index.find(text);
      if (match) {
        matches += 1;
        const direct = similarity(shingles(text), shingles(texts[match.key]!));
        expect(match.jaccard).toBe(direct.jaccard);
        expect(match.containment).toBe(direct.containment);
        expect(isNearDuplicate(direct, Math.min(shingles(text).size, shingles(texts[match.key]!).size))).toBe(true);
      }
      index.add(at, text);
    });
    expect(matches).toBeGreaterThanOrEqual(2);
  });

  test('texts given as signatures, with the comparable form kept by the caller, find the same matches as texts', () => {
    const texts = [...generateArticles({ count: 800, seed: 8 })].map((item) => item.body);
    texts.push(`${texts[5]} Ще одне речення.`, REPOST, ORIGINAL);
    const byText = new NearDuplicateIndex<number>((at) => texts[at]!);
    const signatures = texts.map(textSignature);
    const bySignature = new NearDuplicateIndex<number>(() => '', { comparableOf: (at) => signatures[at]!.plain });
    texts.forEach((text, at) => {
      expect(bySignature.find(signatures[at]!)).toEqual(byText.find(text));
      byText.add(at, text);
      bySignature.add(at, signatures[at]!);
    });
    expect(signatures[0]!.plain).toBe(comparableText(texts[0]!));
  });
});
