import { describe, expect, test } from 'vitest';
import { allowedPages, countFacets, intersectPages, markPages, sortByOrder } from '#lib/search/facets.ts';
import type { Facet } from '#lib/search/index-files.ts';

const pages = (...numbers: number[]) => Uint32Array.from(numbers);
const facets: Facet[] = [
  {
    name: 'topic',
    values: [
      { value: 'Війна', pages: pages(0, 1, 2) },
      { value: 'Економіка', pages: pages(2, 3) },
      { value: 'Спорт', pages: pages(4) },
    ],
  },
  {
    name: 'year',
    values: [
      { value: '2022', pages: pages(0, 2, 4) },
      { value: '2023', pages: pages(1, 3) },
    ],
  },
];
const ids = (marks: Uint8Array | null) => (marks ? [...marks.keys()].filter((page) => marks[page] === 1) : null);

describe('countFacets', () => {
  test('counts each value among the marked pages, values without a marked page as 0', () => {
    expect(countFacets(facets, markPages(5, [0, 2, 3]))).toEqual({
      topic: { Війна: 2, Економіка: 2, Спорт: 0 },
      year: { '2022': 2, '2023': 1 },
    });
  });

  test('ignores page numbers outside the index', () => {
    expect(ids(markPages(3, [-1, 1, 7]))).toEqual([1]);
  });
});

describe('allowedPages', () => {
  test('needs any one selected value of each filter', () => {
    expect(ids(allowedPages(facets, { topic: ['Війна', 'Спорт'] }, 5))).toEqual([0, 1, 2, 4]);
    expect(ids(allowedPages(facets, { topic: ['Війна', 'Спорт'], year: ['2023'] }, 5))).toEqual([1]);
  });

  test('selects nothing without selected values, and no page for an unknown value or filter', () => {
    expect(allowedPages(facets, {}, 5)).toBeNull();
    expect(allowedPages(facets, { topic: [] }, 5)).toBeNull();
    expect(ids(allowedPages(facets, { topic: ['Культура'] }, 5))).toEqual([]);
    expect(ids(allowedPages(facets, { author: ['x'] }, 5))).toEqual([]);
  });
});

describe('intersectPages', () => {
  test('keeps the marked pages that are allowed, all of them without a selection, and changes neither table', () => {
    const marks = markPages(5, [0, 2, 3]);
    const allowed = allowedPages(facets, { topic: ['Війна'] }, 5);
    expect(ids(intersectPages(marks, allowed))).toEqual([0, 2]);
    expect(ids(intersectPages(marks, null))).toEqual([0, 2, 3]);
    expect(ids(marks)).toEqual([0, 2, 3]);
    expect(ids(allowed)).toEqual([0, 1, 2]);
  });
});

describe('sortByOrder', () => {
  const order = pages(3, 0, 4, 1);
  test('follows the order ascending, or from its end descending, and leaves out pages without a sort value', () => {
    expect(sortByOrder([0, 1, 2, 3], (page) => page, order, 'asc')).toEqual([3, 0, 1]);
    expect(sortByOrder([0, 1, 2, 3], (page) => page, order, 'desc')).toEqual([1, 0, 3]);
  });
});
