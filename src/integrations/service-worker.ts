import type { AstroIntegration } from 'astro';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { shardScope } from '#lib/build/shards.ts';
import { writeServiceWorker } from '#lib/site/service-worker.ts';

/**
 * Makes the built archive usable offline. Every build gets an id: pages see
 * it as `process.env.ARKHIV_BUILD_ID` (`src/lib/search/build-id.ts`; the search
 * page passes it to Pagefind as `metaCacheTag`, so the index entry file can
 * be cached), and the service
 * worker `<base>sw.js`, written after the search index, names its cache after
 * the base and the id, so a new build replaces the old caches of its base
 * only. Must run after `pagefind()`.
 */
export default function serviceWorker(): AstroIntegration {
  const buildId = process.env.ARKHIV_BUILD_ID ?? `${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
  process.env.ARKHIV_BUILD_ID = buildId;
  let base = '/';
  return {
    name: 'arkhiv:service-worker',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir, logger }) => {
        // Without the index there is nothing to precache; `scripts/index-search.ts` writes both.
        if (process.env.ARKHIV_SEARCH_INDEX === 'skip') return;
        // A shard has only some parts of the index: the assembly writes the worker then.
        if (shardScope()) return;
        await writeServiceWorker(fileURLToPath(dir), base, buildId, logger);
      },
    },
  };
}
