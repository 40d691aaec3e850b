/**
 * `ARKHIV_BUILD_ID=<id> node scripts/index-search.ts <built-site-dir> [base]`:
 * builds the search index and the service worker of a site that was built
 * with `ARKHIV_SEARCH_INDEX=skip` and the same `ARKHIV_BUILD_ID`, exactly as
 * `astro build` does in one go. The benchmark uses it to time the index apart.
 */
import { resolve } from 'node:path';
import { buildIndex } from '#lib/search/write-index.ts';
import { writeServiceWorker } from '#lib/site/service-worker.ts';

const [dir, base = '/'] = process.argv.slice(2);
const buildId = process.env.ARKHIV_BUILD_ID;
if (!dir || !buildId) {
  console.error('Usage: ARKHIV_BUILD_ID=<the id the site was built with> node scripts/index-search.ts <built-site-dir> [base]');
  process.exit(2);
}
const logger = { info: (message: string) => console.log(message) };
await buildIndex(resolve(dir), logger);
await writeServiceWorker(resolve(dir), base, buildId, logger);
