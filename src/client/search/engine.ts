/**
 * The search behind the search page, without the page: Pagefind matches and
 * ranks the query, over every part of an index built in parts; filters, filter counts and the date sort come from the
 * index's own filter lists and date order (`search-facets.ts`), because
 * Pagefind computes them in time proportional to results × listed pages;
 * the first results are reranked (`search-rerank.ts`). The matches of the
 * last queries are kept, so changing a filter or the sort, going back, or
 * showing more searches nothing again. Runs in the search worker (`worker.ts`), or on the
 * page when no worker can start.
 */
import { allowedPages, countFacets, markPages, sortByOrder } from '#lib/search/facets.ts';
import { decodeFilterChunk, decodeMeta, type Facet, type IndexMeta } from '#lib/search/index-files.ts';
import { joinFacets, joinMetas, type IndexUnion } from '#lib/search/index-union.ts';
import type { FilterCounts, PagefindApi, PagefindFragment, PagefindModule, PagefindResult } from '#lib/search/pagefind-types.ts';
import { pagefindQuery, SEARCH_RANKING } from '#lib/search/query.ts';
import { queryStems, rerankedHead } from '#lib/search/rerank.ts';
import { pagefindOptions, stateToSearch, type SearchState } from '#lib/search/url-state.ts';
import { openPagefindFiles } from './pagefind-files.ts';

export interface EngineConfig {
  /** Pagefind's folder, ending in `/`: a path on the site, or an absolute URL. */
  bundlePath: string;
  /** Where Pagefind's script is imported from, when not from `bundlePath` (Node cannot import over HTTP). */
  scriptUrl?: string;
  /** Pagefind's `metaCacheTag`. */
  buildId: string;
  /** The language Pagefind looks for (`<html lang>`, or `unknown` in a worker). */
  language: string;
  /** Whether the engine may take over `fetch` to hand Pagefind its files downloaded early and gunzipped (only where it owns `fetch`: the worker). */
  shareFetches: boolean;
}

/** What the page shows of one result. */
export interface ResultView {
  url: string;
  title: string;
  date: string | undefined;
  topics: string[];
  /** HTML-escaped text with the matched words in `<mark>`. */
  excerpt: string;
}

export interface ResultPage {
  /** Results of the whole search, after filters. */
  total: number;
  items: ResultView[];
}

export interface SearchEngine {
  /** Results `from` to `from + count` of a search, ready to show. */
  search(state: SearchState, from: number, count: number): Promise<ResultPage>;
  /** Counts of every filter value among all results of the query, whatever the filters (Pagefind's `totalFilters`). */
  counts(query: string): Promise<FilterCounts>;
  /** Fetches the index data a query will need, while the reader is still typing. */
  preload(query: string): Promise<void>;
}

/** Queries whose matches, order and counts are kept. */
const KEPT = 10;

/** A map that forgets its oldest entries, and a failed entry as soon as it fails. */
function keptPromises<T>() {
  const map = new Map<string, Promise<T>>();
  return (key: string, make: () => Promise<T>): Promise<T> => {
    const found = map.get(key);
    if (found) {
      map.delete(key);
      map.set(key, found);
      return found;
    }
    const made = make();
    map.set(key, made);
    made.catch(() => map.get(key) === made && map.delete(key));
    if (map.size > KEPT) map.delete(map.keys().next().value!);
    return made;
  };
}

function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | null = null;
  return () => {
    made ??= make().catch((error: unknown) => {
      made = null;
      throw error;
    });
    return made;
  };
}

function view(fragment: PagefindFragment): ResultView {
  return {
    url: fragment.url,
    title: fragment.meta.title ?? fragment.url,
    date: fragment.meta.date,
    topics: fragment.filters.topic ?? [],
    excerpt: fragment.excerpt,
  };
}

