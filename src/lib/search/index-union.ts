import type { Facet, IndexMeta } from './index-files.ts';

/**
 * One view of an index built in parts (`src/lib/search/index-parts.ts`): runs of
 * whole years, the main bundle the newest, the folders of `parts.json` older
 * and older. Page numbers run through the parts one after another, each
 * filter value gathers its pages from every part, and a sort order runs from
 * the oldest part to the newest, which is the date order because no two
 * parts share a year.
 */
export interface IndexUnion {
  /** Page hashes by page number across the parts. */
  pages: string[];
  pageNumbers: Map<string, number>;
  /** Sort name → page numbers in ascending order of the sort key, for sorts every part has. */
  sorts: Map<string, Uint32Array>;
  /** The first page number of each part. */
  offsets: number[];
}

/** Joins the metadata of the parts, newest part first (the main bundle, then `parts.json` in order). */
export function joinMetas(metas: readonly IndexMeta[]): IndexUnion {
  const offsets: number[] = [];
  const pages: string[] = [];
  for (const meta of metas) {
    offsets.push(pages.length);
    for (const hash of meta.pages) pages.push(hash);
  }
  const sorts = new Map<string, Uint32Array>();
  for (const name of metas[0]?.sorts.keys() ?? []) {
    if (!metas.every((meta) => meta.sorts.has(name))) continue;
    const order = new Uint32Array(metas.reduce((sum, meta) => sum + meta.sorts.get(name)!.length, 0));
    let at = 0;
    for (let part = metas.length - 1; part >= 0; part--) {
      for (const page of metas[part]!.sorts.get(name)!) order[at++] = page + offsets[part]!;
    }
    sorts.set(name, order);
  }
  return { pages, pageNumbers: new Map(pages.map((hash, i) => [hash, i])), sorts, offsets };
}

/** Joins the filters of the parts (`facets[part]`), page numbers moved by each part's offset. */
export function joinFacets(facets: ReadonlyArray<readonly Facet[]>, offsets: readonly number[]): Facet[] {
  const joined = new Map<string, Map<string, number[]>>();
  facets.forEach((partFacets, part) => {
    for (const facet of partFacets) {
      const values = joined.get(facet.name) ?? new Map<string, number[]>();
      joined.set(facet.name, values);
      for (const { value, pages } of facet.values) {
        const list = values.get(value) ?? [];
        values.set(value, list);
        for (const page of pages) list.push(page + offsets[part]!);
      }
    }
  });
  return [...joined].map(([name, values]) => ({
    name,
    values: [...values].map(([value, pages]) => ({ value, pages: Uint32Array.from(pages) })),
  }));
}
