import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { buildIndex } from '#lib/search/write-index.ts';

/**
 * Builds the Pagefind search index into `<outDir>/pagefind/` after every
 * `astro build`, so the site and its index are always produced together.
 * Only pages with a `data-pagefind-body` element (the articles) are indexed:
 * once one page has it, Pagefind leaves out every page without it.
 * `ARKHIV_SEARCH_INDEX=skip` leaves the index to `scripts/index-search.ts`.
 */
export default function pagefind(): AstroIntegration {
  return {
    name: 'arkhiv:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        // The benchmark times the index on its own (`scripts/index-search.ts`).
        if (process.env.ARKHIV_SEARCH_INDEX === 'skip') return logger.info('Search index skipped (ARKHIV_SEARCH_INDEX=skip).');
        await buildIndex(fileURLToPath(dir), logger);
      },
    },
  };
}

