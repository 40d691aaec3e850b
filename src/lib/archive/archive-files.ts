import { readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { readArticleBytes, readArticleFile, type ArticleRead } from './article-source.ts';
import { isTempFileName, tempFileOwnerAlive } from '../files/atomic-write.ts';
import type { Problem } from '../problems.ts';
import { decodeNumericReferences } from '../text/character-references.ts';

/** What lies under `<content>/articles/`, as paths relative to the content folder (`articles/2026/01/26/x.md`). */
export interface ArchiveListing {
  /** `.md` and `.mdx` files, sorted. */
  articles: string[];
  /** Any other file (not hidden): the validator reports them. */
  others: string[];
}

function walk(root: string, folder: string, listing: ArchiveListing, temps: string[]): void {
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  for (const entry of entries) {
    const path = join(folder, entry.name);
    const rel = relative(root, path).split(sep).join('/');
    if (entry.isDirectory()) walk(root, path, listing, temps);
    else if (isTempFileName(entry.name)) temps.push(path);
    else if (/\.mdx?$/.test(entry.name)) listing.articles.push(rel);
    else if (!entry.name.startsWith('.')) listing.others.push(rel);
  }
}

/**
 * Lists the archive's article files. Temporary files left by an ingest that
 * was killed mid-write are removed when their process is gone, so a crash
 * never leaves debris behind for long. The folders are read synchronously:
 * an archive has a folder per day, and over thousands of them waiting for
 * each listing costs more than the listing itself.
 */
export async function listArchive(contentDir: string): Promise<ArchiveListing> {
  const listing: ArchiveListing = { articles: [], others: [] };
  const temps: string[] = [];
  walk(contentDir, join(contentDir, 'articles'), listing, temps);
  for (const temp of temps) if (!tempFileOwnerAlive(temp)) await rm(temp, { force: true });
  listing.articles.sort();
  listing.others.sort();
  return listing;
}

/**
 * The readable text of a Markdown body for duplicate detection: link
 * addresses dropped and numeric character references decoded as Markdown
 * decodes them (one that names no character is «�»); the remaining markup is
 * punctuation, which comparison ignores anyway.
 */
export function bodyTextForComparison(markdown: string): string {
  return decodeNumericReferences(markdown.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')).replace(/<[^>]*>/g, ' ');
}

export interface ArchivedArticle {
  /** Relative to the content folder. */
  path: string;
  id?: string;
  /** Comparison text of the body (see `bodyTextForComparison`). */
  text: string;
  /** Former addresses (`aliases`, `/yyyy/mm/dd/slug/`): taken, like the article's own. */
  aliases: string[];
}

/**
 * Reads one article for the ingest, with the archive's one reader
 * (`article-source.ts`): its id and comparison text, or the problems that
 * make the build and `npm run check` reject it. `file` is the path printed
 * in problems.
 */
export function readArchivedArticle(contentDir: string, path: string, file: string): { article?: ArchivedArticle; problems: Problem[] } {
  return archivedArticle(readArticleFile(contentDir, path, file), path);
}

/** `readArchivedArticle` of bytes in memory (an article just written), with the same verdicts. */
export function archivedArticleFromBytes(
  bytes: Uint8Array,
  path: string,
  file: string,
): { article?: ArchivedArticle; problems: Problem[] } {
  return archivedArticle(readArticleBytes(bytes, path, file), path);
}

function archivedArticle(read: ArticleRead, path: string): { article?: ArchivedArticle; problems: Problem[] } {
  if (read.problems.length > 0 || !read.frontMatter) return { problems: read.problems };
  const { data, split } = read.frontMatter;
  const id = typeof data.id === 'string' ? data.id : undefined;
  const aliases = Array.isArray(data.aliases) ? data.aliases.filter((alias): alias is string => typeof alias === 'string') : [];
  return { article: { path, ...(id ? { id } : {}), text: bodyTextForComparison(split.body), aliases }, problems: [] };
}
