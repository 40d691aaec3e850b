import { cp, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { articlePagesPerYear, buildIndex } from '#lib/search/write-index.ts';
import { planIndexParts } from '#lib/search/index-parts.ts';
import { tn } from '../../src/i18n/uk.ts';
import { axeViolations } from '../helpers/axe.ts';
import { PROJECT_ROOT } from '../helpers/build-site.ts';
import { browserAvailable } from '../helpers/browser.ts';
import { fixtureSiteInBrowser } from '../helpers/fixture-browser.ts';
import { serveStatic } from '../helpers/serve.ts';
import { collectProblems, searchSiteInBrowser, STATUS, waitForCount } from '../helpers/search-page.ts';
import { SEARCH_BASE, searchSite } from '../fixtures/search/site.ts';

describe.runIf(browserAvailable())('the search page in Chromium', () => {
  const session = searchSiteInBrowser();
  const { open } = session;

  async function resultTitles(page: Page): Promise<string[]> {
    return page.$$eval('.search-result h2 a', (links) => links.map((a) => a.textContent ?? ''));
  }

  test('loads no search code until the reader starts, then shows results as they type', async () => {
    const context = await session.browser.newContext({ serviceWorkers: 'block' });
    const { page, problems, requests } = await open(context, 'search/');
    await page.waitForLoadState('networkidle');
    expect(requests.filter((path) => path.includes('/pagefind/'))).toEqual([]);
    expect(requests.every((path) => path.startsWith(SEARCH_BASE))).toBe(true);
    // Every script is an external module of the site (the policy allows no inline script); strings travel as JSON data.
    const scripts = await page.$$eval('script', (list) =>
      list.map((s) => ({ type: s.getAttribute('type'), src: s.getAttribute('src'), inline: (s.textContent ?? '').trim() !== '' })),
    );
    expect(
      scripts.filter(
        (s) =>
          !['application/json', 'application/ld+json'].includes(s.type ?? '') &&
          (s.type !== 'module' || !s.src?.startsWith(SEARCH_BASE) || s.inline),
      ),
    ).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);

    await page.locator('#search-query').pressSequentially('Казахстані', { delay: 30 });
    await page.waitForFunction(() => document.querySelectorAll('.search-result').length > 0);
    const shown = await waitForCount(page);
    expect(await page.textContent(STATUS)).toBe(tn('search.results', shown));
    expect(new URL(page.url()).searchParams.get('q')).toBe('Казахстані');
    expect(await resultTitles(page)).toContain('Уряд Казахстану пішов у відставку');
    // The article that only has a derived word (казахстанське) is not listed, nor counted by the count or the filters.
    expect(await resultTitles(page)).not.toContain('Казахстанське зерно пішло через Каспій');
    await page.getByLabel(/Казахстан \(\d+\)$/).waitFor();
    const years = await page.$$eval('[data-search-filters] input[name="year"]', (boxes) =>
      boxes.map((box) => Number(box.parentElement?.textContent?.match(/\((\d+)\)$/)?.[1])),
    );
    expect(years.reduce((sum, n) => sum + n, 0)).toBe(shown);
    const first = page.locator('.search-result').first();
    expect(await first.locator('time').textContent()).toMatch(/^\d{1,2} [а-яі]+ 20\d\d$/);
    expect(await first.locator('.search-result__meta').textContent()).toContain('Казахстан');
    expect(await first.locator('.search-result__excerpt mark').count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  test('narrows by topic and year, with counts, and sorts newest first', async () => {
    const context = await session.browser.newContext({ serviceWorkers: 'block' });
    const { page, problems } = await open(context, `search/?q=${encodeURIComponent('допомогу')}`);
    const all = await waitForCount(page);
    const topic = page.getByLabel(/Допомога, волонтерство \(\d+\)$/);
    const label = (await topic.locator('xpath=..').textContent())!.trim();
    const count = Number(label.match(/\((\d+)\)$/)![1]);
    await topic.check();
    await page.waitForFunction((n) => document.querySelectorAll('.search-result').length === n, count);
    expect(count).toBeLessThan(all);
    expect(new URL(page.url()).searchParams.getAll('topic')).toEqual(['Допомога, волонтерство']);
    for (const meta of await page.$$eval('.search-result__meta', (m) => m.map((x) => x.textContent ?? '')))
      expect(meta).toContain('Допомога, волонтерство');
    expect(await page.textContent(STATUS)).toBe(tn('search.results', count));

    await page.getByLabel(/2022 \(\d+\)$/).check();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('year') === '2022');
    await waitForCount(page);
    for (const date of await page.$$eval('.search-result time', (t) => t.map((x) => x.getAttribute('datetime') ?? '')))
      expect(date.startsWith('2022')).toBe(true);

    await page.getByRole('button', { name: 'Скинути фільтри' }).click();
    await page.getByLabel('Порядок').selectOption('date');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('sort') === 'date');
    await page.waitForFunction((n) => document.querySelectorAll('.search-result').length === Math.min(n, 10), all);
    const dates = await page.$$eval('.search-result time', (t) => t.map((x) => x.getAttribute('datetime') ?? ''));
    expect(dates).toEqual([...dates].sort().reverse());
    expect(problems).toEqual([]);
    await context.close();
  });

  test('keeps the search in the URL: opening it runs the search, and the back button restores the previous one', async () => {
    const context = await session.browser.newContext({ serviceWorkers: 'block' });
    const { page } = await open(
      context,
      `search/?q=${encodeURIComponent('переговори')}&topic=${encodeURIComponent('Переговори')}&sort=date`,
    );
    await waitForCount(page);
    expect(await page.inputValue('#search-query')).toBe('переговори');
    expect(await page.getByLabel(/Переговори \(\d+\)$/).isChecked()).toBe(true);
    expect(await page.getByLabel('Порядок').inputValue()).toBe('date');
    const before = await resultTitles(page);

    await page.fill('#search-query', 'вибори');
    await page.press('#search-query', 'Enter');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'вибори');
    await waitForCount(page);
    expect(await resultTitles(page)).not.toEqual(before);

    await page.goBack();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'переговори');
    await page.waitForFunction(
      (titles) => JSON.stringify([...document.querySelectorAll('.search-result h2 a')].map((a) => a.textContent)) === titles,
      JSON.stringify(before),
    );
    expect(await page.inputValue('#search-query')).toBe('переговори');
    expect(await page.getByLabel(/Переговори \(\d+\)$/).isChecked()).toBe(true);
    await context.close();
  });

  test('marks the searched word in every form on the article it opens', async () => {
    const context = await session.browser.newContext({ serviceWorkers: 'block' });
    const { page, problems } = await open(context, `search/?q=${encodeURIComponent('допомозі')}`);
    await waitForCount(page);
    await page.locator('.search-result h2 a').first().click();
    await page.waitForURL(/pagefind-highlight=/);
    await page.waitForSelector('mark.search-highlight');
    const marked = await page.$$eval('mark.search-highlight', (marks) => marks.map((m) => m.textContent?.toLowerCase()));
    expect(marked.length).toBeGreaterThan(0);
    for (const word of marked) expect(word).toMatch(/^допомо(га|ги|гу|зі|гою)$/);
    expect(problems).toEqual([]);
    await context.close();
  });

  test('searches in a worker that fetches each file of the index once, and counts every article when only filters are set', async () => {
    const context = await session.browser.newContext({ serviceWorkers: 'block' });
    const before = session.server.requests.length;
    const { page, problems } = await open(context, `search/?q=${encodeURIComponent('переговорів')}`);
    await waitForCount(page);
    expect(page.workers().map((worker) => new URL(worker.url()).pathname)).toEqual([expect.stringMatching(/\/_astro\/worker[^/]*\.js$/)]);
    await page.getByLabel(/Переговори \(\d+\)$/).waitFor();
    await page.waitForLoadState('networkidle');
    const fetched = session.server.requests.slice(before).filter((path) => path.includes('/pagefind/'));
    expect(fetched.filter((path, i) => fetched.indexOf(path) !== i)).toEqual([]);
    expect(fetched).not.toContain(`${SEARCH_BASE}pagefind/pagefind-worker.js`);

    await page.goto(`${session.server.url}search/?topic=${encodeURIComponent('Медицина')}`);
    const shown = await waitForCount(page);
    await page.getByLabel(/Медицина \(\d+\)$/).waitFor();
    expect(await page.getByLabel(/Медицина \(\d+\)$/).isChecked()).toBe(true);
    expect(
      await page
        .getByLabel(/Медицина \(\d+\)$/)
        .locator('xpath=..')
        .textContent(),
    ).toContain(`(${shown})`);
    expect(await page.locator('[data-search-filters] input[name="topic"]').count()).toBeGreaterThan(5);
    expect(problems).toEqual([]);
    await context.close();
  });

  test('searches on the page when no worker can start', async () => {
    const context = await session.browser.newContext({ serviceWorkers: 'block' });
    await context.addInitScript(() => Object.defineProperty(window, 'Worker', { value: undefined }));
    const { page, problems } = await open(context, `search/?q=${encodeURIComponent('Казахстані')}`);
    const shown = await waitForCount(page);
    expect(shown).toBeGreaterThan(0);
    expect(page.workers()).toEqual([]);
    expect(await resultTitles(page)).not.toContain('Казахстанське зерно пішло через Каспій');
    expect(await page.textContent(STATUS)).toBe(tn('search.results', shown));
    await page.getByLabel(/Казахстан \(\d+\)$/).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  test('searches every part of an index built in parts, fetching each file once', async () => {
    // The test archive indexed again in parts of at most 15 articles (whole years each).
    const copy = join(PROJECT_ROOT, 'tests/.output/search-parts/e2e-site');
    await rm(copy, { recursive: true, force: true });
    await cp(await searchSite(), copy, { recursive: true });
    await rm(join(copy, 'pagefind'), { recursive: true, force: true });
    await buildIndex(copy, { info: () => {} }, { parts: planIndexParts(await articlePagesPerYear(copy), 15), manifest: true });
    const folders = JSON.parse(await readFile(join(copy, 'pagefind/parts.json'), 'utf8')) as string[];
    expect(folders.length).toBeGreaterThan(0);
    const parted = await serveStatic(copy, SEARCH_BASE);
    const search = `search/?q=${encodeURIComponent('допомога')}&sort=date`;
    try {
      const whole = await open(await session.browser.newContext({ serviceWorkers: 'block' }), search);
      const count = await waitForCount(whole.page);
      const status = await whole.page.textContent(STATUS);
      await whole.page.context().close();

      const context = await session.browser.newContext({ serviceWorkers: 'block' });
      const page = await context.newPage();
      await page.goto(`${parted.url}${search}`);
      expect(await waitForCount(page)).toBe(count);
      expect(await page.textContent(STATUS)).toBe(status);
      await page.getByLabel(/Допомога, волонтерство \(\d+\)$/).waitFor();
      await page.waitForLoadState('networkidle');
      const fetched = parted.requests.filter((path) => path.includes('/pagefind/'));
      expect(fetched.filter((path, i) => fetched.indexOf(path) !== i)).toEqual([]);
      for (const folder of folders) expect(fetched.some((path) => path.startsWith(`${SEARCH_BASE}pagefind/${folder}pagefind.`))).toBe(true);
      await context.close();
    } finally {
      await parted.close();
    }
  });

  test('explains without JavaScript that search needs it', async () => {
    const context = await session.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${session.server.url}search/?q=test`);
    expect(await page.locator('.search-noscript').isVisible()).toBe(true);
    expect(await page.locator('.search-noscript').textContent()).toContain('потребує JavaScript');
    expect(await page.isVisible('[data-search]')).toBe(false);
    await context.close();
  });

  test('reports what a cold query transfers', async () => {
    const context = await session.browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(`${session.server.url}search/`);
    await page.waitForLoadState('networkidle');
    const before = session.server.requests.length;
    await page.fill('#search-query', 'переговорів');
    await waitForCount(page);
    await page.waitForLoadState('networkidle');
    // The loopback server sends files as they are, uncompressed: their sizes are the bytes sent.
    const site = await searchSite();
    const files = session.server.requests.slice(before).map((path) => path.slice(SEARCH_BASE.length));
    const sizes = await Promise.all(files.map(async (file) => (await stat(join(site, file))).size));
    const index = sizes
      .filter((_, i) => /^pagefind\/(index|fragment|filter)\/|\.pf_meta$|entry\.json$/.test(files[i]!))
      .reduce((a, b) => a + b, 0);
    console.log(
      `Cold query «переговорів» on the test archive: ${files.length} requests, ${sizes.reduce((a, b) => a + b, 0)} bytes, of which ${index} bytes of index data`,
    );
    expect(files).toContain('pagefind/pagefind.js');
    await context.close();
  });
});

describe.runIf(browserAvailable())('filtering by author in Chromium', () => {
  // The site's test archive credits authors (tests/fixtures/archive/authors.yaml); the search archive credits none.
  const site = fixtureSiteInBrowser();
  /** The articles of Тарас Ковальчук in the site's test archive, one of them written with Олена Петренко. */
  const TARAS = {
    'Після обстрілу більшість областей залишилися без світла': 'Автори: Олена Петренко, Тарас Ковальчук',
    'У Каневі оновили музей Тараса Шевченка': 'Автор: Тарас Ковальчук',
  };
  const TARAS_BOX = { name: 'Тарас Ковальчук (2)', exact: true };

  async function open(path: string): Promise<{ page: Page; problems: string[] }> {
    const context = await site.browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    const problems = collectProblems(page);
    await page.goto(`${site.server.url}${path}`);
    return { page, problems };
  }

  /** Each result's title and the text of its meta line. */
  async function resultMetas(page: Page): Promise<Record<string, string>> {
    const pairs = await page.$$eval('.search-result', (items) =>
      items.map((item) => [item.querySelector('h2 a')?.textContent ?? '', item.querySelector('.search-result__meta')?.textContent ?? '']),
    );
    return Object.fromEntries(pairs);
  }

  test('an author checkbox narrows the results to their articles, is kept in the URL across a reload, and the clear button drops it', async () => {
    const { page, problems } = await open('search/?year=2021&year=2022');
    expect(await waitForCount(page)).toBeGreaterThan(2);
    await page.getByRole('checkbox', TARAS_BOX).waitFor();
    // Authors sit between topics and years, by count; the counts are the query's, whatever filters are chosen.
    expect(await page.$$eval('[data-search-filters] legend', (legends) => legends.map((l) => l.textContent))).toEqual([
      'Тема',
      'Автор',
      'Рік',
    ]);
    const authors = await page.$$eval('[data-search-filters] input[name="author"]', (boxes) =>
      boxes.map((box) => box.parentElement?.textContent?.trim()),
    );
    expect(authors).toEqual([expect.stringMatching(/^Олена Петренко \(\d+\)$/), 'Тарас Ковальчук (2)']);

    await page.getByRole('checkbox', TARAS_BOX).check();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('author') === 'Тарас Ковальчук');
    await page.waitForFunction(() => document.querySelectorAll('.search-result').length === 2);
    expect(new URL(page.url()).searchParams.getAll('year')).toEqual(['2021', '2022']);
    expect(await page.textContent(STATUS)).toBe(tn('search.results', 2));
    const metas = await resultMetas(page);
    expect(Object.keys(metas).sort()).toEqual(Object.keys(TARAS).sort());
    for (const [title, authorsLine] of Object.entries(TARAS)) expect(metas[title]).toContain(authorsLine);
    // The timeline counts only this author's articles.
    await page.waitForFunction(() => document.querySelectorAll('[data-search-timeline-bars] a').length === 2);
    expect(await page.$$eval('[data-search-timeline-bars] a .visually-hidden', (labels) => labels.map((l) => l.textContent))).toEqual([
      tn('search.timeline.bar', 1, { period: '2021' }),
      tn('search.timeline.bar', 1, { period: '2022' }),
    ]);
    expect(await axeViolations(page)).toEqual([]);

    await page.reload();
    expect(await waitForCount(page)).toBe(2);
    expect(Object.keys(await resultMetas(page)).sort()).toEqual(Object.keys(TARAS).sort());
    expect(await page.getByRole('checkbox', TARAS_BOX).isChecked()).toBe(true);

    await page.getByRole('button', { name: 'Скинути фільтри' }).click();
    await page.waitForFunction(() => location.search === '');
    expect(await page.locator('.search-result').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  test('an author page links to the search for their articles', async () => {
    const { page, problems } = await open('authors/taras-kovalchuk/');
    await page.getByRole('link', { name: 'Шукати в статтях автора' }).click();
    await page.waitForURL(/\/search\/\?author=/);
    expect(new URL(page.url()).searchParams.getAll('author')).toEqual(['Тарас Ковальчук']);
    expect(await waitForCount(page)).toBe(2);
    expect(Object.keys(await resultMetas(page)).sort()).toEqual(Object.keys(TARAS).sort());
    await page.getByRole('checkbox', TARAS_BOX).waitFor();
    expect(await page.getByRole('checkbox', TARAS_BOX).isChecked()).toBe(true);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
