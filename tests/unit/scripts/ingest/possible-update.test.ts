import { describe, expect, test } from 'vitest';
import { serializeArticle, type ArticleFrontMatter } from '#lib/archive/article-file.ts';
import { bodyParagraphs, judgeUpdate, readVersion, updateDay, updatedArticle } from '../../../../scripts/lib/ingest/possible-update.ts';
import { alignSequences, describeChanges, diffParagraphs, wordDiff } from '../../../../scripts/lib/ingest/text-diff.ts';

const LEAD = 'Унаслідок ракетного удару по Харкову загинули 5 людей, ще 16 поранено, повідомив голова обласної адміністрації.';
const SECOND = 'Ракета влучила в будівельний гіпермаркет на околиці міста, де тоді перебували понад двісті людей.';
const THIRD = 'На місці працюють рятувальники, поліція та медики; пожежу досі гасять.';
const UPDATE = 'Оновлено 26 травня: рятувальники завершили розбирання завалів.';

const FRONT: ArticleFrontMatter = {
  title: 'Унаслідок обстрілу Харкова загинули пʼятеро людей',
  date: '2024-05-25',
  topics: ['viina'],
  summary: 'Загинули 5 людей.',
  lang: 'uk',
  id: 'sha256:0123456789abcdef',
  origin: 'novyny.jsonl:1',
  aliases: ['/2024/05/25/obstril-kharkova/'],
};

function version(data: ArticleFrontMatter, paragraphs: string[]) {
  return readVersion(new TextEncoder().encode(serializeArticle(data, paragraphs.join('\n\n'))))!;
}

describe('the paragraph diff', () => {
  test('aligns on a longest common subsequence, removals before additions', () => {
    expect(alignSequences(['a', 'b', 'c'], ['a', 'x', 'c', 'd'])).toEqual([
      { kind: 'same', a: 0, b: 0 },
      { kind: 'removed', a: 1 },
      { kind: 'added', b: 1 },
      { kind: 'same', a: 2, b: 2 },
      { kind: 'added', b: 3 },
    ]);
  });

  test('a paragraph with a changed fact is changed, not removed and added; a new one is added', () => {
    const changes = diffParagraphs([LEAD, SECOND, THIRD], [LEAD.replace('5 людей', '7 людей'), SECOND, THIRD, UPDATE]);
    expect(changes.map(({ kind, paragraph }) => [kind, paragraph])).toEqual([
      ['changed', 1],
      ['added', 4],
    ]);
    expect(describeChanges(changes)).toEqual([
      'змінено абзац 1: … удару по Харкову загинули [-5-] {+7+} людей, ще 16 поранено, …',
      `додано абзац 4: ${UPDATE}`,
    ]);
  });

  test('quotes, dashes and case are not changes; an unrelated paragraph is removed and added', () => {
    expect(diffParagraphs(['Він сказав: "так" - і пішов.'], ['він сказав: «так» — і пішов'])).toEqual([]);
    expect(diffParagraphs([SECOND], [THIRD]).map((change) => change.kind)).toEqual(['added', 'removed']);
  });

  test('the word diff keeps a few words around each change and cuts the rest', () => {
    const before = 'один два три чотири пʼять шість сім вісім девʼять десять одинадцять дванадцять тринадцять';
    expect(wordDiff(before, before.replace('один', 'нуль').replace('тринадцять', 'чотирнадцять'))).toBe(
      '[-один-] {+нуль+} два три чотири пʼять … девʼять десять одинадцять дванадцять [-тринадцять-] {+чотирнадцять+}',
    );
  });

  test('a long list of changes ends with how many more there are', () => {
    const changes = diffParagraphs(
      [],
      ['а', 'б', 'в', 'г', 'ґ', 'д', 'е', 'є'].map((letter) => `Абзац ${letter}.`),
    );
    expect(describeChanges(changes, 3)).toEqual(['додано абзац 1: Абзац а.', 'додано абзац 2: Абзац б.', '… і ще змін: 6']);
  });
});

describe('the possible-update rule', () => {
  const current = version(FRONT, [LEAD, SECOND, THIRD]);

  test('the same title with a changed fact and an added paragraph is a possible update', () => {
    const next = version({ ...FRONT, title: 'Унаслідок обстрілу Харкова загинули семеро людей' }, [
      LEAD.replace('5 людей', '7 людей'),
      SECOND,
      THIRD,
      UPDATE,
    ]);
    expect(judgeUpdate(current, next)).toEqual({
      kind: 'update',
      changes: [
        'заголовок: Унаслідок обстрілу Харкова загинули [-пʼятеро-] {+семеро+} людей',
        'змінено абзац 1: … удару по Харкову загинули [-5-] {+7+} людей, ще 16 поранено, …',
        `додано абзац 4: ${UPDATE}`,
      ],
    });
  });

  test('the same text, a shortened repost, or another headline is a duplicate', () => {
    expect(judgeUpdate(current, version(FRONT, [LEAD, SECOND, THIRD.replace(';', ',')]))).toEqual({ kind: 'duplicate' });
    expect(judgeUpdate(current, version(FRONT, [LEAD, SECOND]))).toEqual({ kind: 'duplicate' });
    expect(judgeUpdate(current, version({ ...FRONT, title: 'Росія вдарила по гіпермаркету' }, [LEAD, SECOND, THIRD, UPDATE]))).toEqual({
      kind: 'duplicate',
    });
  });

  test('a front matter with a field the schema does not know is not rewritten', () => {
    const text = `---\ntitle: Т\ndate: 2024-05-25\nsummary: С\nid: sha256:0123456789abcdef\nauthor: Хтось\n---\n\nТекст.\n`;
    expect(readVersion(new TextEncoder().encode(text))).toBeUndefined();
  });

  test('the body is read without the blank line after the front matter, and paragraphs without escapes', () => {
    expect(current.body.startsWith(LEAD)).toBe(true);
    expect(bodyParagraphs('Ціна \\*акції\\* — [100 грн](https://example.org).\n\n\n## Підзаголовок')).toEqual([
      'Ціна *акції* — 100 грн.',
      '## Підзаголовок',
    ]);
  });
});

describe('an applied update', () => {
  test('takes the new title, summary and body; keeps the address, id, date, topics, aliases and origin; sets updated', () => {
    const current = version(FRONT, [LEAD, SECOND, THIRD]);
    const next = version(
      {
        ...FRONT,
        title: 'Загинули семеро',
        summary: 'Загинули 7 людей.',
        topics: ['ekonomika'],
        id: 'sha256:fedcba9876543210',
        origin: 'inshe.jsonl:4',
      },
      [LEAD, UPDATE],
    );
    expect(updatedArticle(current, next, '2024-05-26')).toBe(
      serializeArticle({ ...FRONT, title: 'Загинули семеро', summary: 'Загинули 7 людей.', updated: '2024-05-26' }, `${LEAD}\n\n${UPDATE}`),
    );
  });

  test('updated is the item’s own date, else today; never before the article’s date or its earlier update', () => {
    expect(updateDay(FRONT, '2024-05-26', true, '2026-01-01')).toBe('2024-05-26');
    expect(updateDay(FRONT, '2024-05-26', false, '2026-01-01')).toBe('2026-01-01');
    expect(updateDay(FRONT, '2024-05-20', true, '2026-01-01')).toBe('2026-01-01');
    expect(updateDay({ ...FRONT, updated: '2024-06-01' }, '2024-05-26', true, '2026-01-01')).toBe('2024-06-01');
  });
});
