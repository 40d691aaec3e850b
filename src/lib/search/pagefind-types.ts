/**
 * The part of Pagefind 1.6's browser API (`pagefind/pagefind.js`) that the
 * site uses. Pagefind ships no types for it; these follow its source.
 */
export interface PagefindOptions {
  basePath?: string;
  baseUrl?: string;
  excerptLength?: number;
  highlightParam?: string;
  /** Appended to the entry file's URL instead of a timestamp, so it can be cached until the next build. */
  metaCacheTag?: string;
  ranking?: PagefindRanking;
  /** Runs in the calling thread: needed in Node, where there is no Worker. */
  noWorker?: boolean;
}

/** Ranking weights; see Pagefind's "Customize ranking" documentation. */
export interface PagefindRanking {
  /** How much a result is favoured when its matched word is close in length to the query word (default 1). */
  termSimilarity?: number;
  pageLength?: number;
  termSaturation?: number;
  termFrequency?: number;
}

/** A filter value, several values all required, or `{ any: [...] }` for any one of them. */
export type PagefindFilters = Record<string, string | string[] | { any: string[] } | { all: string[] }>;

export interface PagefindSearchOptions {
  filters?: PagefindFilters;
  sort?: Record<string, 'asc' | 'desc'>;
}

export interface PagefindFragment {
  url: string;
  raw_url: string;
  /** HTML-escaped excerpt with the matched words in `<mark>`. */
  excerpt: string;
  content: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
  word_count: number;
}

export interface PagefindResult {
  id: string;
  score: number;
  words: number[];
  data(): Promise<PagefindFragment>;
}

/** Counts per filter value: `{ topic: { Війна: 3 } }`. */
export type FilterCounts = Record<string, Record<string, number>>;

export interface PagefindResponse {
  results: PagefindResult[];
  unfilteredResultCount: number;
  /** Counts of each filter value within the current results and filters. */
  filters: FilterCounts;
  /** Counts of each filter value for the query without filters. */
  totalFilters: FilterCounts;
}

export interface PagefindApi {
  options(options: PagefindOptions): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: PagefindSearchOptions): Promise<PagefindResponse>;
  /** Resolves to `null` when a later call superseded this one. */
  debouncedSearch(term: string | null, options?: PagefindSearchOptions, timeoutMs?: number): Promise<PagefindResponse | null>;
  filters(): Promise<FilterCounts>;
  /** Adds another bundle (a part of a split index) to every later search; its results are merged by score. */
  mergeIndex(indexPath: string, options?: PagefindOptions): Promise<void>;
  /** Loads the index chunks a search for `term` needs, without searching. */
  preload(term: string, options?: PagefindSearchOptions): Promise<void>;
  destroy?(): Promise<void>;
}

/** `createInstance` of pagefind.js: an index of its own, independent of the module's default one. */
export interface PagefindModule extends PagefindApi {
  createInstance(options: PagefindOptions): PagefindApi;
}