export function createEngine(config: EngineConfig): SearchEngine {
  const { bundlePath } = config;
  const files = openPagefindFiles(bundlePath, config.buildId, config.language, config.shareFetches);
  const options = { metaCacheTag: config.buildId, ranking: SEARCH_RANKING, excerptLength: 30 };
  /** Pagefind, with every part of an index built in parts merged in (`src/lib/search/index-parts.ts`). */
  const pagefind = once(async (): Promise<PagefindApi> => {
    const module = (await import(/* @vite-ignore */ config.scriptUrl ?? `${bundlePath}pagefind.js`)) as PagefindModule;
    const api = module.createInstance({ basePath: bundlePath, ...options, noWorker: true });
    await api.init();
    await Promise.all((await files.parts()).map((folder) => api.mergeIndex(`${bundlePath}${folder}`, options)));
    return api;
  });
  void pagefind().catch(() => {});

  /** The main bundle, then the parts, newest first. */
  const folders = once(async () => ['', ...(await files.parts())]);
  const metas = once(async (): Promise<IndexMeta[]> =>
    Promise.all((await folders()).map(async (folder) => decodeMeta(await files.meta(folder), `the metadata in ${bundlePath}${folder}`))),
  );
  const meta = once(async (): Promise<IndexUnion> => joinMetas(await metas()));
  const facets = once(async (): Promise<Facet[]> => {
    const [all, index, partFolders] = await Promise.all([metas(), meta(), folders()]);
    const perPart = all.map((part, i) =>
      Promise.all(
        [...part.filterChunks.values()].map(async (hash) => {
          const url = `${bundlePath}${partFolders[i]}filter/${hash}.pf_filter`;
          return decodeFilterChunk(await files.inflated(url), url);
        }),
      ),
    );
    return joinFacets(await Promise.all(perPart), index.offsets);
  });

  /**
   * What a result shows, read once per result. Pagefind hands out one
   * fragment object per page and rewrites its excerpt for each search, so
   * the text is copied as soon as it arrives.
   */
  const shown = new WeakMap<PagefindResult, Promise<{ content: string; view: ResultView }>>();
  const readResult = (result: PagefindResult) => {
    let read = shown.get(result);
    if (!read) {
      read = result.data().then((fragment) => ({ content: fragment.content, view: view(fragment) }));
      shown.set(result, read);
      read.catch(() => shown.delete(result));
    }
    return read;
  };

  const termOf = (query: string): string | null => (query ? pagefindQuery(query) : null);
  /** Every page that matches a Pagefind term (`null`: every page), in Pagefind's order. */
  const matches = keptPromises<PagefindResult[]>();
  const matchesOf = (term: string | null) => matches(term ?? '', async () => (await (await pagefind()).search(term)).results);

  /** The results of a state, after its filters and sort, before reranking. */
  const orders = keptPromises<PagefindResult[]>();
  const orderOf = (state: SearchState) =>
    orders(stateToSearch(state), async () => {
      const { filters = {}, sort = {} } = pagefindOptions(state);
      const selected = Object.fromEntries(
        Object.entries(filters).map(([name, filter]) => [name, typeof filter === 'object' && 'any' in filter ? filter.any : []]),
      );
      const [sortKey, direction] = Object.entries(sort)[0] ?? [];
      let results = await matchesOf(termOf(state.query));
      if (Object.keys(selected).length === 0 && !sortKey) return results;
      const index = await meta();
      const pageOf = (result: PagefindResult) => index.pageNumbers.get(result.id) ?? -1;
      const allowed = Object.keys(selected).length > 0 ? allowedPages(await facets(), selected, index.pages.length) : null;
      if (allowed) results = results.filter((result) => allowed[pageOf(result)] === 1);
      const order = sortKey ? index.sorts.get(sortKey) : undefined;
      return order && direction ? sortByOrder(results, pageOf, order, direction) : results;
    });

  const counts = keptPromises<FilterCounts>();

  return {
    async search(state, from, count) {
      const results = await orderOf(state);
      const page =
        state.query && state.sort === 'relevance'
          ? (
              await rerankedHead(results, from + count, async (result) => (await readResult(result)).content, queryStems(state.query))
            ).slice(from)
          : results.slice(from, from + count);
      return { total: results.length, items: (await Promise.all(page.map(readResult))).map((read) => read.view) };
    },
    counts(query) {
      const term = termOf(query);
      return counts(term ?? '', async () => {
        const [results, index, all] = await Promise.all([matchesOf(term), meta(), facets()]);
        return countFacets(
          all,
          markPages(
            index.pages.length,
            results.map((result) => index.pageNumbers.get(result.id) ?? -1),
          ),
        );
      });
    },
    async preload(query) {
      const term = termOf(query);
      if (term) await (await pagefind()).preload(term);
    },
  };
}
