import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** A file as a run last saw it: enough to tell whether it changed since. */
export interface FileState {
  mtimeMs: number;
  size: number;
}

/** Whether two states are those of one unchanged file. */
export function unchanged(a: FileState | undefined, b: FileState | undefined): boolean {
  return a !== undefined && b !== undefined && a.mtimeMs === b.mtimeMs && a.size === b.size;
}

/**
 * Every file under `dir` (none when it is missing) by its path under `dir`
 * (with `/`), with its state. Files and folders whose names start with a dot
 * are left out, as Astro's content loaders leave them out. Synchronous: for
 * tens of thousands of small files, sync stats cost a fraction of promises.
 */
export function fileStates(dir: string): Map<string, FileState> {
  const states = new Map<string, FileState>();
  let entries;
  try {
    entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return states;
    throw error;
  }
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/');
    if (path.split('/').some((name) => name.startsWith('.'))) continue;
    const { mtimeMs, size } = statSync(join(dir, path));
    states.set(path, { mtimeMs, size });
  }
  return states;
}
