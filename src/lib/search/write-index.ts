import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { close, createIndex, type PagefindIndex } from 'pagefind';
import { writeFileAtomicAsync } from '../files/atomic-write.ts';
import { filesUnder } from '../files/output-files.ts';
import { ALL_ARTICLE_PAGES, INDEX_FOLDER, type IndexPart, PARTS_MANIFEST, partGlob } from './index-parts.ts';
import { writePartsManifest } from './parts-manifest.ts';

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
  if (!Number.isInteger(count) || count < 1)
    throw new Error(`ARKHIV_MAX_FRAGMENTS must be a whole number of files, at least 1 (got "${value}").`);
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

/**
 * The article pages (and former-URL pages) of one year of a built site,
 * `<mm>/<dd>/<slug>/index.html`, sorted; listed synchronously
 * (`filesUnder`), since a year has a folder per article.
 */
function articlePagesOf(root: string, year: number | string): string[] {
  return filesUnder(join(root, String(year)))
    .filter((path) => ARTICLE_PAGE.test(path))
    .sort();
}

/** Article pages (and former-URL pages) per year in a built site (`<yyyy>/<mm>/<dd>/<slug>/index.html`). */
export async function articlePagesPerYear(root: string): Promise<Map<number, number>> {
  const counts = new Map<number, number>();
  for (const name of (await readdir(root)).filter((name) => /^\d{4}$/.test(name))) {
    const pages = articlePagesOf(root, name);
    if (pages.length > 0) counts.set(Number(name), pages.length);
  }
  return counts;
}

/** What `buildIndex` builds: the archive's whole part plan, and which of its parts this process builds. */
export interface IndexPlan {
  /** Every part of the index (`planIndexParts` over the archive's articles per year). */
  parts: IndexPart[];
  /** Folders of the parts to build here (a shard's); every part when absent. */
  only?: readonly string[];
  /**
   * A file kept between builds with a digest of each part's article pages
   * (path, size, modification time): a part whose pages are unchanged keeps
   * the index files of the last build instead of being indexed again.
   */
  stateFile?: string;
  /** Write `pagefind/parts.json` (a shard leaves it to the assembly, which has every part). */
  manifest: boolean;
}

/** A part folder other than the main bundle: `2001-2010`. */
const PART_FOLDER = /^\d{4}-\d{4}$/;

/** Digest of the article pages (and former-URL pages) of some years in a built site. */
function pagesDigest(root: string, years: readonly number[]): string {
  const hash = createHash('sha256');
  for (const year of [...years].sort()) {
    for (const page of articlePagesOf(root, year)) {
      // Synchronous: thousands of awaited stats cost more in waiting than the calls themselves.
      const info = statSync(join(root, String(year), page));
      hash.update(`${year}/${page}\0${info.size}\0${info.mtimeMs}\n`);
    }
  }
  return hash.digest('hex');
}

const ARTICLE_PAGE = /^\d{2}\/\d{2}\/[^/]+\/index\.html$/;

/** Removes one part's index files; the main bundle's folder also holds the other parts, which stay. */
async function clearPart(bundle: string, folder: string): Promise<void> {
  if (folder !== '') return rm(bundle, { recursive: true, force: true });
  const names = await readdir(bundle).catch(() => [] as string[]);
  await Promise.all(
    names
      .filter((name) => !PART_FOLDER.test(name) && name !== PARTS_MANIFEST)
      .map((name) => rm(join(bundle, name), { recursive: true, force: true })),
  );
}

/**
 * Indexes the article pages of a built site (the only pages with
 * `data-pagefind-body`) into `<outDir>/pagefind/`, one Pagefind run per part
 * of the plan (`src/lib/search/index-parts.ts`), so that Pagefind's memory is
 * that of a part, not of the whole archive; a part whose pages did not change
 * since the last build (`plan.stateFile`) is kept as it is. Returns the number
 * of pages indexed in this run.
 */
export async function buildIndex(outDir: string, logger: { info(message: string): void }, plan: IndexPlan): Promise<number> {
  const root = outDir.replace(/\/$/, '');
  // An archive without articles still gets an (empty) index, so the search page loads.
  const parts = plan.parts.length > 0 ? plan.parts : [{ years: [], articles: 0, folder: '' }];
  const building = parts.filter((part) => !plan.only || plan.only.includes(part.folder));
  const state: Record<string, string> = plan.stateFile
    ? await readFile(plan.stateFile, 'utf8').then(
        (text) => JSON.parse(text) as Record<string, string>,
        () => ({}),
      )
    : {};
  const next: Record<string, string> = {};
  let total = 0;
  let kept = 0;
  /** The Pagefind run under way: one at a time, while the next part's pages are digested. */
  let running: Promise<void> = Promise.resolve();
  const indexPart = async (part: IndexPart, bundle: string) => {
    await clearPart(bundle, part.folder);
    const pages = await writeIndex(bundle, async (index) => {
      const added = await index.addDirectory({ path: root, glob: parts.length > 1 ? partGlob(part) : ALL_ARTICLE_PAGES });
      assertNoErrors('index the built site', added.errors);
      return added.page_count;
    });
    total += pages;
    if (parts.length > 1) logger.info(`Pagefind indexed part ${part.years.at(-1)}–${part.years[0]}: ${pages} pages.`);
  };
  for (const part of building) {
    const bundle = join(root, INDEX_FOLDER, part.folder);
    const digest = `${parts.length}:${part.years.join(',')}:${pagesDigest(root, part.years)}`;
    next[part.folder] = digest;
    if (state[part.folder] === digest && existsSync(join(bundle, 'pagefind-entry.json'))) {
      kept += 1;
      continue;
    }
    await running;
    running = indexPart(part, bundle);
    // A failed run is reported when awaited, after the next digest or at the end.
    running.catch(() => {});
  }
  await running;
  if (!plan.only) {
    // Folders of parts that are no longer in the plan (the archive grew or lost a year).
    const folders = new Set(parts.map((part) => part.folder.replace(/\/$/, '')));
    const names = await readdir(join(root, INDEX_FOLDER)).catch(() => [] as string[]);
    await Promise.all(
      names
        .filter((name) => PART_FOLDER.test(name) && !folders.has(name))
        .map((name) => rm(join(root, INDEX_FOLDER, name), { recursive: true, force: true })),
    );
  }
  if (plan.manifest) await writePartsManifest(root, parts);
  if (plan.stateFile) await writeFileAtomicAsync(plan.stateFile, `${JSON.stringify({ ...(plan.only ? state : {}), ...next })}\n`);
  logger.info(
    `Pagefind indexed ${total} article pages${parts.length > 1 ? ` in ${building.length - kept} of ${parts.length} parts` : ''}${kept > 0 ? ` (${kept} unchanged part(s) kept)` : ''}.`,
  );
  return total;
}
