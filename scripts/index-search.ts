/**
 * `node scripts/index-search.ts <built-site-dir>`: builds the search index of
 * a site built with `ARKHIV_SEARCH_INDEX=skip`, exactly as `astro build` does.
 */
import { resolve } from 'node:path';
import { buildIndex } from '../src/integrations/pagefind.ts';

const [dir] = process.argv.slice(2);
if (!dir) {
  console.error('Usage: node scripts/index-search.ts <built-site-dir>');
  process.exit(2);
}
await buildIndex(resolve(dir), { info: (message: string) => console.log(message) });
