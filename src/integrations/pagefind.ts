import type { AstroIntegration } from 'astro';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { articlesPerYear } from '#lib/build/articles-per-year.ts';
import { shardScope } from '#lib/build/shards.ts';
import { partSizeFromEnvironment, planIndexParts } from '#lib/search/index-parts.ts';
import { buildIndex } from '#lib/search/write-index.ts';

/**
 * Builds the Pagefind search index into `<outDir>/pagefind/` after every
 * `astro build`, so the site and its index are always produced together.
 * Only pages with a `data-pagefind-body` element (the articles) are indexed:
 * once one page has it, Pagefind leaves out every page without it. The parts
 * of the index follow from the archive's articles per year (`options.content`),
 * not from what was rendered, so a shard (`ARKHIV_SHARD`) builds exactly its
 * own parts of the same plan. A part whose pages did not change keeps its
 * index from the last build.
 * `ARKHIV_SEARCH_INDEX=skip` leaves the index to `scripts/index-search.ts`.
 */
export default function pagefind(options: { content: string }): AstroIntegration {
  let contentDir = '';
  let stateFile = '';
  return {
    name: 'arkhiv:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        contentDir = fileURLToPath(new URL(options.content.replace(/\/?$/, '/'), config.root));
        stateFile = join(fileURLToPath(config.cacheDir), 'arkhiv-index-parts.json');
      },
      'astro:build:done': async ({ dir, logger }) => {
        // The benchmark times the index on its own (`scripts/index-search.ts`).
        if (process.env.ARKHIV_SEARCH_INDEX === 'skip') return logger.info('Search index skipped (ARKHIV_SEARCH_INDEX=skip).');
        const scope = shardScope();
        const parts = planIndexParts(articlesPerYear(contentDir), partSizeFromEnvironment());
        await buildIndex(fileURLToPath(dir), logger, { parts, only: scope?.parts, stateFile, manifest: !scope });
      },
    },
  };
}
