/**
 * `ARKHIV_BUILD_ID=<id> node_modules/.bin/node scripts/index-search.ts <built-site-dir> [base]`:
 * builds the search index and the service worker of a site that was built
 * with `ARKHIV_SEARCH_INDEX=skip` and the same `ARKHIV_BUILD_ID`, exactly as
 * `astro build` does in one go. The benchmark uses it to time the index apart.
 */
import { resolve } from 'node:path';
import { articlesPerYear } from '#lib/build/articles-per-year.ts';
import { partSizeFromEnvironment, planIndexParts } from '#lib/search/index-parts.ts';
import { buildIndex } from '#lib/search/write-index.ts';
import { writeServiceWorker } from '#lib/site/service-worker.ts';
import { defineCli, exitWithUsageError, readCommandLine, withHelpHint } from './lib/cli/parse-args.ts';

const CLI = defineCli({
  command: 'node_modules/.bin/node scripts/index-search.ts',
  name: 'index-search',
  usage: '<тека зібраного сайту> [base]',
  summary: `Будує пошуковий індекс і service worker сайту, зібраного з ARKHIV_SEARCH_INDEX=skip і тим самим
ARKHIV_BUILD_ID, так само, як astro build робить це за один раз. base — шлях сайту, типово /.`,
  options: {},
  positionals: true,
  notes:
    'Змінні середовища:\n  ARKHIV_BUILD_ID  ідентифікатор, з яким зібрано сайт (обовʼязковий)\n  ARKHIV_CONTENT   тека архіву, з якої зібрано сайт (типово content)',
  exitCodes: [
    [0, 'індекс і service worker записано'],
    [1, 'індекс не вдалося побудувати'],
    [2, 'неправильні параметри або немає ARKHIV_BUILD_ID'],
  ],
});
const { positionals } = readCommandLine(CLI);
const [dir, base = '/', ...extra] = positionals;
const buildId = process.env.ARKHIV_BUILD_ID;
if (!dir) exitWithUsageError(CLI, withHelpHint(CLI, 'не вказано теки зібраного сайту'));
if (extra.length > 0) exitWithUsageError(CLI, withHelpHint(CLI, `зайвий аргумент «${extra[0]}»`));
if (!buildId)
  exitWithUsageError(CLI, withHelpHint(CLI, 'не задано ARKHIV_BUILD_ID: потрібен той самий ідентифікатор, з яким зібрано сайт'));
const logger = { info: (message: string) => console.log(message) };
const parts = planIndexParts(articlesPerYear(resolve(process.env.ARKHIV_CONTENT ?? 'content')), partSizeFromEnvironment());
await buildIndex(resolve(dir), logger, { parts, manifest: true });
await writeServiceWorker(resolve(dir), base, buildId, logger);
