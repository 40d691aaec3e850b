import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { INDEX_FOLDER } from '#lib/search/index-parts.ts';
import { readPartsManifest } from '#lib/search/parts-manifest.ts';
import { serveStatic, type StaticServer } from '../serve-static.ts';

/** A search page the benchmark times, and how to tell from its markup that results are shown. */
export interface SearchPage {
  /** Name in reports. */
  name: string;
  /** Path of the page relative to the site's URL; a shared search link adds `?q=<query>`. */
  path: string;
  /** Selector of the query field. */
  input: string;
  /** Selector of the results list, whose children are the results. */
  results: string;
  /**
   * Selector, inside the list, of a result still loading: results count as
   * shown when none is left. Without it, when the list is not `aria-busy`.
   */
  loading?: string;
}

/** Arkhiv's search page, as the site ships it. */
export const ARKHIV_SEARCH: SearchPage = { name: 'Arkhiv', path: 'search/', input: '#search-query', results: '[data-search-results]' };

/** Where the benchmark serves its Pagefind UI page; the site has no such folder. */
const PAGEFIND_UI_PATH = 'bench-pagefind-ui/';

/**
 * Pagefind's default UI on the same site and index, a page the site does not
 * ship (`serveSearchPages`). A result shows grey placeholders until its
 * fragment has arrived.
 */
export const PAGEFIND_UI_SEARCH: SearchPage = {
  name: 'Pagefind UI',
  path: PAGEFIND_UI_PATH,
  input: '.pagefind-ui__search-input',
  results: '.pagefind-ui__results',
  loading: '.pagefind-ui__loading',
};

/** Results a page of Arkhiv's search shows at once (`PAGE_SIZE` in `src/client/search/page.ts`). */
const RESULTS_SHOWN = 10;

/**
 * A page with nothing but PagefindUI, from the `pagefind-ui.js` and
 * `pagefind-ui.css` Pagefind writes into its bundle at `bundlePath`, merging
 * the other parts of an index built in parts (`parts`, as in
 * `pagefind/parts.json`) so that it searches the whole archive as Arkhiv's
 * page does. It takes a shared link's `?q=` the way Pagefind's documentation
 * shows (`triggerSearch`), shows as many results at once as Arkhiv's page,
 * and searches at every keystroke (`debounceTimeoutMs: 0`); every other
 * option is Pagefind's default. Its icon is inline, so that the browser does
 * not fetch the site's 404 page for `/favicon.ico`.
 */
export function pagefindUiPage(bundlePath: string, parts: readonly string[]): string {
  const options = {
    element: '#search',
    bundlePath,
    pageSize: RESULTS_SHOWN,
    debounceTimeoutMs: 0,
    mergeIndex: parts.map((folder) => ({ bundlePath: `${bundlePath}${folder}` })),
  };
  return `<!doctype html>
<html lang="uk">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Pagefind UI</title>
<link rel="icon" href="data:,">
<link href="${bundlePath}pagefind-ui.css" rel="stylesheet">
<script src="${bundlePath}pagefind-ui.js"></script>
</head>
<body>
<div id="search"></div>
<script>
const ui = new PagefindUI(${JSON.stringify(options).replace(/</g, '\\u003c')});
const query = new URLSearchParams(location.search).get('q');
if (query) ui.triggerSearch(query);
</script>
</body>
</html>
`;
}

const SEARCH_CONFIG = /(<script type="application\/json" id="search-config">)(.*?)(<\/script>)/s;

/** Arkhiv's search page with its typing delay set to 0 (`typingDelayMs` in `src/client/search/config.ts`); throws when the page has no search config. */
export function withoutTypingDelay(html: string): string {
  const match = SEARCH_CONFIG.exec(html);
  if (!match) throw new Error('The search page has no #search-config element: rebuild the site.');
  const config = { ...(JSON.parse(match[2]!) as object), typingDelayMs: 0 };
  return html.replace(
    SEARCH_CONFIG,
    (_, open: string, _json: string, close: string) => `${open}${JSON.stringify(config).replace(/</g, '\\u003c')}${close}`,
  );
}

/**
 * Serves a built site (at `/`, with its index in `pagefind/`) for timing
 * search: Arkhiv's search page without its typing delay, so that a typed
 * query is timed without the wait as PagefindUI's is, and the Pagefind UI
 * page at `PAGEFIND_UI_SEARCH.path`. Neither is written into the site.
 */
export async function serveSearchPages(site: string): Promise<StaticServer> {
  const searchPage = await readFile(join(site, ARKHIV_SEARCH.path, 'index.html'), 'utf8');
  const parts = await readPartsManifest(site);
  return serveStatic(
    site,
    '/',
    new Map([
      [`/${ARKHIV_SEARCH.path}`, withoutTypingDelay(searchPage)],
      [`/${PAGEFIND_UI_SEARCH.path}`, pagefindUiPage(`/${INDEX_FOLDER}/`, parts)],
    ]),
  );
}
