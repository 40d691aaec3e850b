import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { readArticleBytes } from '../archive/article-source.ts';
import { writeFileAtomic } from '../files/atomic-write.ts';

/** A file of the archive as a build last saw it: enough to tell whether it changed. */
export interface FileState {
  mtimeMs: number;
  size: number;
}

/**
 * An article file, and what of its front matter decides which pages other
 * than its own show it: its topics (related articles) and its former
 * addresses (redirect pages). `readable` is false for a file whose front
 * matter could not be read; such a file may show anywhere.
 */
export interface ArticleState extends FileState {
  topics: string[];
  aliases: string[];
  readable: boolean;
}

/**
 * The archive folder as one build saw it, from file listings and stats: a
 * file is read only when it is new or its modification time or size changed
 * since the `previous` snapshot. Files and folders whose names start with a
 * dot are not part of the site and are left out.
 */
export interface ArchiveSnapshot {
  /** Article files by their path under `articles/` (`2022/01/11/slug.md`). */
  articles: Map<string, ArticleState>;
  /** Every other file (taxonomy, photos, files beside articles) by its path under the archive folder. */
  others: Map<string, FileState>;
  /** Names a saved snapshot, so that outputs can say which one they were built from. */
  id?: string;
}

const ARTICLE = /^articles\/(.+\.mdx?)$/;

export async function readArchiveSnapshot(contentDir: string, previous?: ArchiveSnapshot): Promise<ArchiveSnapshot> {
  const snapshot: ArchiveSnapshot = { articles: new Map(), others: new Map() };
  const entries = await readdir(contentDir, { recursive: true, withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = relative(contentDir, join(entry.parentPath, entry.name)).split(sep).join('/');
    if (path.split('/').some((name) => name.startsWith('.'))) continue;
    const { mtimeMs, size } = statSync(join(contentDir, path));
    const article = ARTICLE.exec(path)?.[1];
    if (!article) {
      snapshot.others.set(path, { mtimeMs, size });
      continue;
    }
    const kept = previous?.articles.get(article);
    snapshot.articles.set(
      article,
      kept && unchanged(kept, { mtimeMs, size }) ? kept : { mtimeMs, size, ...articleFacts(readFileSync(join(contentDir, path)), path) },
    );
  }
  return snapshot;
}

/** Whether two states are those of one unchanged file. */
export function unchanged(a: FileState | undefined, b: FileState | undefined): boolean {
  return a !== undefined && b !== undefined && a.mtimeMs === b.mtimeMs && a.size === b.size;
}

function articleFacts(bytes: Uint8Array, path: string): Pick<ArticleState, 'topics' | 'aliases' | 'readable'> {
  const data = readArticleBytes(bytes, path, path).frontMatter?.data;
  if (!data) return { topics: [], aliases: [], readable: false };
  const strings = (value: unknown): string[] =>
    Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  return { topics: strings(data.topics), aliases: strings(data.aliases), readable: true };
}

interface SnapshotFile {
  id: string;
  articles: Array<[string, ArticleState]>;
  others: Array<[string, FileState]>;
}

/** The snapshot saved in `file`, or `undefined` when there is none or it cannot be read. */
export function loadSnapshot(file: string): ArchiveSnapshot | undefined {
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as SnapshotFile;
    return { id: saved.id, articles: new Map(saved.articles), others: new Map(saved.others) };
  } catch {
    return undefined;
  }
}

/** Saves `snapshot` in `file` under a new id, which it returns. */
export function saveSnapshot(file: string, snapshot: ArchiveSnapshot): string {
  const id = randomBytes(8).toString('hex');
  mkdirSync(dirname(file), { recursive: true });
  writeFileAtomic(file, JSON.stringify({ id, articles: [...snapshot.articles], others: [...snapshot.others] } satisfies SnapshotFile));
  return id;
}
