import { describe, expect, test } from 'vitest';
import { queryStems, rerank, RERANK_WINDOW, usesQueryWords } from '../../src/lib/search-rerank.ts';
import { judgeQueries, scoreQuery } from '../../src/lib/search-evaluation.ts';

describe('usesQueryWords', () => {
  test('accepts any form of the query word', () => {
    const stems = queryStems('громадах');
    expect(usesQueryWords('Громада села зібралася.', stems)).toBe(true);
    expect(usesQueryWords('Рішення громад області.', stems)).toBe(true);
  });

  test('accepts a short form of a word whose query kept a three-letter root', () => {
    expect(usesQueryWords('Учні написали тест.', queryStems('учнями'))).toBe(true);
    expect(usesQueryWords('Учнівський парламент.', queryStems('учнями'))).toBe(false);
  });

  test('rejects words that only share the prefix', () => {
    const stems = queryStems('громадах');
    expect(usesQueryWords('Громадськість і громадяни обурені.', stems)).toBe(false);
  });

  test('accepts the г/з alternation in both directions', () => {
    expect(usesQueryWords('Дякуємо за допомогу.', queryStems('допомозі'))).toBe(true);
    expect(usesQueryWords('Дякуємо допомозі волонтерів.', queryStems('допомога'))).toBe(true);
  });

  test('needs every word of the query', () => {
    const stems = queryStems('протести Казахстану');
    expect(usesQueryWords('Протести в Казахстані.', stems)).toBe(true);
    expect(usesQueryWords('Протести в Грузії.', stems)).toBe(false);
  });
});

describe('rerank', () => {
  test('moves results that use the word ahead of prefix-only matches, keeping order within each group', () => {
    const texts = ['громадськість', 'громади', 'громадянин', 'громаді'];
    expect(rerank(texts, (t) => t, queryStems('громада'))).toEqual(['громади', 'громаді', 'громадськість', 'громадянин']);
  });

  test('keeps results beyond the window, and results without text, where they are', () => {
    const texts = [...Array.from({ length: RERANK_WINDOW }, () => 'громадськість'), 'громада'];
    const ranked = rerank(texts, (t) => t, queryStems('громада'));
    expect(ranked.at(-1)).toBe('громада');
    expect(rerank(['а', 'б'], () => undefined, queryStems('громада'))).toEqual(['а', 'б']);
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
