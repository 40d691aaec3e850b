import { readFileSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { splitFrontMatter } from './article-file.ts';
import { isTempFileName, tempFileOwnerAlive } from '../files/atomic-write.ts';

/** What lies under `<content>/articles/`, as paths relative to the content folder (`articles/2026/01/26/x.md`). */
export interface ArchiveListing {
  /** `.md` and `.mdx` files, sorted. */
  articles: string[];
  /** Any other file (not hidden): the validator reports them. */
  others: string[];
}

async function walk(root: string, folder: string, listing: ArchiveListing, temps: string[]): Promise<void> {
  const entries = await readdir(folder, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  for (const entry of entries) {
    const path = join(folder, entry.name);
    const rel = relative(root, path).split(sep).join('/');
    if (entry.isDirectory()) await walk(root, path, listing, temps);
    else if (isTempFileName(entry.name)) temps.push(path);
    else if (/\.mdx?$/.test(entry.name)) listing.articles.push(rel);
    else if (!entry.name.startsWith('.')) listing.others.push(rel);
  }
}

/**
 * Lists the archive's article files. Temporary files left by an ingest that
 * was killed mid-write are removed when their process is gone, so a crash
 * never leaves debris behind for long.
 */
export async function listArchive(contentDir: string): Promise<ArchiveListing> {
  const listing: ArchiveListing = { articles: [], others: [] };
  const temps: string[] = [];
  await walk(contentDir, join(contentDir, 'articles'), listing, temps);
  for (const temp of temps) if (!tempFileOwnerAlive(temp)) await rm(temp, { force: true });
  listing.articles.sort();
  listing.others.sort();
  return listing;
}

const ID_LINE = /^id:[ \t]*['"]?(sha256:[0-9a-f]{16})['"]?[ \t]*$/m;

/** The `id` of an article file, read without parsing YAML (fast enough for 100,000 files). */
export function quickArticleId(text: string): string | undefined {
  const split = splitFrontMatter(text);
  if (!split || 'error' in split) return undefined;
  return ID_LINE.exec(split.frontMatter)?.[1];
}

/**
 * The readable text of a Markdown body for duplicate detection: link
 * addresses and character references resolved; the remaining markup is
 * punctuation, which comparison ignores anyway.
 */
export function bodyTextForComparison(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/<[^>]*>/g, ' ');
}

export interface ArchivedArticle {
  /** Relative to the content folder. */
  path: string;
  id?: string;
  /** Comparison text of the body (see `bodyTextForComparison`). */
  text: string;
}

/** Reads one article for the ingest: its id and comparison text. */
export function readArchivedArticle(contentDir: string, path: string): ArchivedArticle {
  // Synchronous: an archive is many small files, read one after another.
  const text = readFileSync(join(contentDir, path), 'utf8');
  const split = splitFrontMatter(text);
  const body = split && !('error' in split) ? split.body : text;
  const id = quickArticleId(text);
  return { path, ...(id ? { id } : {}), text: bodyTextForComparison(body) };
}
