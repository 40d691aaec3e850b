import type { Request } from 'playwright-core';
import { launchChromium } from '../chromium.ts';
import type { SearchPage } from './search-pages.ts';
import { median } from './stats.ts';

export interface SearchTiming {
  /**
   * Bytes on the wire for opening the search page with `?q=<cold query>` in a
   * fresh profile: everything the page and its workers fetch until the
   * network has been quiet for half a second after the results are shown
   * (page, scripts, index, fragments, and on Arkhiv's page the filter data
   * behind the counts).
   */
  coldBytes: number;
  /** Of `coldBytes`, what had arrived when the first results were shown. */
  coldBytesAtResults: number;
  /** Milliseconds from navigation start until the first results of the cold query are shown. */
  coldMs: number;
  /**
   * Median milliseconds from the input event that completes a warm query in
   * the query field until its results are shown, with the page's typing
   * delay (debounce) set to 0.
   */
  warmMedianMs: number;
  warmRuns: number;
  /** Results of the cold query (a search that finds nothing measures nothing). */
  coldResults: number;
}

/** How long the network must stay quiet before the cold query's bytes are counted. */
const QUIET_MS = 500;
/** How long a query may take to show its results before the measurement fails. */
const RESULTS_TIMEOUT_MS = 60_000;

/**
 * Bytes a finished request took on the wire: headers and body. Chromium
 * reports no body size for a worker's script, so its `content-length` is
 * taken (the loopback server sends every file whole, uncompressed).
 */
async function transferred(request: Request): Promise<number> {
  try {
    const sizes = await request.sizes();
    const length = Number((await request.response())?.headers()['content-length'] ?? 0);
    return sizes.responseHeadersSize + (sizes.responseBodySize || length);
  } catch {
    return 0;
  }
}

/**
 * In the page: with `query`, puts it in the query field and sends the input
 * event a keystroke sends, then waits until the list shows results other
 * than those it showed before; without, waits for results. Resolves to
 * milliseconds since the input event, or without a query since the
 * navigation started. Results count as shown at the animation frame that
 * finds them in the list, all loaded (`SearchPage`): the frame that paints
 * them. Self-contained, as Playwright runs it in the page.
 */
function showResults({ page, query, timeoutMs }: { page: SearchPage; query: string | null; timeoutMs: number }): Promise<number> {
  return new Promise((done, fail) => {
    const before = query === null ? null : (document.querySelector(page.results)?.firstElementChild ?? null);
    const started = performance.now();
    if (query !== null) {
      const input = document.querySelector<HTMLInputElement>(page.input);
      if (!input) return fail(new Error(`The page has no query field (${page.input}).`));
      input.value = query;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }
    const shown = () => {
      const list = document.querySelector(page.results);
      if (!list || list.children.length === 0 || list.firstElementChild === before) return false;
      return page.loading ? list.querySelector(page.loading) === null : !list.hasAttribute('aria-busy');
    };
    const poll = () => {
      if (shown()) done(performance.now() - (query === null ? 0 : started));
      else if (performance.now() - started > timeoutMs)
        fail(new Error(`No results for "${query ?? 'the cold query'}" within ${timeoutMs / 1000} s.`));
      else requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
  });
}

/**
 * Measures search as a reader meets it, through a search page (`page`:
 * Arkhiv's, or Pagefind's default UI on the same index), in Debian's
 * Chromium against a site served on loopback (`serveSearchPages`): open a
 * shared search link with the cold query in a fresh profile (cold cache, no
 * service worker), then type the warm queries one after another on the same
 * page. Both pages are measured by the same rules.
 */
export async function measureSearch(
  siteUrl: string,
  page: SearchPage,
  coldQuery: string,
  warmQueries: readonly string[],
): Promise<SearchTiming> {
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const tab = await context.newPage();
    // Requests of the page and of its workers (the search may run in one): Playwright reports both on the context.
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
      finished.push(transferred(request));
    });
    const sum = async (sizes: Array<Promise<number>>) => (await Promise.all(sizes)).reduce((a, b) => a + b, 0);

    // Waiting for the page's `load` could start watching after the results are shown.
    await tab.goto(new URL(`${page.path}?q=${encodeURIComponent(coldQuery)}`, siteUrl).href, { waitUntil: 'commit' });
    const coldMs = await tab.evaluate(showResults, { page, query: null, timeoutMs: RESULTS_TIMEOUT_MS });
    const atResults = [...finished];
    const coldResults = await tab.locator(`${page.results} > *`).count();
    const quietBy = performance.now() + 30_000;
    while ((inFlight > 0 || performance.now() - lastChange < QUIET_MS) && performance.now() < quietBy) await tab.waitForTimeout(50);
    const coldBytes = await sum(finished);
    const coldBytesAtResults = await sum(atResults);

    const warm: number[] = [];
    for (const query of warmQueries) warm.push(await tab.evaluate(showResults, { page, query, timeoutMs: RESULTS_TIMEOUT_MS }));
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

/** Each figure the median of the runs' (the first run's counts for the rest). */
export function medianTiming(runs: readonly SearchTiming[]): SearchTiming {
  const pick = (field: (t: SearchTiming) => number) => median(runs.map(field));
  return {
    ...runs[0]!,
    coldBytes: pick((t) => t.coldBytes),
    coldBytesAtResults: pick((t) => t.coldBytesAtResults),
    coldMs: pick((t) => t.coldMs),
    warmMedianMs: pick((t) => t.warmMedianMs),
  };
}
