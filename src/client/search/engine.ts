/**
 * The search behind the search page, without the page: Pagefind matches and
 * ranks the query, over every part of an index built in parts; filters,
 * filter counts and the date sort come from the index's own filter lists and
 * date order (`src/lib/search/facets.ts`), because Pagefind computes them in
 * time proportional to results × listed pages;
 * a result is listed only when it uses a form of every query word, as the
 * index chunks tell (`word-forms.ts`), so that the list, its count and the
 * filter counts agree before any result is read. Words typed in Latin
 * letters are searched in Cyrillic when only that finds them
 * (`query-resolution.ts`); phrases and excluded words take searches of their
 * own, whose results are intersected and subtracted here. The matches of the
 * last queries are kept, so changing a filter or the sort, going back, or
 * showing more searches nothing again. Runs in the search worker (`worker.ts`), or on the
 * page when no worker can start.
 */
import { allowedPages, countFacets, intersectPages, markPages, sortByOrder } from '#lib/search/facets.ts';
import {
  decodeFilterChunk,
  decodeIndexChunk,
  decodeMeta,
  readIndexChunks,
  type ChunkWords,
  type Facet,
  type IndexChunkRef,
  type IndexMeta,
} from '#lib/search/index-files.ts';
import { joinFacets, joinMetas, type IndexUnion } from '#lib/search/index-union.ts';
import type { FilterCounts, PagefindApi, PagefindFragment, PagefindModule, PagefindResult } from '#lib/search/pagefind-types.ts';
import { hasTerms, queryWords, searchPlan, SEARCH_RANKING, type SearchPlan } from '#lib/search/query.ts';
import { foldLikePagefind } from '#lib/search/paradigm.ts';
import { mayBeMisspelledCyrillic, resolveQuery } from '#lib/search/query-resolution.ts';
import { formatQuery, parseQuery } from '#lib/search/query-syntax.ts';
import { mergeByScore } from '#lib/search/merge-results.ts';
import { hasWordStartingWith } from '#lib/search/rerank.ts';
import { stemWord } from '#lib/search/stem.ts';
import {
  chunksFor,
  hasIndexedWordStartingWith,
  isIndexed,
  keepForms,
  pagesWithForms,
  wordForms,
  type IndexPart,
} from '#lib/search/word-forms.ts';
import { timelineSelection, withoutTime } from '#lib/search/timeline.ts';
import { pagefindOptions, selectedFilters, stateToSearch, type SearchState } from '#lib/search/url-state.ts';
import { keptChunks, openPagefindFiles } from './pagefind-files.ts';

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
  /** Author names. */
  authors: string[];
  /** HTML-escaped text with the matched words in `<mark>`. */
  excerpt: string;
}

export interface ResultPage {
  /** Results of the whole search, after filters: exactly those the list pages through. */
  total: number;
  items: ResultView[];
  /** The query as searched when words of it were read in Cyrillic (`query-resolution.ts`), else `null`. */
  searched: string | null;
  /** With `searched`: the typed query with those words in quotes, which searches exactly what was typed. */
  literal: string | null;
  /** Stems of the searched words, for the result links' highlighting. */
  stems: string[];
}

export interface SearchEngine {
  /** Results `from` to `from + count` of a search, ready to show. */
  search(state: SearchState, from: number, count: number): Promise<ResultPage>;
  /** Counts of every filter value among all results of the query, whatever the filters (Pagefind's `totalFilters`). */
  counts(query: string): Promise<FilterCounts>;
  /**
   * Counts of every filter value among the results of the state's query that
   * pass its filters other than time (topics, authors): the counts of the
   * timeline and the month list (`timeline.ts`).
   */
  timelineCounts(state: SearchState): Promise<FilterCounts>;
  /** Fetches the index data a query will need, while the reader is still typing. */
  preload(query: string): Promise<void>;
}

/** Queries whose matches, order and counts are kept. */
const KEPT = 10;

/** Query words whose pages with a form of them are kept. */
const KEPT_FORMS = 20;

/** Words whose presence in the index is kept: a Latin word tries up to two dozen Cyrillic spellings. */
const KEPT_WORDS = 200;

