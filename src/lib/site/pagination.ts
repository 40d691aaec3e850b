/**
 * Pagination anchored at the oldest article, so that page URLs stay stable
 * as the archive grows at the new end.
 *
 * Articles are cut into chunks of `size` counted from the oldest: page 1 holds
 * the oldest `size` articles, page 2 the next, and so on. The last page, the
 * one with the newest articles, is the list's front page (`/topics/<slug>/`)
 * and absorbs the remainder, so it holds between `size` and `2 × size − 1`
 * articles (fewer only when the whole list is shorter than `size`). A new
 * article changes only the front page until it fills a whole chunk, which
 * then becomes the next numbered page; pages 1 … n−1 never change content
 * unless older articles are added or removed.
 */

/** How many pages a list of `total` articles takes; the last is the front page. */
export function pageCount(total: number, size: number): number {
  if (!Number.isInteger(size) || size < 1) throw new Error(`Page size must be a positive whole number, got ${size}.`);
  return Math.max(1, Math.floor(total / size));
}

/** The articles of `page` (1-based, the last page is the front page), newest first. */
export function pageItems<T>(chronological: readonly T[], page: number, size: number): T[] {
  const count = pageCount(chronological.length, size);
  if (!Number.isInteger(page) || page < 1 || page > count) throw new Error(`Page ${page} does not exist: there are ${count}.`);
  const start = (page - 1) * size;
  const end = page === count ? chronological.length : start + size;
  return chronological.slice(start, end).reverse();
}

/**
 * Page numbers for a pager, newest first: the front page, the pages around
 * the current one and page 1, with `'gap'` where numbers are left out, so the
 * pager stays short for lists of thousands of pages.
 */
export function pageWindow(current: number, count: number, radius = 2): Array<number | 'gap'> {
  const shown = new Set<number>([count, 1]);
  for (let p = current - radius; p <= current + radius; p += 1) if (p >= 1 && p <= count) shown.add(p);
  const result: Array<number | 'gap'> = [];
  let last: number | undefined;
  for (const p of [...shown].sort((a, b) => b - a)) {
    if (last !== undefined && last - p > 1) result.push(last - p === 2 ? last - 1 : 'gap');
    result.push(p);
    last = p;
  }
  return result;
}
