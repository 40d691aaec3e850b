import { describe, expect, test } from 'vitest';
import {
  hasFoldedWordStartingWith,
  hasWordStartingWith,
  queryParadigms,
  rerank,
  RERANK_WINDOW,
  usesQueryWords,
} from '#lib/search/rerank.ts';
import { judgeQueries, scoreQuery } from '../../../../scripts/lib/search-eval/evaluation.ts';

describe('usesQueryWords', () => {
  test('accepts any form of the query word', () => {
    const stems = queryParadigms('громадах');
    expect(usesQueryWords('Громада села зібралася.', stems)).toBe(true);
    expect(usesQueryWords('Рішення громад області.', stems)).toBe(true);
  });

  test('accepts a short form of a word whose query kept a three-letter root', () => {
    expect(usesQueryWords('Учні написали тест.', queryParadigms('учнями'))).toBe(true);
    expect(usesQueryWords('Учнівський парламент.', queryParadigms('учнями'))).toBe(false);
  });

  test('rejects words that only share the prefix', () => {
    const stems = queryParadigms('громадах');
    expect(usesQueryWords('Громадськість і громадяни обурені.', stems)).toBe(false);
  });

  test('accepts the г/з alternation in both directions', () => {
    expect(usesQueryWords('Дякуємо за допомогу.', queryParadigms('допомозі'))).toBe(true);
    expect(usesQueryWords('Дякуємо допомозі волонтерів.', queryParadigms('допомога'))).toBe(true);
  });

  test('needs every word of the query', () => {
    const stems = queryParadigms('протести Казахстану');
    expect(usesQueryWords('Протести в Казахстані.', stems)).toBe(true);
    expect(usesQueryWords('Протести в Грузії.', stems)).toBe(false);
  });
});

describe('queryParadigms', () => {
  test('leaves out excluded words and keeps the words of phrases', () => {
    expect(queryParadigms('допомога -волонтерів "Верховна Рада"').map((p) => p.word)).toEqual(['допомога', 'верховна', 'рада']);
  });
});

describe('usesQueryWords with alternating roots', () => {
  test.each([
    ['Львова', 'Концерт у Львові.', true],
    ['Львів', 'Приїхали до Львова.', true],
    ['Львів', 'Львівська область.', false],
    ['Києві', 'Столиця — Київ.', true],
    ['Київ', 'Київська міська рада.', false],
    ['рік', 'У минулому році.', true],
    ['бібліотека', 'Книги в бібліотеці.', true],
    ['бібліотека', 'Бібліотекар видав книги.', false],
    ['Івана', 'Іванна прийшла.', false],
  ])('%s in «%s»: %s', (query, text, uses) => {
    expect(usesQueryWords(text, queryParadigms(query))).toBe(uses);
  });
});

describe('hasFoldedWordStartingWith', () => {
  test('compares as Pagefind does: ї as і', () => {
    expect(hasFoldedWordStartingWith('Столиця — Київ.', 'киів')).toBe(true);
    expect(hasFoldedWordStartingWith('Столиця — Київ.', 'києв')).toBe(false);
  });
});

describe('hasWordStartingWith', () => {
  test('finds a word that begins with the stem, whatever its case and apostrophe', () => {
    expect(hasWordStartingWith('Над Києвом збили ракети.', 'києв')).toBe(true);
    expect(hasWordStartingWith('Пʼята частина.', "п'ят")).toBe(true);
    expect(hasWordStartingWith('Над Києвом збили ракети.', 'ракет')).toBe(true);
  });

  test('takes й and ї for letters of their own, unlike Pagefind', () => {
    expect(hasWordStartingWith('Київ', 'киів')).toBe(false);
    expect(hasWordStartingWith('Київ', 'київ')).toBe(true);
  });

  test('needs the stem at the start of a word', () => {
    expect(hasWordStartingWith('Вночі збили ракети.', 'очі')).toBe(false);
    expect(hasWordStartingWith('Вночі', '')).toBe(false);
  });
});

describe('rerank', () => {
  test('moves results that use the word ahead of prefix-only matches, keeping order within each group', () => {
    const texts = ['громадськість', 'громади', 'громадянин', 'громаді'];
    expect(rerank(texts, (t) => t, queryParadigms('громада'))).toEqual(['громади', 'громаді', 'громадськість', 'громадянин']);
  });

  test("with drop, leaves out the window's results that use no form of the words, unless none does", () => {
    const texts = ['львівський', 'Львова', 'львівська', 'Львові'];
    expect(rerank(texts, (t) => t, queryParadigms('Львів'), true)).toEqual(['Львова', 'Львові']);
    expect(rerank(['львівський', 'львівська'], (t) => t, queryParadigms('Львів'), true)).toEqual(['львівський', 'львівська']);
  });

  test('keeps results beyond the window, and results without text, where they are', () => {
    const texts = [...Array.from({ length: RERANK_WINDOW }, () => 'громадськість'), 'громада'];
    const ranked = rerank(texts, (t) => t, queryParadigms('громада'));
    expect(ranked.at(-1)).toBe('громада');
    expect(rerank(['а', 'б'], () => undefined, queryParadigms('громада'))).toEqual(['а', 'б']);
  });
});

describe('evaluation', () => {
  test('judges pages by whole-word forms of every query word', () => {
    const pages = [
      { id: 'a', content: 'Переговори в Казахстані.' },
      { id: 'b', content: 'Переговорники зустрілися.' },
      { id: 'c', content: 'Казахстан і переговори.' },
    ];
    const [judged] = judgeQueries([{ query: 'переговорах', forms: [['переговори', 'переговорах']] }], pages);
    expect(judged!.expected).toEqual(['a', 'c']);
  });

  test('scores recall against at most k relevant pages and precision against what was returned', () => {
    const judged = { query: 'q', forms: [], expected: ['a', 'b', 'c'] };
    expect(scoreQuery(judged, ['a', 'x'], 10)).toMatchObject({ hits: 1, recall: 1 / 3, precision: 0.5 });
    expect(scoreQuery(judged, [], 10)).toMatchObject({ recall: 0, precision: null });
    expect(scoreQuery(judged, ['a', 'b', 'x'], 2)).toMatchObject({ recall: 1, precision: 1 });
  });
});
