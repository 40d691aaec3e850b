/**
 * How the search index is split when one Pagefind run would need too much
 * memory: Pagefind holds every indexed page in memory until it writes the
 * index (about 3.3 GB for 20,000 article pages on this project's benchmark),
 * so an archive of more than `partSize` articles is indexed in parts, one run
 * each, and the search page merges them (Pagefind's `mergeIndex`). A part is
 * a run of whole consecutive years, newest first; the newest part is the main
 * bundle (`pagefind/`), the others live in `pagefind/<first>-<last>/` and are
 * listed in `pagefind/parts.json`.
 */

/** Articles per index part, unless `ARKHIV_INDEX_PART_SIZE` says otherwise. */
export const DEFAULT_PART_SIZE = 10_000;

export interface IndexPart {
  /** Years in this part, newest first. */
  years: number[];
  articles: number;
  /** Bundle folder relative to `pagefind/`: `''` for the main bundle, else `2001-2010/`. */
  folder: string;
}

/** The folder of a built site that holds the search index: Pagefind's main bundle, with the other parts' folders inside. */
export const INDEX_FOLDER = 'pagefind';

/** The manifest file, relative to the main bundle, that lists the other parts' folders. */
export const PARTS_MANIFEST = 'parts.json';

/**
 * Splits years (with their article counts) into parts of at most `partSize`
 * articles; a year with more articles than that is a part of its own. An
 * archive split at all has its newest year as a part of its own, however
 * small: that is the year new articles go to, so publishing one re-indexes
 * that year alone, not the thousands of older articles that would share its
 * part.
 */
export function planIndexParts(articlesPerYear: ReadonlyMap<number, number>, partSize: number): IndexPart[] {
  if (!(partSize >= 1)) throw new Error(`The index part size must be a positive number of articles (got ${partSize}).`);
  const parts: Array<{ years: number[]; articles: number }> = [];
  let current: { years: number[]; articles: number } | undefined;
  const split = [...articlesPerYear.values()].reduce((sum, count) => sum + count, 0) > partSize;
  for (const year of [...articlesPerYear.keys()].sort((a, b) => b - a)) {
    const count = articlesPerYear.get(year)!;
    if (!current || (split && parts.length === 1) || (current.articles + count > partSize && current.articles > 0)) {
      current = { years: [], articles: 0 };
      parts.push(current);
    }
    current.years.push(year);
    current.articles += count;
  }
  return parts.map((part, index) => ({ ...part, folder: index === 0 ? '' : `${part.years.at(-1)}-${part.years[0]}/` }));
}

/** Pagefind's glob for the article pages of the years `years` matches: `<years>/<mm>/<dd>/<slug>/index.html`. */
function articlePages(years: string): string {
  return `${years}/[0-9][0-9]/[0-9][0-9]/*/index.html`;
}

/** The article pages of every year. */
export const ALL_ARTICLE_PAGES = articlePages('[0-9][0-9][0-9][0-9]');

/** The article pages of a part: `{2021,2022}/<mm>/<dd>/<slug>/index.html`. */
export function partGlob(part: Pick<IndexPart, 'years'>): string {
  return articlePages(part.years.length === 1 ? String(part.years[0]) : `{${part.years.join(',')}}`);
}

/** The part size for this build. */
export function partSizeFromEnvironment(value = process.env.ARKHIV_INDEX_PART_SIZE): number {
  if (value === undefined || value === '') return DEFAULT_PART_SIZE;
  const size = Number(value);
  if (!Number.isInteger(size) || size < 1)
    throw new Error(`ARKHIV_INDEX_PART_SIZE must be a whole number of articles, at least 1 (got "${value}").`);
  return size;
}
