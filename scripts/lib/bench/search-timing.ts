import { launchChromium } from '../chromium.ts';
import { median } from './stats.ts';

export interface SearchTiming {
  /** Bytes on the wire for opening `/search/?q=<cold query>` in a fresh profile, page and index together. */
  coldBytes: number;
  /** Milliseconds from navigation start until the first results of the cold query are shown. */
  coldMs: number;
  /** Median milliseconds from submitting a warm query until its results are shown. */
  warmMedianMs: number;
  warmRuns: number;
  /** Results of the cold query (a search that finds nothing measures nothing). */
  coldResults: number;
}


const RESULTS = '[data-search-results]';

/**
 * Measures search as a reader meets it, through the real search page, in
 * Debian's Chromium against a site served on loopback: open a shared search
 * link in a fresh profile (cold cache, no service worker), then submit the
 * warm queries one after another on the same page. A query counts as shown
 * when its first results are in the list and the list is no longer busy.
 */
export async function measureSearch(siteUrl: string, coldQuery: string, warmQueries: readonly string[]): Promise<SearchTiming> {
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    let bytes = 0;
    cdp.on('Network.loadingFinished', (event: { encodedDataLength: number }) => {
      bytes += event.encodedDataLength;
    });
    await page.goto(new URL(`search/?q=${encodeURIComponent(coldQuery)}`, siteUrl).href);
    await page.waitForFunction((selector) => {
      const list = document.querySelector(selector);
      return list !== null && list.children.length > 0 && !list.hasAttribute('aria-busy');
    }, RESULTS, { timeout: 60_000, polling: 'raf' });
    const coldMs = await page.evaluate(() => performance.now());
    const coldResults = await page.locator(`${RESULTS} > li`).count();
    // Let the last responses report their sizes before reading the counter.
    await page.waitForTimeout(500);
    const coldBytes = bytes;

    const warm: number[] = [];
    for (const query of warmQueries) {
      const ms = await page.evaluate(
        ({ query, selector }) =>
          new Promise<number>((done, fail) => {
            const list = document.querySelector(selector)!;
            const input = document.querySelector<HTMLInputElement>('#search-query')!;
            const before = list.firstElementChild;
            const started = performance.now();
            input.value = query;
            input.form!.requestSubmit();
            const poll = () => {
              if (list.firstElementChild !== before && list.children.length > 0 && !list.hasAttribute('aria-busy')) done(performance.now() - started);
              else if (performance.now() - started > 30_000) fail(new Error(`No results for "${query}" within 30 s.`));
              else requestAnimationFrame(poll);
            };
            requestAnimationFrame(poll);
          }),
        { query, selector: RESULTS },
      );
      warm.push(ms);
    }
    return { coldBytes, coldMs, warmMedianMs: warm.length > 0 ? median(warm) : Number.NaN, warmRuns: warm.length, coldResults };
  } finally {
    await browser.close();
  }
}
