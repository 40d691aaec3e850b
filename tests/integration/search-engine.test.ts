import { cp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { articlePagesPerYear, buildIndex } from '#lib/search/write-index.ts';
import { planIndexParts } from '#lib/search/index-parts.ts';
import { decodeFilterChunk, decodeMeta, inflatePagefindFile } from '#lib/search/index-files.ts';
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
 * index files must be exactly what Pagefind's own `search()` returns.
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

/** Result URLs of Pagefind's own search for a page state, in its order. */
async function pagefindUrls(search: string): Promise<string[]> {
  const state = parseState(search);
  const response = await pagefind.pagefind.search(state.query ? pagefindQuery(state.query) : null, pagefindOptions(state));
  return (await Promise.all(response.results.map((r) => r.data()))).map((d) => new URL(d.url).pathname);
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

  test('keeps Pagefind order without filters, reranking only the first results of a query', async () => {
    expect(await engineUrls('?q=переговорів&sort=date')).toHaveLength((await pagefindUrls('?q=переговорів')).length);
    expect(await engineUrls('?topic=Війна')).toEqual(await pagefindUrls('?topic=Війна'));
    const ranked = await engineUrls('?q=Казахстані');
    expect(new Set(ranked)).toEqual(new Set(await pagefindUrls('?q=Казахстані')));
    expect(ranked.at(-1)).toMatch(/kazakhstanske-zerno/);
  });

  test('counts every filter value among all results of the query, as Pagefind does', async () => {
    await pagefind.pagefind.filters();
    for (const query of ['допомога', 'переговори', 'Казахстані']) {
      const response = await pagefind.pagefind.search(pagefindQuery(query));
      expect(await engine.counts(query)).toEqual(response.totalFilters);
    }
  });

  test.each(['?q=допомога&topic=Медицина&year=2022', '?q=переговори&topic=Переговори&topic=Війна&month=2022-03', '?q=переговори'])(
    'counts the timeline among the results that pass the filters other than time, as Pagefind counts filtered results: %s',
    async (search) => {
      const state = parseState(search);
      const response = await pagefind.pagefind.search(pagefindQuery(state.query), pagefindOptions(withoutTime(state)));
      const counts = await engine.timelineCounts(state);
      expect(counts).toEqual(response.filters);
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
