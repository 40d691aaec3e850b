import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PROJECT_ROOT } from '../helpers/build-site.ts';
import { browserAvailable, launchBrowser } from '../helpers/browser.ts';
import { serveStatic, type StaticServer } from '../helpers/serve.ts';
import { SEARCH_BASE, searchSite } from '../fixtures/search/site.ts';

describe.runIf(browserAvailable())('the archive offline', () => {
  let browser: Browser;
  let server: StaticServer;

  beforeAll(async () => {
    server = await serveStatic(await searchSite(), SEARCH_BASE);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('searches and reopens visited articles after the network is gone', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}search/`);
    await page.waitForFunction(async () => (await navigator.serviceWorker.ready).active?.state === 'activated');
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

    await page.fill('#search-query', 'переговорів');
    await page.waitForSelector('.search-result');
    const titles = await page.$$eval('.search-result h2 a', (links) => links.map((a) => a.textContent));
    await page.locator('.search-result h2 a').first().click();
    await page.waitForSelector('article h1');
    const articleUrl = page.url();
    const articleTitle = await page.textContent('article h1');
    expect(await page.isVisible('[data-offline-banner]')).toBe(false);

    await context.setOffline(true);
    await page.waitForSelector('[data-offline-banner]', { state: 'visible' });

    // A fresh search page, served from the cache, finds a word whose index chunk was fetched before (another form of it).
    await page.goto(`${server.url}search/?q=${encodeURIComponent('переговорах')}`);
    await page.waitForSelector('.search-result');
    expect(await page.$$eval('.search-result h2 a', (links) => links.map((a) => a.textContent))).toEqual(titles);
    expect(await page.isVisible('[data-offline-banner]')).toBe(true);

    // Words never searched before have nothing in the cache to answer from, and the page says so.
    await page.fill('#search-query', 'футболу');
    await page.waitForFunction(() => /без мережі/.test(document.querySelector('[data-search-status]')?.textContent ?? ''));

    await page.goto(articleUrl);
    expect(await page.textContent('article h1')).toBe(articleTitle);
    await page.waitForSelector('mark.search-highlight');
    await context.close();
  });

  test('a new build replaces the caches of the old one', async () => {
    // A copy of the site whose service worker is then swapped for one of another build.
    const root = join(PROJECT_ROOT, 'tests/.output/search-offline-rebuild');
    await rm(root, { recursive: true, force: true });
    await cp(await searchSite(), root, { recursive: true });
    const copy = await serveStatic(root, SEARCH_BASE);
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${copy.url}search/`);
      await page.waitForFunction(async () => (await navigator.serviceWorker.ready).active?.state === 'activated');
      const worker = await readFile(join(root, 'sw.js'), 'utf8');
      const buildId = worker.match(/"buildId": "([^"]+)"/)![1]!;
      expect(await page.evaluate(() => caches.keys())).toEqual([`arkhiv-${buildId}`]);
      expect(await page.$eval('#search-config', (script) => (JSON.parse(script.textContent ?? '{}') as { buildId: string }).buildId)).toBe(buildId);

      await writeFile(join(root, 'sw.js'), worker.replaceAll(buildId, 'next-build'));
      await page.evaluate(async () => (await navigator.serviceWorker.ready).update());
      await page.waitForFunction(async () => JSON.stringify(await caches.keys()) === JSON.stringify(['arkhiv-next-build']));
    } finally {
      await context.close();
      await copy.close();
    }
  });
});
