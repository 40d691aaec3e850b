import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { fileURLToPath } from 'node:url';
import { close, createIndex, type PagefindIndex } from 'pagefind';

/** Throws one error that names the Pagefind step and every message it returned. */
export function assertNoErrors(step: string, errors: readonly string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind could not ${step}:\n${errors.join('\n')}`);
}

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

/**
 * Creates a Ukrainian index, lets `add` fill it (returning the number of pages
 * added), writes it to `outputPath` and always stops Pagefind's service.
 */
export async function writeIndex(outputPath: string, add: (index: PagefindIndex) => Promise<number>): Promise<number> {
  try {
    const { index, errors } = await createIndex({ forceLanguage: 'uk' });
    assertNoErrors('start', errors);
    if (!index) throw new Error('Pagefind returned no index.');
    const pages = await add(index);
    const written = await index.writeFiles({ outputPath });
    assertNoErrors('write the index', written.errors);
    return pages;
  } catch (cause) {
    throw new Error('Failed to build the search index with Pagefind.', { cause });
  } finally {
    await close();
  }
}

/** Indexes every HTML page of a built site into `<outDir>/pagefind/`. */
export async function buildIndex(outDir: string, logger: Pick<AstroIntegrationLogger, 'info'>): Promise<number> {
  const root = outDir.replace(/\/$/, '');
  const pages = await writeIndex(`${root}/pagefind`, async (index) => {
    const added = await index.addDirectory({ path: root });
    assertNoErrors('index the built site', added.errors);
    return added.page_count;
  });
  logger.info(`Pagefind read ${pages} pages and indexed those with data-pagefind-body (the articles).`);
  return pages;
}
