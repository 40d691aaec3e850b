import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeRecordIndex, type IndexedRecord } from '../../scripts/lib/search-eval/record-index.ts';
import { pagefindQuery, SEARCH_RANKING } from '#lib/search/query.ts';
import { parseState } from '#lib/search/url-state.ts';
import type { PagefindModule, PagefindApi } from '#lib/search/pagefind-types.ts';
import { createEngine, type SearchEngine } from '../../src/client/search/engine.ts';
import { serveStatic, type StaticServer } from '../helpers/serve.ts';

/**
 * The engine's forms (`word-forms.ts`) on a real Pagefind index of a few
 * articles made for the case: derived words, hyphenated words and words
 * followed by punctuation, which Pagefind indexes as words of their own.
 */
const article = (id: string, title: string, text: string): IndexedRecord => ({
  id: `2022/01/${id}`,
  title,
  date: `2022-01-${id.slice(0, 2)}`,
  summary: '',
  topicNames: ['Тема'],
  paragraphs: [text],
});

const ARTICLES = [
  article('01/ivano', 'Гості в Івано-Франківську', 'Місто Івано-Франківськ прийняло гостей.'),
  article('02/ivan', 'Вірші Івана Франка', 'Нову збірку Івана Франка видали знову.'),
  article('03/derzhava', 'Нова держава', 'Про нову державу говорили всі: «Ми — держава».'),
  article('04/uchasnytsi', 'Союз', 'Державами-учасницями стали шість країн.'),
  article('05/kazakhstanske', 'Зерно через Каспій', 'Казахстанське зерно пішло через Каспій.'),
  article('06/kazakhstani', 'Протести', 'У Казахстані тривають протести.'),
  article('07/vrozhai', 'Поле', 'Врожай зібрали рано, а врожаєм задоволені.'),
];

let dir: string;
let server: StaticServer;
let engine: SearchEngine;
let pagefind: PagefindApi;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'arkhiv-forms-'));
  await writeRecordIndex(ARTICLES, dir);
  server = await serveStatic(dir, '/');
  const scriptUrl = pathToFileURL(join(dir, 'pagefind/pagefind.js')).href;
  engine = createEngine({ bundlePath: `${server.url}pagefind/`, scriptUrl, buildId: 'test', language: 'uk', shareFetches: false });
  const module = (await import(scriptUrl)) as PagefindModule;
  pagefind = module.createInstance({ basePath: `${server.url}pagefind/`, ranking: SEARCH_RANKING, noWorker: true });
  await pagefind.init();
});

afterAll(async () => {
  await pagefind?.destroy?.();
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** The ids of the articles the engine lists for a query, and its count. */
async function listed(query: string): Promise<{ ids: string[]; total: number }> {
  const page = await engine.search(parseState(`?q=${encodeURIComponent(query)}`), 0, 50);
  return { ids: page.items.map((item) => item.url.match(/2022\/01\/([^/]+\/[^/]+)/)![1]!).sort(), total: page.total };
}

/** How many articles Pagefind itself finds for the query's stems. */
async function found(query: string): Promise<number> {
  return (await pagefind.search(pagefindQuery(query))).results.length;
}

describe('the results a query lists', () => {
  test('leave out the articles that only have a longer word made from the query word', async () => {
    expect(await found('Казахстані')).toBe(2);
    expect(await listed('Казахстані')).toEqual({ ids: ['06/kazakhstani'], total: 1 });
    expect((await engine.counts('Казахстані')).year).toEqual({ '2022': 1 });
  });

  test('do not take the first part of a hyphenated word for a word of its own', async () => {
    // Pagefind indexes «Івано-Франківськ» whole and in parts: `івано` looks like a form of `Іван`.
    expect(await found('Івана')).toBe(2);
    expect(await listed('Івана')).toEqual({ ids: ['02/ivan'], total: 1 });
  });

  test('take the later parts of a hyphenated word, and a word followed by punctuation', async () => {
    expect((await listed('учасниці')).ids).toEqual(['04/uchasnytsi']);
    // Pagefind indexes «держава»» with its quote too, at the same place as «держава».
    expect((await listed('держава')).ids).toEqual(['03/derzhava']);
  });

  test('find the forms of a noun whose stem ends in й', async () => {
    expect((await listed('врожаю')).ids).toEqual(['07/vrozhai']);
    expect((await listed('врожай')).ids).toEqual(['07/vrozhai']);
  });

  test('keep every article found when none uses a form of the word', async () => {
    expect(await listed('Казахс')).toEqual({ ids: ['05/kazakhstanske', '06/kazakhstani'], total: 2 });
  });

  test('are none when a word of the query begins no indexed word, though Pagefind answers with the other word', async () => {
    // Pagefind answers `черезщлщ` with the pages of `через`, a word it holds, so the pair finds the article with both.
    expect(await found('зерно черезщлщ')).toBe(1);
    expect(await listed('зерно черезщлщ')).toEqual({ ids: [], total: 0 });
    expect(await listed('зерно через')).toEqual({ ids: ['05/kazakhstanske'], total: 1 });
    expect((await engine.counts('зерно черезщлщ')).year).toEqual({ '2022': 0 });
  });
});
