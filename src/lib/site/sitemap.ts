import { closeSync, openSync, readSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomicAsync } from '../files/atomic-write.ts';
import { filesUnder } from '../files/output-files.ts';

/** The robots meta tag that `BaseLayout.astro` writes on pages kept out of search engines. */
const NOINDEX = '<meta name="robots" content="noindex">';
/** The head of a page holds the robots tag well within this many bytes. */
const HEAD_BYTES = 8192;
/** URLs per sitemap file; the sitemaps protocol allows 50,000. */
export const SITEMAP_LIMIT = 45_000;
const SITEMAP_FILE = /^sitemap-(?:index|\d+)\.xml$/;

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

/**
 * Paths (relative to the base, `''` for the home page, `2022/01/`) of every
 * page of a built site that search engines may list: every folder page
 * (`…/index.html`) except those marked `noindex` (the redirect pages of former
 * article URLs), in code-point order so that any build of the same pages,
 * in one process or assembled from shards, lists them the same way.
 */
export async function indexablePages(root: string): Promise<string[]> {
  const pages: string[] = [];
  // The search index and the assets hold no pages (and most of the output's files).
  for (const page of await filesUnder(root, new Set(['pagefind', '_astro']))) {
    if (page !== 'index.html' && !page.endsWith('/index.html')) continue;
    if (readHead(join(root, page)).includes(NOINDEX)) continue;
    pages.push(page.slice(0, -'index.html'.length));
  }
  return pages.sort();
}

/**
 * Writes `sitemap-index.xml` and `sitemap-0.xml`, `sitemap-1.xml` … (at most
 * `SITEMAP_LIMIT` URLs each) for the pages of a built site, with absolute
 * URLs under `site` and `base`, and removes sitemap files of an earlier build
 * that are no longer needed.
 */
export async function writeSitemap(root: string, site: string, base: string): Promise<number> {
  const origin = new URL(base.endsWith('/') ? base : `${base}/`, site);
  const pages = await indexablePages(root);
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
