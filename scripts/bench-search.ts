/**
 * `node_modules/.bin/node scripts/bench-search.ts [--runs N] <site folder>…`
 *
 * Times search on sites already built (with their Pagefind index), the way
 * `npm run bench` does after a build (`measureSearch`: Chromium, loopback,
 * fresh profile, the benchmark's cold and warm queries), on Arkhiv's search
 * page and on Pagefind's default UI over the same index (`search-pages.ts`),
 * which of the two goes first alternating from run to run. With several
 * folders, runs alternate between them, so that two versions of the search
 * page on the same index meet the same load; the load average is printed
 * with every run. Figures are medians of the runs.
 */
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { INDEX_FOLDER } from '#lib/search/index-parts.ts';
import { COLD_QUERY, WARM_QUERIES } from './lib/bench/run-size.ts';
import { ARKHIV_SEARCH, PAGEFIND_UI_SEARCH, serveSearchPages } from './lib/bench/search-pages.ts';
import { measureSearch, medianTiming, type SearchTiming } from './lib/bench/search-timing.ts';
import { defineCli, exitWithUsageError, positiveInteger, readCommandLine, withHelpHint } from './lib/cli/parse-args.ts';

const CLI = defineCli({
  command: 'node_modules/.bin/node scripts/bench-search.ts',
  name: 'bench-search',
  usage: '[параметри] <тека сайту>…',
  summary: `Міряє пошук на вже зібраних сайтах (з індексом Pagefind) так само, як npm run bench після збірки:
сторінку пошуку Архіву і стандартний інтерфейс Pagefind на тому самому індексі.
З кількома теками запуски чергуються між ними, щоб обидві версії зустріли однакове навантаження.`,
  options: {
    runs: {
      type: 'string',
      value: '<n>',
      description: 'запусків на кожен сайт; цифри — медіани',
      default: '3',
      check: positiveInteger('--runs'),
    },
  },
  positionals: true,
  exitCodes: [
    [0, 'виміри надруковано'],
    [1, 'сайт не зібрано з індексом або вимір не вдався'],
    [2, 'неправильні параметри'],
  ],
});
const { values, positionals } = readCommandLine(CLI);
const runs = Number(values.runs);
if (positionals.length === 0) exitWithUsageError(CLI, withHelpHint(CLI, 'не вказано жодної теки сайту (наприклад dist)'));
const sites = positionals.map((site) => resolve(site));
const missing = sites.filter(
  (site) => !existsSync(join(site, INDEX_FOLDER, 'pagefind-entry.json')) || !existsSync(join(site, 'search/index.html')),
);
if (missing.length > 0) {
  console.error(
    missing
      .map((site) => `${site}: no search/index.html or pagefind/pagefind-entry.json; build the site with its index first (npm run build).`)
      .join('\n'),
  );
  process.exit(1);
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number) => `${Math.round(value)} ms`;
const describe = (t: SearchTiming) =>
  `cold ${ms(t.coldMs)}, ${kb(t.coldBytes)} (${kb(t.coldBytesAtResults)} before the results), warm median ${ms(t.warmMedianMs)}`;

const pages = [ARKHIV_SEARCH, PAGEFIND_UI_SEARCH];
/** Timings by site, then by page name. */
const results = new Map(sites.map((site) => [site, new Map(pages.map((page) => [page.name, [] as SearchTiming[]]))]));
for (let run = 1; run <= runs; run++) {
  for (const site of sites) {
    const server = await serveSearchPages(site);
    try {
      for (const page of run % 2 === 1 ? pages : pages.toReversed()) {
        const load = loadavg()[0]!.toFixed(2);
        const timing = await measureSearch(server.url, page, COLD_QUERY, WARM_QUERIES);
        if (timing.coldResults === 0) throw new Error(`${site}: the cold query «${COLD_QUERY}» found nothing, so nothing was measured.`);
        results.get(site)!.get(page.name)!.push(timing);
        console.log(`${site}, ${page.name}, run ${run}/${runs}, load average ${load}: ${describe(timing)}`);
      }
    } finally {
      await server.close();
    }
  }
}
console.log('');
for (const [site, byPage] of results) {
  for (const [name, timings] of byPage) console.log(`${site}, ${name}, median of ${timings.length}: ${describe(medianTiming(timings))}`);
}
