import { describe, expect, test } from 'vitest';
import { pageCount, pageItems, pageWindow } from '#lib/site/pagination.ts';

const numbers = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);

/** Every page of a list, page 1 first. */
const allPages = (items: number[], size: number): number[][] =>
  numbers(pageCount(items.length, size)).map((p) => pageItems(items, p, size));

describe('pagination anchored at the oldest article', () => {
  test('a short list is one front page', () => {
    expect(pageCount(0, 5)).toBe(1);
    expect(pageCount(9, 5)).toBe(1);
    expect(pageItems(numbers(3), 1, 5)).toEqual([3, 2, 1]);
    expect(pageItems([], 1, 5)).toEqual([]);
  });

  test('numbered pages hold whole chunks from the oldest; the front page takes the remainder', () => {
    expect(allPages(numbers(17), 5)).toEqual([
      [5, 4, 3, 2, 1],
      [10, 9, 8, 7, 6],
      [17, 16, 15, 14, 13, 12, 11],
    ]);
  });

  test('adding newer articles never changes a numbered page', () => {
    const before = allPages(numbers(23), 5);
    for (let n = 24; n <= 60; n += 1) {
      const after = allPages(numbers(n), 5);
      expect(after.slice(0, before.length - 1)).toEqual(before.slice(0, -1));
    }
  });

  test('every article is on exactly one page', () => {
    for (const n of [0, 1, 5, 9, 10, 11, 99, 100])
      expect(
        allPages(numbers(n), 10)
          .flat()
          .sort((a, b) => a - b),
      ).toEqual(numbers(n));
  });

  test('rejects pages that do not exist and sizes that make no sense', () => {
    expect(() => pageItems(numbers(10), 3, 5)).toThrow('Page 3 does not exist: there are 2.');
    expect(() => pageCount(10, 0)).toThrow('Page size must be a positive whole number, got 0.');
  });
});

describe('pageWindow', () => {
  test('shows every page of a short list, newest first', () => {
    expect(pageWindow(2, 4)).toEqual([4, 3, 2, 1]);
  });

  test('shortens a long list around the current page', () => {
    expect(pageWindow(50, 100)).toEqual([100, 'gap', 52, 51, 50, 49, 48, 'gap', 1]);
    expect(pageWindow(100, 100)).toEqual([100, 99, 98, 'gap', 1]);
  });

  test('fills a gap of one page with that page', () => {
    expect(pageWindow(4, 7)).toEqual([7, 6, 5, 4, 3, 2, 1]);
  });
});
