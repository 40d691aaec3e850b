import { chromium } from 'playwright-core';
import { median } from './stats.ts';

export interface SearchTiming {
  /** Bytes on the wire from the first keystroke of a cold query until its results are shown. */
  coldBytes: number;
  /** Milliseconds from the cold query until its first results are shown. */
  coldMs: number;
  /** Median milliseconds of the warm queries. */
  warmMedianMs: number;
  warmRuns: number;
  /** Results of the cold query (a search that finds nothing measures nothing). */
  coldResults: number;
}

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Measures search as a reader meets it, in Debian's Chromium against a site
 * served on loopback: open the search page in a fresh profile (cold cache, no
 * service worker), run one query, then `warm` more queries on the same page.
 * Each query runs Pagefind's JS API exactly as the search page loads it, and
 * counts as shown once the first ten results' fragments are loaded.
 */
export async function measureSearch(siteUrl: string, coldQuery: string, warmQueries: readonly string[]): Promise<SearchTiming> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
    let bytes = 0;
    cdp.on('Network.loadingFinished', (event: { encodedDataLength: number }) => {
      bytes += event.encodedDataLength;
    });
    await page.goto(new URL('search/', siteUrl).href, { waitUntil: 'load' });
    bytes = 0;
    const runQuery = (query: string) =>
      page.evaluate(async ({ base, query }) => {
        const started = performance.now();
        const w = window as unknown as { __pf?: Promise<any> };
        w.__pf ??= import(`${base}pagefind/pagefind.js`).then(async (pf) => {
          await pf.init();
          return pf;
        });
        const pagefind = await w.__pf;
        const search = await pagefind.search(query);
        await Promise.all(search.results.slice(0, 10).map((result: { data(): Promise<unknown> }) => result.data()));
        return { ms: performance.now() - started, results: search.results.length as number };
      }, { base: new URL(siteUrl).pathname, query });
    const cold = await runQuery(coldQuery);
    // Let the last responses report their sizes before reading the counter.
    await page.waitForTimeout(300);
    const coldBytes = bytes;
    const warm: number[] = [];
    for (const query of warmQueries) warm.push((await runQuery(query)).ms);
    return { coldBytes, coldMs: cold.ms, warmMedianMs: warm.length > 0 ? median(warm) : Number.NaN, warmRuns: warm.length, coldResults: cold.results };
  } finally {
    await browser.close();
  }
}
