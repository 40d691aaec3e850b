import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../files/atomic-write.ts';

/**
 * The rendered HTML of plain Markdown articles lives in files beside Astro's
 * data store, one per article, instead of inside it: the data store is
 * serialised whole and bundled into the build as one JavaScript string, which
 * makes its cost grow with every article's text (and fails outright past
 * V8's longest string, about 100,000 articles). The files are written when
 * the content layer renders an entry (`src/loaders/articles.ts`) and read
 * when its page renders.
 */

/** One article's rendered body. `digest` is the content digest of the source it was rendered from. */
export interface StoredArticleHtml {
  digest: string;
  html: string;
  /** Words a reader reads in the body (`countReadableWords`), for the reading time. */
  words: number;
}

/** Whether the body of a stored entry is in its own file: a Markdown entry the data store holds without its rendering (not MDX, not rendered by Astro itself). */
export function hasHtmlFile(entry: { rendered?: unknown; deferredRender?: boolean }): boolean {
  return !entry.rendered && !entry.deferredRender;
}

/** The folder of rendered bodies inside Astro's cache folder. */
export function articleHtmlDir(cacheDir: URL | string): string {
  const dir = typeof cacheDir === 'string' ? cacheDir : fileURLToPath(cacheDir);
  return join(dir, 'article-html');
}

/** The file of one article's body. */
export function articleHtmlFile(dir: string, id: string): string {
  return join(dir, `${id}.json`);
}

/**
 * Writes one article's body atomically: a reader sees the old file or the new
 * one, never a part. Synchronous: the loader writes thousands, and on a
 * 2-core machine each asynchronous file call costs more, in the thread
 * handing it over, than the call itself.
 */
export function writeArticleHtml(dir: string, id: string, stored: StoredArticleHtml): void {
  writeFileAtomic(articleHtmlFile(dir, id), JSON.stringify(stored));
}

/** Reads one article's body and checks that it was rendered from the source the data store describes. */
export async function readArticleHtml(dir: string, id: string, digest: string | number | undefined): Promise<StoredArticleHtml> {
  const file = articleHtmlFile(dir, id);
  const fix = 'Delete the cache folder (ARKHIV_CACHE_DIR, by default node_modules/.astro) and build again.';
  let stored: StoredArticleHtml;
  try {
    stored = JSON.parse(await readFile(file, 'utf8')) as StoredArticleHtml;
  } catch (cause) {
    throw new Error(`The rendered body of article ${id} is missing or unreadable (${file}). ${fix}`, { cause });
  }
  if (digest !== undefined && stored.digest !== String(digest)) {
    throw new Error(`The rendered body of article ${id} is out of date (${file} was rendered from another version of the file). ${fix}`);
  }
  return stored;
}
