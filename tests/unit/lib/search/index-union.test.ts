import { describe, expect, test } from 'vitest';
import type { IndexMeta } from '#lib/search/index-files.ts';
import { joinFacets, joinMetas } from '#lib/search/index-union.ts';

const meta = (pages: string[], dateOrder: number[]): IndexMeta => ({
  version: '1.6.0',
  pages,
  indexChunks: [],
  filterChunks: new Map(),
  sorts: new Map([['date', Uint32Array.from(dateOrder)]]),
});

describe('an index built in parts', () => {
  // The main bundle holds the newest years, the part after it older ones.
  const newest = meta(['n0', 'n1', 'n2'], [2, 0, 1]);
  const older = meta(['o0', 'o1'], [1, 0]);
  const union = joinMetas([newest, older]);

  test('numbers the pages of the parts one after another', () => {
    expect(union.pages).toEqual(['n0', 'n1', 'n2', 'o0', 'o1']);
    expect(union.pageNumbers.get('o1')).toBe(4);
    expect(union.offsets).toEqual([0, 3]);
  });

  test('puts the older part first in ascending date order', () => {
    expect([...union.sorts.get('date')!].map((page) => union.pages[page])).toEqual(['o1', 'o0', 'n2', 'n0', 'n1']);
  });

  test('gathers the pages of each filter value from every part', () => {
    const facets = joinFacets(
      [
        [{ name: 'year', values: [{ value: '2024', pages: Uint32Array.from([0, 1, 2]) }] }],
        [
          { name: 'year', values: [{ value: '2020', pages: Uint32Array.from([0, 1]) }] },
          { name: 'topic', values: [{ value: 'Війна', pages: Uint32Array.from([1]) }] },
        ],
      ],
      union.offsets,
    );
    expect(facets).toEqual([
      {
        name: 'year',
        values: [
          { value: '2024', pages: Uint32Array.from([0, 1, 2]) },
          { value: '2020', pages: Uint32Array.from([3, 4]) },
        ],
      },
      { name: 'topic', values: [{ value: 'Війна', pages: Uint32Array.from([4]) }] },
    ]);
  });

  test('leaves out a sort that not every part has', () => {
    const withoutDate: IndexMeta = { ...older, sorts: new Map() };
    expect(joinMetas([newest, withoutDate]).sorts.size).toBe(0);
  });
});
