import { launchChromium } from '../chromium.ts';
import { median } from './stats.ts';

export interface SearchTiming {
  /**
   * Bytes on the wire for opening `/search/?q=<cold query>` in a fresh profile:
   * everything the page and its workers fetch until the network has been
   * quiet for half a second after the results are shown (page, scripts,
   * index, fragments, and the filter data behind the counts).
   */
  coldBytes: number;
  /** Of `coldBytes`, what had arrived when the first results were shown. */
  coldBytesAtResults: number;
  /** Milliseconds from navigation start until the first results of the cold query are shown. */
  coldMs: number;
  /** Median milliseconds from submitting a warm query until its results are shown. */
  warmMedianMs: number;
  warmRuns: number;
  /** Results of the cold query (a search that finds nothing measures nothing). */
  coldResults: number;
}

const RESULTS = '[data-search-results]';
/** How long the network must stay quiet before the cold query's bytes are counted. */
const QUIET_MS = 500;

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
    // Requests of the page and of its workers (the search runs in one): Playwright reports both on the context.
    let inFlight = 0;
    let lastChange = performance.now();
    const finished: Array<Promise<number>> = [];
    const settle = () => {
      inFlight -= 1;
      lastChange = performance.now();
    };
    context.on('request', () => {
      inFlight += 1;
      lastChange = performance.now();
    });
    context.on('requestfailed', settle);
    context.on('requestfinished', (request) => {
      settle();
      finished.push(
        request.sizes().then(
          (sizes) => sizes.responseHeadersSize + sizes.responseBodySize,
          () => 0,
        ),
      );
    });
    const sum = async (sizes: Array<Promise<number>>) => (await Promise.all(sizes)).reduce((a, b) => a + b, 0);

    await page.goto(new URL(`search/?q=${encodeURIComponent(coldQuery)}`, siteUrl).href);
    await page.waitForFunction(
      (selector) => {
        const list = document.querySelector(selector);
        return list !== null && list.children.length > 0 && !list.hasAttribute('aria-busy');
      },
      RESULTS,
      { timeout: 60_000, polling: 'raf' },
    );
    const coldMs = await page.evaluate(() => performance.now());
    const atResults = [...finished];
    const coldResults = await page.locator(`${RESULTS} > li`).count();
    const quietBy = performance.now() + 30_000;
    while ((inFlight > 0 || performance.now() - lastChange < QUIET_MS) && performance.now() < quietBy) await page.waitForTimeout(50);
    const coldBytes = await sum(finished);
    const coldBytesAtResults = await sum(atResults);

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
              if (list.firstElementChild !== before && list.children.length > 0 && !list.hasAttribute('aria-busy'))
                done(performance.now() - started);
              else if (performance.now() - started > 30_000) fail(new Error(`No results for "${query}" within 30 s.`));
              else requestAnimationFrame(poll);
            };
            requestAnimationFrame(poll);
          }),
        { query, selector: RESULTS },
      );
      warm.push(ms);
    }
    return {
      coldBytes,
      coldBytesAtResults,
      coldMs,
      warmMedianMs: warm.length > 0 ? median(warm) : Number.NaN,
      warmRuns: warm.length,
      coldResults,
    };
  } finally {
    await browser.close();
  }
}
