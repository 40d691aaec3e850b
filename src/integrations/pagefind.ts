import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { fileURLToPath } from 'node:url';
import { close, createIndex } from 'pagefind';

/** Throws one error that names the Pagefind step and every message it returned. */
function assertNoErrors(step: string, errors: readonly string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind could not ${step}:\n${errors.join('\n')}`);
}

/**
 * Builds the Pagefind search index into `<outDir>/pagefind/` after every
 * `astro build`, so the site and its index are always produced together.
 * Only `data-pagefind-body` regions are indexed (the article pages).
 */
export default function pagefind(): AstroIntegration {
  return {
    name: 'arkhiv:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        await buildIndex(fileURLToPath(dir), logger);
      },
    },
  };
}

export async function buildIndex(outDir: string, logger: Pick<AstroIntegrationLogger, 'info'>): Promise<number> {
  try {
    const { index, errors } = await createIndex({ forceLanguage: 'uk' });
    assertNoErrors('start', errors);
    if (!index) throw new Error('Pagefind returned no index.');
    const added = await index.addDirectory({ path: outDir });
    assertNoErrors('index the built site', added.errors);
    const written = await index.writeFiles({ outputPath: `${outDir.replace(/\/$/, '')}/pagefind` });
    assertNoErrors('write the index', written.errors);
    logger.info(`Indexed ${added.page_count} pages for search.`);
    return added.page_count;
  } catch (cause) {
    throw new Error('Failed to build the search index with Pagefind.', { cause });
  } finally {
    await close();
  }
}
