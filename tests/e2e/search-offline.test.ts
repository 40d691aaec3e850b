import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { PROJECT_ROOT } from '../helpers/build-site.ts';
import { browserAvailable } from '../helpers/browser.ts';
import { searchSiteInBrowser } from '../helpers/search-page.ts';
import { serveStatic } from '../helpers/serve.ts';
import { SEARCH_BASE, searchSite } from '../fixtures/search/site.ts';

/** Polls `check` in the page until it returns true: `page.waitForFunction` does not await an async predicate. */
async function until(page: Page, check: (names: string[]) => Promise<boolean>, names: string[] = []): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await page.evaluate(check, names))) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${check.toString()}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

const activated = async (): Promise<boolean> => (await navigator.serviceWorker.ready).active?.state === 'activated';
const cachesAre = async (names: string[]): Promise<boolean> =>
  JSON.stringify((await caches.keys()).sort()) === JSON.stringify([...names].sort());

describe.runIf(browserAvailable())('the archive offline', () => {
  const site = searchSiteInBrowser();

  test('searches and reopens visited articles after the network is gone', async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${site.server.url}search/`);
    await until(page, activated);
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
    await page.goto(`${site.server.url}search/?q=${encodeURIComponent('переговорах')}`);
    await page.waitForSelector('.search-result');
    expect(await page.$$eval('.search-result h2 a', (links) => links.map((a) => a.textContent))).toEqual(titles);
    // Some Chromium versions report a document opened under emulated offline as online; setting it again fires
    // `offline` there, as a real loss of network does.
    if (await page.evaluate(() => navigator.onLine)) {
      await context.setOffline(false);
      await context.setOffline(true);
    }
    await page.waitForSelector('[data-offline-banner]', { state: 'visible', timeout: 5000 });

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
    const context = await site.browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${copy.url}search/`);
      await until(page, activated);
      const worker = await readFile(join(root, 'sw.js'), 'utf8');
      const buildId = worker.match(/"buildId": "([^"]+)"/)![1]!;
      expect(await page.evaluate(() => caches.keys())).toEqual([`arkhiv:${SEARCH_BASE}:${buildId}`]);
      expect(await page.$eval('#search-config', (script) => (JSON.parse(script.textContent ?? '{}') as { buildId: string }).buildId)).toBe(
        buildId,
      );

      await writeFile(join(root, 'sw.js'), worker.replaceAll(buildId, 'next-build'));
      await page.evaluate(async () => (await navigator.serviceWorker.ready).update());
      await until(page, cachesAre, [`arkhiv:${SEARCH_BASE}:next-build`]);
    } finally {
      await context.close();
      await copy.close();
    }
  });

  test('two archives on one origin keep each other’s offline cache', async () => {
    // The search site under its own base and a copy whose worker serves `/b/`, both on one server.
    const root = join(PROJECT_ROOT, 'tests/.output/search-offline-two-bases');
    await rm(root, { recursive: true, force: true });
    await cp(await searchSite(), join(root, SEARCH_BASE), { recursive: true });
    await cp(await searchSite(), join(root, 'b'), { recursive: true });
    const worker = await readFile(join(root, 'b/sw.js'), 'utf8');
    const buildId = worker.match(/"buildId": "([^"]+)"/)![1]!;
    const workerOfB = (id: string) => worker.replaceAll(`"${SEARCH_BASE}`, '"/b/').replaceAll(buildId, id);
    await writeFile(join(root, 'b/sw.js'), workerOfB('b-build'));
    const both = await serveStatic(root, '/');
    const context = await site.browser.newContext();
    const keys = (page: Page) => page.evaluate(async () => (await caches.keys()).sort());
    try {
      const page = await context.newPage();
      await page.goto(`${both.url}${SEARCH_BASE.slice(1)}search/`);
      await until(page, activated);
      const ownCache = `arkhiv:${SEARCH_BASE}:${buildId}`;
      expect(await keys(page)).toEqual([ownCache]);

      // An unscoped cache of each archive, as a worker without the base in its cache names leaves behind.
      await page.evaluate(async (base) => {
        await (await caches.open('arkhiv-unscoped-a')).put(base, new Response('a'));
        await (await caches.open('arkhiv-unscoped-b')).put('/b/', new Response('b'));
      }, SEARCH_BASE);

      await page.goto(`${both.url}b/search/`);
      await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.register('/b/sw.js', { scope: '/b/' });
        const worker = registration.installing ?? registration.waiting ?? registration.active!;
        await new Promise<void>((done, fail) => {
          const settle = () =>
            worker.state === 'activated'
              ? done()
              : worker.state === 'redundant'
                ? fail(new Error('the worker of /b/ failed to install'))
                : undefined;
          worker.addEventListener('statechange', settle);
          settle();
        });
      });
      expect(await keys(page)).toEqual(['arkhiv-unscoped-a', ownCache, 'arkhiv:/b/:b-build'].sort());

      // A new build of `/b/` replaces only the cache of `/b/`.
      await writeFile(join(root, 'b/sw.js'), workerOfB('b-next'));
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration('/b/'))!.update());
      await until(page, cachesAre, ['arkhiv-unscoped-a', ownCache, 'arkhiv:/b/:b-next']);

      // The first archive still opens without the network.
      await context.setOffline(true);
      await page.goto(`${both.url}${SEARCH_BASE.slice(1)}search/`);
      expect(await page.title()).not.toBe('');
      expect(await page.locator('#search-query').count()).toBe(1);
    } finally {
      await context.close();
      await both.close();
    }
  });
});
