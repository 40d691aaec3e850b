import { cp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { articlePagesPerYear, buildIndex } from '#lib/search/write-index.ts';
import { planIndexParts } from '#lib/search/index-parts.ts';
import { decodeFilterChunk, decodeIndexChunk, decodeMeta, inflatePagefindFile, readIndexChunks } from '#lib/search/index-files.ts';
import type { FilterCounts, PagefindFragment, PagefindSearchOptions } from '#lib/search/pagefind-types.ts';
import { queryParadigms, usesQueryWords } from '#lib/search/rerank.ts';
import { openSearchIndex, type NodeSearchIndex } from '../../scripts/lib/search-eval/node-search.ts';
import { pagefindQuery, SEARCH_RANKING } from '#lib/search/query.ts';
import { withoutTime } from '#lib/search/timeline.ts';
import { pagefindOptions, parseState } from '#lib/search/url-state.ts';
import { createEngine, type SearchEngine } from '../../src/client/search/engine.ts';
import { PROJECT_ROOT } from '../helpers/build-site.ts';
import { serveStatic, type StaticServer } from '../helpers/serve.ts';
import { searchSite } from '../fixtures/search/site.ts';

/**
 * The search page's engine against Pagefind itself, on the test archive:
 * filters, counts and the date sort that the engine computes from the
 * index files must be exactly what Pagefind's own `search()` returns, of the
 * results whose text uses a form of every query word (judged here from the
 * text of each result, where the engine reads the words of the index).
 */
let site: string;
let server: StaticServer;
let engine: SearchEngine;
let pagefind: NodeSearchIndex;

beforeAll(async () => {
  site = await searchSite();
  server = await serveStatic(site, '/');
  engine = createEngine({
    bundlePath: `${server.url}pagefind/`,
    scriptUrl: pathToFileURL(join(site, 'pagefind/pagefind.js')).href,
    buildId: 'test',
    language: 'uk',
    shareFetches: false,
  });
  pagefind = await openSearchIndex(site, { ranking: SEARCH_RANKING });
});

afterAll(async () => {
  await pagefind?.close();
  await server?.close();
});

/**
 * Pagefind's own search for a query, in its order, with its counts: `all`
 * its results, `forms` those whose text uses a form of every query word
 * (all of them when none does).
 */
async function pagefindSearch(query: string, options: PagefindSearchOptions = {}) {
  const response = await pagefind.pagefind.search(query ? pagefindQuery(query) : null, options);
  const all = await Promise.all(response.results.map((r) => r.data()));
  const paradigms = query ? queryParadigms(query) : [];
  const forms = all.filter((fragment) => usesQueryWords(fragment.content, paradigms));
  return { response, all, forms: forms.length > 0 ? forms : all };
}

const urlsOf = (fragments: readonly PagefindFragment[]) => fragments.map((fragment) => new URL(fragment.url).pathname);

/** Result URLs of Pagefind's own search for a page state, in its order, of the results that use a form of every word. */
async function pagefindUrls(search: string): Promise<string[]> {
  const state = parseState(search);
  return urlsOf((await pagefindSearch(state.query, pagefindOptions(state))).forms);
}

/** Counts of every value of `template` (Pagefind's counts, for their values) among the fragments' filters. */
function countsOf(fragments: readonly PagefindFragment[], template: FilterCounts): FilterCounts {
  const counts: FilterCounts = Object.fromEntries(
    Object.entries(template).map(([name, values]) => [name, Object.fromEntries(Object.keys(values).map((value) => [value, 0]))]),
  );
  for (const fragment of fragments) {
    for (const [name, values] of Object.entries(fragment.filters)) for (const value of values ?? []) counts[name]![value]! += 1;
  }
  return counts;
}

async function engineUrls(search: string, from = engine): Promise<string[]> {
  const state = parseState(search);
  const { total } = await from.search(state, 0, 1);
  return (await from.search(state, 0, total)).items.map((item) => new URL(item.url).pathname);
}

describe('the index files', () => {
  test('give every page, filter value and the date order', async () => {
    const entry = JSON.parse(await readFile(join(site, 'pagefind/pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { hash: string }>;
    };
    const metaFile = join(site, `pagefind/pagefind.${Object.values(entry.languages)[0]!.hash}.pf_meta`);
    const meta = decodeMeta(await inflatePagefindFile(await readFile(metaFile), metaFile));
    expect(meta.version).toBe('1.6.0');
    expect(meta.pages).toHaveLength(50);
    expect([...meta.filterChunks.keys()].sort()).toEqual(['period', 'topic', 'year']);
    expect(meta.sorts.get('date')).toHaveLength(50);
    const yearFile = join(site, `pagefind/filter/${meta.filterChunks.get('year')}.pf_filter`);
    const years = decodeFilterChunk(await inflatePagefindFile(await readFile(yearFile), yearFile));
    expect(years.name).toBe('year');
    expect(years.values.map((v) => v.value).sort()).toEqual(['2022', '2023', '2024', '2025']);
    expect(years.values.reduce((sum, v) => sum + v.pages.length, 0)).toBe(50);
    // Each article under its month and under its day.
    const periodFile = join(site, `pagefind/filter/${meta.filterChunks.get('period')}.pf_filter`);
    const periods = decodeFilterChunk(await inflatePagefindFile(await readFile(periodFile), periodFile));
    expect(periods.values.filter((v) => v.value.length === 10).reduce((sum, v) => sum + v.pages.length, 0)).toBe(50);
    expect(periods.values.filter((v) => v.value.length === 7).reduce((sum, v) => sum + v.pages.length, 0)).toBe(50);
  });

  test('give the pages of every indexed word, as Pagefind finds the word', async () => {
    const entry = JSON.parse(await readFile(join(site, 'pagefind/pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { hash: string }>;
    };
    const metaFile = join(site, `pagefind/pagefind.${Object.values(entry.languages)[0]!.hash}.pf_meta`);
    const metaData = await inflatePagefindFile(await readFile(metaFile), metaFile);
    const meta = decodeMeta(metaData);
    expect(meta.indexChunks.length).toBeGreaterThan(0);
    expect(readIndexChunks(metaData)).toEqual(meta.indexChunks);
    const words = new Map<string, number[]>();
    for (const chunk of meta.indexChunks) {
      const file = join(site, `pagefind/index/${chunk.hash}.pf_index`);
      const chunkWords = decodeIndexChunk(await inflatePagefindFile(await readFile(file), file));
      // In Pagefind's order, that of code points, within the chunk's bounds (the last one may be cut short).
      const list = chunkWords.map((w) => w.word);
      expect(list).toEqual([...list].sort());
      expect(list[0]! >= chunk.from).toBe(true);
      expect(list.at(-1)! <= chunk.to || list.at(-1)!.startsWith(chunk.to)).toBe(true);
      for (const { word, pages } of chunkWords)
        words.set(
          word,
          [...pages].sort((a, b) => a - b),
        );
    }
    // `київ` is held as `киів`, with its spelling beside it.
    for (const word of ['переговорів', 'казахстанське', 'київ', 'допомогу']) {
      const response = await pagefind.pagefind.search(`"${word}"`);
      const pages = response.results.map((r) => meta.pages.indexOf(r.id)).sort((a, b) => a - b);
      expect(pages.length, word).toBeGreaterThan(0);
      expect(words.get(word.replace('ї', 'і')), word).toEqual(pages);
    }
  });

  test('are refused when they are not Pagefind files', async () => {
    await expect(inflatePagefindFile(new TextEncoder().encode('<!doctype html>'), 'fragment/x.pf_fragment')).rejects.toThrow(
      /fragment\/x\.pf_fragment/,
    );
  });
});

describe('the engine', () => {
  test.each([
    '?q=допомога&topic=Допомога%2C+волонтерство&topic=Медицина&year=2022',
    '?q=переговори&sort=date',
    '?q=переговори&topic=Переговори&sort=date',
    '?topic=Медицина',
    '?year=2023&year=2024&sort=date',
    '?topic=Немає+такої',
    '?month=2022-03',
    '?q=допомога&from=2022-03-20&to=2023-05-10&sort=date',
    '?year=2022&from=2022-04-18',
  ])('filters and sorts as Pagefind does: %s', async (search) => {
    expect(await engineUrls(search)).toEqual(await pagefindUrls(search));
  });

  test('keeps Pagefind order, listing only the results that use a form of every query word', async () => {
    expect(await engineUrls('?q=переговорів&sort=date')).toHaveLength((await pagefindUrls('?q=переговорів')).length);
    expect(await engineUrls('?topic=Війна')).toEqual(await pagefindUrls('?topic=Війна'));
    for (const query of ['Казахстані', 'переговори', 'допомога', 'школах', 'протести Казахстану']) {
      const { all } = await pagefindSearch(query);
      const listed = await engineUrls(`?q=${encodeURIComponent(query)}`);
      expect(listed, query).toEqual(await pagefindUrls(`?q=${encodeURIComponent(query)}`));
      expect(listed.length, query).toBeGreaterThan(0);
      if (query === 'Казахстані') expect(listed.length, query).toBeLessThan(all.length);
    }
    // Pagefind finds the article that has only the derived word (казахстанське); the engine does not list it.
    expect(urlsOf((await pagefindSearch('Казахстані')).all).some((url) => url.includes('kazakhstanske-zerno'))).toBe(true);
    expect((await engineUrls('?q=Казахстані')).some((url) => url.includes('kazakhstanske-zerno'))).toBe(false);
  });

  test('keeps every result when none uses a form of the words: a word still being typed', async () => {
    const { all, forms } = await pagefindSearch('Казахс');
    expect(forms).toBe(all);
    expect(await engineUrls('?q=Казахс')).toEqual(urlsOf(all));
    expect(all.length).toBeGreaterThan(1);
  });

  test('counts exactly the results it lists: the total, every filter value and the timeline', async () => {
    await pagefind.pagefind.filters();
    for (const query of ['допомога', 'переговори', 'Казахстані']) {
      const { response, forms } = await pagefindSearch(query);
      const counts = await engine.counts(query);
      expect(counts, query).toEqual(countsOf(forms, response.totalFilters));
      const state = parseState(`?q=${encodeURIComponent(query)}`);
      const { total, items } = await engine.search(state, 0, 50);
      expect(items).toHaveLength(total);
      expect(Object.values(counts.year ?? {}).reduce((a, b) => a + b, 0)).toBe(total);
      expect(await engine.timelineCounts(state)).toEqual(counts);
    }
  });

  test('never lists a result twice nor leaves one out when showing more', async () => {
    for (const query of ['Казахстані', 'переговори', 'допомога']) {
      const state = parseState(`?q=${encodeURIComponent(query)}`);
      const all = await engine.search(state, 0, 50);
      const pages = [];
      for (let from = 0; from < all.total; from += 2) pages.push(...(await engine.search(state, from, 2)).items);
      expect(pages, query).toEqual(all.items);
      expect(new Set(pages.map((item) => item.url)).size).toBe(all.total);
    }
  });

  test.each(['?q=допомога&topic=Медицина&year=2022', '?q=переговори&topic=Переговори&topic=Війна&month=2022-03', '?q=переговори'])(
    'counts the timeline among the results that pass the filters other than time, as Pagefind counts filtered results: %s',
    async (search) => {
      const state = parseState(search);
      const { response, forms } = await pagefindSearch(state.query, pagefindOptions(withoutTime(state)));
      const counts = await engine.timelineCounts(state);
      expect(counts).toEqual(countsOf(forms, response.filters));
      // Every result that passes the topics is in one year, whatever year is chosen.
      const years = Object.values(counts.year ?? {}).reduce((a, b) => a + b, 0);
      expect(years).toBe((await engine.search(withoutTime(state), 0, 0)).total);
      expect(years).toBeGreaterThan(0);
    },
  );

  test('counts every article without words, where Pagefind reports zeros', async () => {
    const counts = await engine.counts('');
    expect(Object.values(counts.year ?? {}).reduce((a, b) => a + b, 0)).toBe(50);
    expect(counts.topic).toEqual(await pagefind.pagefind.filters().then((all) => all.topic));
  });

  test('pages through the results', async () => {
    const state = parseState('?q=допомога');
    const all = await engine.search(state, 0, 50);
    const first = await engine.search(state, 0, 3);
    const second = await engine.search(state, 3, 3);
    expect(first.total).toBe(all.total);
    expect([...first.items, ...second.items]).toEqual(all.items.slice(0, 6));
    expect(first.items[0]).toMatchObject({
      title: expect.any(String),
      date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      topics: expect.any(Array),
      excerpt: expect.stringContaining('<mark>'),
    });
  });
});

describe('the engine on an index built in parts', () => {
  let partedServer: StaticServer;
  let parted: SearchEngine;

  beforeAll(async () => {
    // The test archive indexed again in parts of at most 15 articles (whole years each).
    const copy = join(PROJECT_ROOT, 'tests/.output/search-parts/site');
    await rm(copy, { recursive: true, force: true });
    await cp(site, copy, { recursive: true });
    await rm(join(copy, 'pagefind'), { recursive: true, force: true });
    await buildIndex(copy, { info: () => {} }, { parts: planIndexParts(await articlePagesPerYear(copy), 15), manifest: true });
    expect(JSON.parse(await readFile(join(copy, 'pagefind/parts.json'), 'utf8'))).not.toEqual([]);
    partedServer = await serveStatic(copy, '/');
    parted = createEngine({
      bundlePath: `${partedServer.url}pagefind/`,
      scriptUrl: pathToFileURL(join(copy, 'pagefind/pagefind.js')).href,
      buildId: 'test',
      language: 'uk',
      shareFetches: false,
    });
  });

  afterAll(async () => {
    await partedServer?.close();
  });

  test.each([
    '?q=допомога&sort=date',
    '?q=переговори&topic=Переговори&sort=date',
    '?year=2022&year=2025&sort=date',
    '?sort=date&topic=Медицина',
  ])('finds, filters and sorts by date as the whole index does: %s', async (search) => {
    expect(await engineUrls(search, parted)).toEqual(await engineUrls(search));
  });

  test('finds the same articles by relevance, and counts them the same', async () => {
    for (const query of ['допомога', 'Казахстані', 'переговорів']) {
      expect(new Set(await engineUrls(`?q=${encodeURIComponent(query)}`, parted))).toEqual(
        new Set(await engineUrls(`?q=${encodeURIComponent(query)}`)),
      );
      expect(await parted.counts(query)).toEqual(await engine.counts(query));
    }
    expect(await parted.counts('')).toEqual(await engine.counts(''));
  });
});
