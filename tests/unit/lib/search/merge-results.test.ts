import { describe, expect, test } from 'vitest';
import { mergeByScore } from '#lib/search/merge-results.ts';

describe('mergeByScore', () => {
  test('merges lists best score first, each page once with its best score', () => {
    const a = [
      { id: 'x', score: 5 },
      { id: 'y', score: 3 },
    ];
    const b = [
      { id: 'z', score: 4 },
      { id: 'y', score: 6 },
    ];
    expect(mergeByScore([a, b]).map((r) => [r.id, r.score])).toEqual([
      ['y', 6],
      ['x', 5],
      ['z', 4],
    ]);
  });

  test('keeps one list, or one non-empty list, in its own order', () => {
    const a = [
      { id: 'x', score: 1 },
      { id: 'y', score: 3 },
    ];
    expect(mergeByScore([a])).toEqual(a);
    expect(mergeByScore([a, []])).toEqual(a);
    expect(mergeByScore([])).toEqual([]);
  });

  test('keeps the order of the lists for equal scores', () => {
    expect(mergeByScore([[{ id: 'b', score: 1 }], [{ id: 'a', score: 1 }]]).map((r) => r.id)).toEqual(['b', 'a']);
  });
});
