import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { close, createIndex, type PagefindIndex } from 'pagefind';
import { writeFileAtomicAsync } from '../files/atomic-write.ts';
import { ALL_ARTICLE_PAGES, PARTS_MANIFEST, partGlob, partSizeFromEnvironment, planIndexParts } from './index-parts.ts';

/** Throws one error that names the Pagefind step and every message it returned. */
export function assertNoErrors(step: string, errors: readonly string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind could not ${step}:\n${errors.join('\n')}`);
}

/**
 * `ARKHIV_MAX_FRAGMENTS=<n>`: at most n result files per index (Pagefind bundles
 * the fragments of several pages into one), for hosts that limit file counts.
 * Off by default: a result then costs one small request instead of a share of a bundle.
 */
export function maxFragmentsFromEnvironment(value = process.env.ARKHIV_MAX_FRAGMENTS): { maxFragments?: number } {
  if (value === undefined || value === '') return {};
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1) throw new Error(`ARKHIV_MAX_FRAGMENTS must be a whole number of files, at least 1 (got "${value}").`);
  return { maxFragments: count };
}

/**
 * Creates a Ukrainian index, lets `add` fill it (returning the number of pages
 * added), writes it to `outputPath` and always stops Pagefind's service.
 */
export async function writeIndex(outputPath: string, add: (index: PagefindIndex) => Promise<number>): Promise<number> {
  try {
    const { index, errors } = await createIndex({ forceLanguage: 'uk', ...maxFragmentsFromEnvironment() });
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

/** Article pages per year in a built site (`<yyyy>/<mm>/<dd>/<slug>/index.html`). */
export async function articlePagesPerYear(root: string): Promise<Map<number, number>> {
  const counts = new Map<number, number>();
  for (const name of await readdir(root)) {
    if (!/^\d{4}$/.test(name)) continue;
    const pages = (await readdir(join(root, name), { recursive: true })).filter((path) => ARTICLE_PAGE.test(path.replace(/\\/g, '/')));
    if (pages.length > 0) counts.set(Number(name), pages.length);
  }
  return counts;
}

const ARTICLE_PAGE = /^\d{2}\/\d{2}\/[^/]+\/index\.html$/;

/**
 * Indexes the article pages of a built site (the only pages with
 * `data-pagefind-body`) into `<outDir>/pagefind/`: in one Pagefind run, or,
 * above `partSize` articles, in one run per part (`src/lib/search/index-parts.ts`),
 * so that Pagefind's memory is that of a part, not of the whole archive.
 */
export async function buildIndex(outDir: string, logger: { info(message: string): void }, partSize = partSizeFromEnvironment()): Promise<number> {
  const root = outDir.replace(/\/$/, '');
  // The output folder outlives builds (see `src/integrations/prune-output.ts`): an earlier index must not leave files behind.
  await rm(join(root, 'pagefind'), { recursive: true, force: true });
  const parts = planIndexParts(await articlePagesPerYear(root), partSize);
  // An archive without articles still gets an (empty) index, so the search page loads.
  if (parts.length === 0) parts.push({ years: [], articles: 0, folder: '' });
  let total = 0;
  for (const part of parts) {
    const pages = await writeIndex(join(root, 'pagefind', part.folder), async (index) => {
      const added = await index.addDirectory({ path: root, glob: parts.length > 1 ? partGlob(part) : ALL_ARTICLE_PAGES });
      assertNoErrors('index the built site', added.errors);
      return added.page_count;
    });
    total += pages;
    if (parts.length > 1) logger.info(`Pagefind indexed part ${part.years.at(-1)}–${part.years[0]}: ${pages} pages.`);
  }
  const manifest = join(root, 'pagefind', PARTS_MANIFEST);
  await writeFileAtomicAsync(manifest, `${JSON.stringify(parts.slice(1).map((part) => part.folder))}\n`);
  logger.info(`Pagefind indexed ${total} article pages${parts.length > 1 ? ` in ${parts.length} parts` : ''}.`);
  return total;
}