/** A map that forgets its oldest entries, and a failed entry as soon as it fails. */
function keptPromises<T>(kept = KEPT) {
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
    if (map.size > kept) map.delete(map.keys().next().value!);
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
    authors: fragment.filters.author ?? [],
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

  const chunkUrl = (folder: string, hash: string) => `${bundlePath}${folder}index/${hash}.pf_index`;
  /** The words of every index chunk of every part, read when a query needs them (`word-forms.ts`). */
  const indexParts = once(async (): Promise<IndexPart[]> => {
    const [all, index, partFolders] = await Promise.all([metas(), meta(), folders()]);
    const chunkWords = keptPromises<ChunkWords>(keptChunks(all.length));
    return all.map((part, i) => ({
      chunks: part.indexChunks,
      offset: index.offsets[i]!,
      words: (hash) =>
        chunkWords(`${partFolders[i]}${hash}`, async () => {
          const url = chunkUrl(partFolders[i]!, hash);
          return decodeIndexChunk(await files.indexChunk(url), url);
        }),
    }));
  });
  /** Each part's index chunk list, read from its metadata alone, by folder. */
  const chunkLists = keptPromises<IndexChunkRef[]>(Number.POSITIVE_INFINITY);
  /**
   * Requests the index chunks that a query's words begin in, in every part,
   * as soon as that part's metadata has arrived. Its chunk list alone reads
   * in a fraction of the time the whole metadata takes to decode, so on a
   * cold start with an index in parts the chunks download while the
   * metadata is decoded and Pagefind starts, rather than after; the engine
   * and Pagefind then get the same downloads. Asked once per query (`queryOf`)
   * and while the reader types (`preload`).
   */
  const requestChunks = async (query: string) => {
    // A word that may be Cyrillic typed with Latin keys is searched by the reading the index holds, found later.
    const words = searchPlan(parseQuery(query)).inflected.filter((word) => !mayBeMisspelledCyrillic(word));
    const prefixes = words.flatMap((word) => wordForms(word).prefixes);
    if (prefixes.length === 0) return;
    await Promise.all(
      (await folders()).map(async (folder) => {
        const chunks = await chunkLists(folder, async () =>
          readIndexChunks(await files.meta(folder), `the metadata in ${bundlePath}${folder}`),
        );
        const hashes = new Set(prefixes.flatMap((prefix) => chunksFor(chunks, prefix).map((chunk) => chunk.hash)));
        await Promise.all([...hashes].map((hash) => files.indexChunk(chunkUrl(folder, hash))));
      }),
    );
  };
  /** The page numbers of the pages that use a form of a query word. */
  const formPages = keptPromises<Set<number>>(KEPT_FORMS);
  const pagesOfForms = (word: string) => formPages(word, async () => pagesWithForms(wordForms(word), await indexParts()));
  /** Whether the index holds a word that begins like a form of a query word (`isIndexed`). */
  const indexedWords = keptPromises<boolean>(KEPT_FORMS);
  const wordIndexed = (word: string) => indexedWords(word, async () => isIndexed(wordForms(word), await indexParts()));

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

  const searchTerm = async (term: string | null) => (await (await pagefind()).search(term)).results;
  /** Every page that matches a Pagefind term (`null`: every page), in Pagefind's order. */
  const matches = keptPromises<PagefindResult[]>();
  const matchesOf = (term: string | null) => matches(term ?? '', () => searchTerm(term));

  /**
   * Whether the index holds a word beginning with a stem. For a stem that no
   * indexed word begins with, Pagefind answers with the pages of the longest
   * indexed word that begins the stem (`в` for `вщлщ`), so a result alone
   * proves nothing: the best result's text must hold such a word. Pagefind
   * is asked only when the index chunk holds a word that begins like the stem
   * as Pagefind folds it (ї as і, й as и): most readings of a Latin word are
   * no word at all, and each search of one costs as much as a search.
   */
  const foundStems = keptPromises<boolean>(KEPT_WORDS);
  const stemFound = (stem: string) =>
    foundStems(stem, async () => {
      const parts = await indexParts();
      const held = await Promise.all(queryWords(stem).map((word) => hasIndexedWordStartingWith(foldLikePagefind(word), parts)));
      if (!held.every(Boolean)) return false;
      const results = await searchTerm(stem);
      const [best] = results;
      const found = best !== undefined && hasWordStartingWith((await readResult(best)).content, stem);
      // A stem found is usually searched next (an excluded word, a query of that one word), so its pages are kept as its
      // matches; those of stems not found are not, so that the readings tried for a Latin word push out no kept matches.
      if (found) void matches(stem, async () => results);
      return found;
    });
  const wordFound = async (word: string) => {
    const wordStems = queryWords(word).map((w) => stemWord(w));
    return wordStems.length > 0 && (await Promise.all(wordStems.map(stemFound))).every(Boolean);
  };

  interface Query {
    plan: SearchPlan;
    /** The query as searched and as typed literally, when words were read in Cyrillic. */
    searched: string | null;
    literal: string | null;
  }
  const queries = keptPromises<Query>();
  const queryOf = (query: string) =>
    queries(query, async (): Promise<Query> => {
      requestChunks(query).catch(() => {});
      const resolution = await resolveQuery(parseQuery(query), wordFound);
      return {
        plan: searchPlan(resolution.parts),
        searched: resolution.converted ? formatQuery(resolution.parts) : null,
        literal: resolution.converted ? formatQuery(resolution.literal) : null,
      };
    });

  /**
   * The pages of a term and of its alternative terms (`SearchPlan.alternatives`),
   * merged by score. An alternative counts only when the index holds a word
   * beginning with its prefix (read from the index chunk Pagefind fetches for
   * the term anyway): for a prefix no indexed word begins with, Pagefind
   * answers with the pages of a shorter word.
   */
  const matchesWithAlternatives = async (term: string, alternatives: SearchPlan['alternatives']) => {
    const lists = await Promise.all([
      matchesOf(term),
      ...alternatives.map(async ({ term, prefix }) =>
        // Asked only once the index chunk shows the prefix: Pagefind's answer for one it does not hold is the pages of a
        // shorter word (`у` for `укрить`), often most of the archive, and costs as much to search as to throw away.
        (await hasIndexedWordStartingWith(prefix, await indexParts())) ? matchesOf(term) : [],
      ),
    ]);
    return mergeByScore(lists);
  };

  /**
   * Every page a query matches, in the order of its first term: the pages
   * every included term finds, less those an excluded term finds, and of
   * those, the pages that use a form of every word outside phrases
   * (`keepForms`: all of them when none does). An excluded
   * word that the index does not hold excludes nothing (Pagefind would answer
   * with a shorter word's pages); an included one that no indexed word begins
   * like makes the query find nothing. A query with nothing to search for finds nothing.
   */
  const queryMatches = keptPromises<PagefindResult[]>();
  const matchesOfQuery = (query: string) =>
    queryMatches(query, async () => {
      const { plan } = await queryOf(query);
      if (!hasTerms(plan)) return [];
      const [first = null, ...rest] = plan.include;
      const [indexed, results, required, excluded, forms, index] = await Promise.all([
        Promise.all(plan.inflected.map(wordIndexed)),
        first !== null && plan.alternatives.length > 0 ? matchesWithAlternatives(first, plan.alternatives) : matchesOf(first),
        Promise.all(rest.map(matchesOf)),
        Promise.all(plan.exclude.map(async (term) => (term.startsWith('"') || (await stemFound(term)) ? matchesOf(term) : []))),
        Promise.all(plan.inflected.map(pagesOfForms)),
        meta(),
      ]);
      if (!indexed.every(Boolean)) return [];
      const ids = (list: PagefindResult[]) => new Set(list.map((result) => result.id));
      const requiredIds = required.map(ids);
      const excludedIds = ids(excluded.flat());
      const matched =
        requiredIds.length === 0 && excludedIds.size === 0
          ? results
          : results.filter((result) => requiredIds.every((set) => set.has(result.id)) && !excludedIds.has(result.id));
      return keepForms(matched, (result) => index.pageNumbers.get(result.id) ?? -1, forms);
    });

  /** The results of a state, after its filters and sort: the list the page shows, ten at a time. */
  const orders = keptPromises<PagefindResult[]>();
  const orderOf = (state: SearchState) =>
    orders(stateToSearch(state), async () => {
      const { sort = {} } = pagefindOptions(state);
      const selected = selectedFilters(state);
      const [sortKey, direction] = Object.entries(sort)[0] ?? [];
      let results = state.query ? await matchesOfQuery(state.query) : await matchesOf(null);
      if (Object.keys(selected).length === 0 && !sortKey) return results;
      const index = await meta();
      const pageOf = (result: PagefindResult) => index.pageNumbers.get(result.id) ?? -1;
      const allowed = Object.keys(selected).length > 0 ? allowedPages(await facets(), selected, index.pages.length) : null;
      if (allowed) results = results.filter((result) => allowed[pageOf(result)] === 1);
      const order = sortKey ? index.sorts.get(sortKey) : undefined;
      return order && direction ? sortByOrder(results, pageOf, order, direction) : results;
    });

  /** The results of a query (every page without words), marked by page number, with the index they were marked in. */
  const markedMatches = async (query: string) => {
    const [results, index, all] = await Promise.all([query ? matchesOfQuery(query) : matchesOf(null), meta(), facets()]);
    const marks = markPages(
      index.pages.length,
      results.map((result) => index.pageNumbers.get(result.id) ?? -1),
    );
    return { marks, index, all };
  };
  const counts = keptPromises<FilterCounts>();
  const countsOf = (query: string) =>
    counts(query, async () => {
      const { marks, all } = await markedMatches(query);
      return countFacets(all, marks);
    });
  /** Timeline counts of states with topics or authors, by the state without time and sort. */
  const keptTimelines = keptPromises<FilterCounts>();

  return {
    async search(state, from, count) {
      const [results, query] = await Promise.all([orderOf(state), state.query ? queryOf(state.query) : null]);
      const stems = query?.plan.stems ?? [];
      const page = results.slice(from, from + count);
      return {
        total: results.length,
        items: (await Promise.all(page.map(readResult))).map((read) => read.view),
        searched: query?.searched ?? null,
        literal: query?.literal ?? null,
        stems,
      };
    },
    counts: countsOf,
    timelineCounts(state) {
      const selected = timelineSelection(state);
      // Without topics or authors these are the query's counts, kept already.
      if (Object.keys(selected).length === 0) return countsOf(state.query);
      return keptTimelines(stateToSearch({ ...withoutTime(state), sort: 'relevance' }), async () => {
        const { marks, index, all } = await markedMatches(state.query);
        return countFacets(all, intersectPages(marks, allowedPages(all, selected, index.pages.length)));
      });
    },
    async preload(query) {
      const plan = searchPlan(parseQuery(query));
      requestChunks(query).catch(() => {});
      const api = await pagefind();
      await Promise.all([...plan.include, ...plan.alternatives.map((a) => a.term), ...plan.exclude].map((term) => api.preload(term)));
    },
  };
}
