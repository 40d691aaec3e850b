import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { writeFileAtomic } from '../files/atomic-write.ts';
import { fileStates, type FileState } from '../files/file-states.ts';

/**
 * Names the file in which `npm run build` hands its listing of the article
 * files to the `astro build` processes it starts, so that the steps of a
 * build that need every article file's name or state (the content loader,
 * the content and served-files checks, the index plan) do not list and state
 * the archive once each.
 */
export const ARTICLE_STATES_VARIABLE = 'ARKHIV_ARTICLE_STATES';

const ARTICLE_FILE = /\.mdx?$/;

/** Path order, as the checks list problems and as `listArticleFiles` lists files. */
const byPath = ([a]: [string, unknown], [b]: [string, unknown]): number => (a < b ? -1 : a > b ? 1 : 0);

/** The file `ARTICLE_STATES_VARIABLE` names: the folder listed, and each article file as `[path, mtimeMs, size]`. */
interface SavedStates {
  articlesDir: string;
  files: Array<[string, number, number]>;
}

/**
 * The article files (`.md`, `.mdx`) under an `articles/` folder, by their
 * path under it (with `/`), in path order, with their states. Hidden files
 * and folders are left out, as Astro's content loaders leave them out
 * (`fileStates`). In a process started by a build that listed this folder,
 * this is the build's listing: the archive as the build found it when it
 * started, which is also what it compares with the next build's.
 */
export function articleFileStates(articlesDir: string): Map<string, FileState> {
  const saved = savedStates(resolve(articlesDir));
  if (saved) return new Map(saved.files.map(([path, mtimeMs, size]) => [path, { mtimeMs, size }]));
  const states = [...fileStates(articlesDir)].filter(([path]) => ARTICLE_FILE.test(path));
  return new Map(states.sort(byPath));
}

/** Writes the listing of `articlesDir` (its article files, as `articleFileStates` lists them) for the processes a build starts with `ARTICLE_STATES_VARIABLE` set to `file`. */
export function saveArticleFileStates(file: string, articlesDir: string, states: ReadonlyMap<string, FileState>): void {
  const files = [...states].sort(byPath).map(([path, { mtimeMs, size }]): [string, number, number] => [path, mtimeMs, size]);
  writeFileAtomic(file, JSON.stringify({ articlesDir: resolve(articlesDir), files } satisfies SavedStates));
}

/** The listing this process was given for `articlesDir`, if any; a missing or unreadable file means the folder is listed here. */
function savedStates(articlesDir: string): SavedStates | undefined {
  const file = process.env[ARTICLE_STATES_VARIABLE];
  if (!file) return undefined;
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as SavedStates;
    return saved.articlesDir === articlesDir && Array.isArray(saved.files) ? saved : undefined;
  } catch {
    return undefined;
  }
}
