import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomicAsync } from '../files/atomic-write.ts';
import { filesUnder } from '../files/output-files.ts';
import { rulesKey, StatCache } from '../files/stat-cache.ts';
import { INDEX_FOLDER } from '../search/index-parts.ts';

/** The robots meta tag that `BaseLayout.astro` writes on pages kept out of search engines. */
const NOINDEX = '<meta name="robots" content="noindex">';
/** The head of a page holds the robots tag well within this many bytes. */
const HEAD_BYTES = 8192;
/** URLs per sitemap file; the sitemaps protocol allows 50,000. */
export const SITEMAP_LIMIT = 45_000;
const SITEMAP_FILE = /^sitemap-(?:index|\d+)\.xml$/;
/** The file in the cache folder where pages' `noindex` is kept (`KnownPages`). */
const CACHE_FILE = 'arkhiv-sitemap.json';

function readHead(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    return buffer.toString('utf8', 0, readSync(fd, buffer, 0, HEAD_BYTES, 0));
  } finally {
    closeSync(fd);
  }
}

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** What the sitemap may reuse: the site's files, when the caller has just listed them, and a folder to keep what it read of each page. */
export interface KnownPages {
  /** Every file of the site, relative to its root with `/`. */
  files?: readonly string[] | undefined;
  /** Where a page's `noindex` is kept while its modification time and size stay the same. */
  cacheDir?: string | undefined;
}

/**
 * Paths (relative to the base, `''` for the home page, `2022/01/`) of every
 * page of a built site that search engines may list: every folder page
 * (`…/index.html`) except those marked `noindex` (the redirect pages of former
 * article URLs), in code-point order so that any build of the same pages,
 * in one process or assembled from shards, lists them the same way.
 */
export async function indexablePages(root: string, known: KnownPages = {}): Promise<string[]> {
  const noindex = known.cacheDir ? new StatCache<boolean>(join(known.cacheDir, CACHE_FILE), rulesKey([root, NOINDEX], [])) : undefined;
  const pages: string[] = [];
  // The search index and the assets hold no pages (and most of the output's files).
  for (const page of known.files ?? filesUnder(root, new Set([INDEX_FOLDER, '_astro']))) {
    if (page !== 'index.html' && !page.endsWith('/index.html')) continue;
    if (isNoindex(join(root, page), page, noindex)) continue;
    pages.push(page.slice(0, -'index.html'.length));
  }
  noindex?.save();
  return pages.sort();
}

function isNoindex(file: string, page: string, cache: StatCache<boolean> | undefined): boolean {
  if (!cache) return readHead(file).includes(NOINDEX);
  const stats = statSync(file);
  const kept = cache.get(page, stats);
  if (kept !== undefined) return kept;
  const value = readHead(file).includes(NOINDEX);
  cache.set(page, stats, value);
  return value;
}

/**
 * Writes `sitemap-index.xml` and `sitemap-0.xml`, `sitemap-1.xml` … (at most
 * `SITEMAP_LIMIT` URLs each) for the pages of a built site, with absolute
 * URLs under `site` and `base`, and removes sitemap files of an earlier build
 * that are no longer needed.
 */
export async function writeSitemap(root: string, site: string, base: string, known: KnownPages = {}): Promise<number> {
  const origin = new URL(base.endsWith('/') ? base : `${base}/`, site);
  const pages = await indexablePages(root, known);
  const chunks: string[][] = [];
  for (let start = 0; start < pages.length; start += SITEMAP_LIMIT) chunks.push(pages.slice(start, start + SITEMAP_LIMIT));
  const names = chunks.map((_, index) => `sitemap-${index}.xml`);
  await Promise.all(
    chunks.map((chunk, index) => {
      const urls = chunk.map((page) => `<url><loc>${escapeXml(new URL(page, origin).href)}</loc></url>`).join('');
      const xml = `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls}</urlset>`;
      return writeFileAtomicAsync(join(root, names[index]!), xml);
    }),
  );
  const entries = names.map((name) => `<sitemap><loc>${escapeXml(new URL(name, origin).href)}</loc></sitemap>`).join('');
  await writeFileAtomicAsync(
    join(root, 'sitemap-index.xml'),
    `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${entries}</sitemapindex>`,
  );
  const stale = (await readdir(root)).filter((name) => SITEMAP_FILE.test(name) && name !== 'sitemap-index.xml' && !names.includes(name));
  await Promise.all(stale.map((name) => rm(join(root, name), { force: true })));
  return pages.length;
}
