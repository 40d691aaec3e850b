import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { readArticleBytes } from '../archive/article-source.ts';
import { writeFileAtomic } from '../files/atomic-write.ts';
import { fileStates, unchanged, type FileState } from '../files/file-states.ts';

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
 * The archive folder as one build saw it, from file listings and stats: an
 * article is read only when it is new or its modification time or size
 * changed since the `previous` snapshot. Hidden files are not part of the
 * site and are left out (`fileStates`).
 */
export interface ArchiveSnapshot {
  /** Article files by their path under `articles/` (`2022/01/11/slug.md`). */
  articles: Map<string, ArticleState>;
  /** Every other file (taxonomy, photos, files beside articles) by its path under the archive folder. */
  others: Map<string, FileState>;
  /** Names a saved snapshot, so that outputs can say which one they were built from. */
  id?: string;
}

/** The files of an archive folder, listed and stated: articles by their path under `articles/`, every other file by its path under the folder. */
export interface ArchiveFiles {
  articles: Map<string, FileState>;
  others: Map<string, FileState>;
}

const ARTICLE = /^articles\/(.+\.mdx?)$/;

export function statArchive(contentDir: string): ArchiveFiles {
  const files: ArchiveFiles = { articles: new Map(), others: new Map() };
  for (const [path, state] of fileStates(contentDir)) {
    const article = ARTICLE.exec(path)?.[1];
    if (article) files.articles.set(article, state);
    else files.others.set(path, state);
  }
  return files;
}

/**
 * The snapshot of the archive whose files are `files`, taking from `previous`
 * what it knew of the articles that did not change. It reads in slices, so
 * that a build's shards start and report while a first build reads them all.
 */
export async function readArchiveSnapshot(contentDir: string, files: ArchiveFiles, previous?: ArchiveSnapshot): Promise<ArchiveSnapshot> {
  const articles = new Map<string, ArticleState>();
  let read = 0;
  for (const [path, state] of files.articles) {
    const kept = previous?.articles.get(path);
    if (kept && unchanged(kept, state)) {
      articles.set(path, kept);
      continue;
    }
    if (++read % READ_SLICE === 0) await nextTurn();
    articles.set(path, { ...state, ...articleFacts(readFileSync(join(contentDir, 'articles', path)), `articles/${path}`) });
  }
  return { articles, others: files.others };
}

const READ_SLICE = 200;

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
