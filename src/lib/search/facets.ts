import type { Facet } from './index-files.ts';
import type { FilterCounts } from './pagefind-types.ts';

/**
 * Filter counts, filtering and sorting over page numbers, with the filter
 * lists and sort orders of Pagefind's own index (`index-files.ts`).
 * They give what Pagefind's `search()` gives (`totalFilters`, `filters` with
 * `any`, `sort`) in time linear in the lists, where Pagefind compares each
 * result with each listed page.
 */

/** Page numbers as a membership table: `marks[page] === 1` when the page is in the list. */
export function markPages(pageCount: number, pages: Iterable<number>): Uint8Array {
  const marks = new Uint8Array(pageCount);
  for (const page of pages) if (page >= 0 && page < pageCount) marks[page] = 1;
  return marks;
}

/** The pages marked in both tables, as a new table; `allowed` `null` (no selection, as from `allowedPages`) keeps every marked page. */
export function intersectPages(marks: Uint8Array, allowed: Uint8Array | null): Uint8Array {
  const both = marks.slice();
  if (allowed) for (let page = 0; page < both.length; page++) both[page]! &= allowed[page] ?? 0;
  return both;
}

/** How many of the marked pages carry each value of each filter; a value no marked page carries counts 0. */
export function countFacets(facets: readonly Facet[], marks: Uint8Array): FilterCounts {
  const counts: FilterCounts = {};
  for (const facet of facets) {
    const values: Record<string, number> = {};
    for (const { value, pages } of facet.values) {
      let count = 0;
      for (let i = 0; i < pages.length; i++) count += marks[pages[i]!] ?? 0;
      values[value] = count;
    }
    counts[facet.name] = values;
  }
  return counts;
}

/**
 * The pages that pass the selection: for every filter with selected values,
 * a page must carry at least one of them (Pagefind's `{ any: [...] }` per
 * filter). `null` when nothing is selected. A value or filter the index does
 * not know matches no page.
 */
export function allowedPages(
  facets: readonly Facet[],
  selected: Readonly<Record<string, readonly string[]>>,
  pageCount: number,
): Uint8Array | null {
  let allowed: Uint8Array | null = null;
  for (const [name, wanted] of Object.entries(selected)) {
    if (wanted.length === 0) continue;
    const values = facets.find((facet) => facet.name === name)?.values ?? [];
    // A time range asks for hundreds of values (`period.ts`).
    const wantedSet = new Set(wanted);
    const any = new Uint8Array(pageCount);
    for (const { value, pages } of values) if (wantedSet.has(value)) for (let i = 0; i < pages.length; i++) any[pages[i]!] = 1;
    if (allowed) for (let page = 0; page < pageCount; page++) allowed[page]! &= any[page]!;
    else allowed = any;
  }
  return allowed;
}

/**
 * Items ordered by a sort order of the index (page numbers, ascending by the
 * sort key): `desc` puts the last of the order first. Items whose page has no
 * sort value are left out, as Pagefind leaves them out.
 */
export function sortByOrder<T>(items: readonly T[], pageOf: (item: T) => number, order: Uint32Array, direction: 'asc' | 'desc'): T[] {
  const rank = new Int32Array(order.reduce((max, page) => Math.max(max, page + 1), 0)).fill(-1);
  order.forEach((page, i) => (rank[page] = i));
  const ranked = items.filter((item) => (rank[pageOf(item)] ?? -1) >= 0);
  const sign = direction === 'desc' ? -1 : 1;
  return ranked.sort((a, b) => sign * (rank[pageOf(a)]! - rank[pageOf(b)]!));
}
