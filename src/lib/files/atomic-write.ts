import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Atomic file writes: the content goes to a temporary file in the same
 * folder, which is then renamed over the target, so a reader (or a build)
 * sees the old file or the new one, never half of one. Every atomic write of
 * the project goes through this module. Temporary files
 * (`.<name>.<pid>.<8 hex digits>.tmp`, see `isTempFileName`) are removed on
 * exit and on SIGINT/SIGTERM; one left by a killed process (SIGKILL, power
 * loss) is named after its process and removed by the next `listArchive`
 * once that process is gone. Other files can be put in the same care
 * (`removeOnExit`, for a lock).
 */

const TEMP_NAME = /^\.(.+)\.(\d+)\.[0-9a-f]{8}\.tmp$/;
const pending = new Set<string>();
let handlersInstalled = false;

/** One file of a write: where, and the text or bytes. */
export interface AtomicFile {
  path: string;
  content: string | Uint8Array;
  /**
   * Replace the file only while it still holds exactly these bytes (the
   * version the caller read and built on); otherwise the write fails with a
   * `FileChangedError` and nothing is written. Checked just before the
   * rename: an edit saved in the microseconds between is not seen.
   * Overrides `overwrite: false`.
   */
  unchangedFrom?: Uint8Array;
}

export interface AtomicWriteOptions {
  /**
   * `false`: never replace an existing file; the write fails with `EEXIST`
   * (the file is linked into place instead of renamed over it).
   * @default true
   */
  overwrite?: boolean;
}

/** The target of a compare-and-swap write (`unchangedFrom`) no longer holds what the caller read, or is gone. */
export class FileChangedError extends Error {
  override name = 'FileChangedError';
  readonly code = 'ECHANGED';
  readonly path: string;

  constructor(path: string) {
    super(`${path}: the file changed since it was read; it was not replaced`);
    this.path = path;
  }
}

export function isTempFileName(name: string): boolean {
  return TEMP_NAME.test(name);
}

/** Whether the process that created a temporary file still runs. */
export function tempFileOwnerAlive(path: string): boolean {
  return processAlive(Number(TEMP_NAME.exec(basename(path))?.[2]));
}

/** Whether a process with this id runs (one of another user counts); `false` for anything that is not a process id. */
export function processAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0 || pid === process.pid) return pid === process.pid;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function removePending(): void {
  for (const path of pending) rmSync(path, { force: true });
  pending.clear();
}

function installHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', removePending);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      removePending();
      process.kill(process.pid, signal);
    });
  }
}

/**
 * Removes `path` when this process exits or is ended by SIGINT, SIGTERM or
 * SIGHUP, as it does its temporary files. Returns the function that takes
 * the file out of this care (after removing it, or to keep it).
 */
export function removeOnExit(path: string): () => void {
  installHandlers();
  pending.add(path);
  return () => pending.delete(path);
}

/** A new temporary name beside `path`, removed on exit until it is renamed or discarded. */
function tempFor(path: string): string {
  installHandlers();
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  pending.add(temp);
  return temp;
}

function discard(temp: string): void {
  rmSync(temp, { force: true });
  pending.delete(temp);
}

// Folders are made only when a write finds one missing: asking for each of 100,000 files costs seconds.
function missingFolder(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT';
}

/** Writes the temporary file of `path`, making its folder when missing. */
function writeTemp(temp: string, path: string, content: string | Uint8Array): void {
  try {
    writeFileSync(temp, content, { flag: 'wx' });
  } catch (error) {
    if (!missingFolder(error)) throw error;
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(temp, content, { flag: 'wx' });
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.compare(a, b) === 0;
}

/** What `path` holds, or `undefined` when it is gone. */
function currentBytes(path: string): Uint8Array | undefined {
  try {
    return readFileSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Throws `FileChangedError` when a compare-and-swap target no longer holds what was read. */
function expectUnchanged(file: AtomicFile): void {
  if (!file.unchangedFrom) return;
  const current = currentBytes(file.path);
  if (!current || !sameBytes(current, file.unchangedFrom)) throw new FileChangedError(file.path);
}

/** Puts a written temporary file in place of `path`. */
function commit(temp: string, path: string, overwrite: boolean): void {
  if (overwrite) {
    renameSync(temp, path);
    pending.delete(temp);
  } else {
    linkSync(temp, path);
    discard(temp);
  }
}

/** Writes `content` (text or bytes) to `path` atomically, creating folders as needed; `unchangedFrom` as in `AtomicFile`. */
export function writeFileAtomic(
  path: string,
  content: string | Uint8Array,
  options: AtomicWriteOptions & Pick<AtomicFile, 'unchangedFrom'> = {},
): void {
  const { unchangedFrom, ...rest } = options;
  writeFilesAtomic([{ path, content, ...(unchangedFrom ? { unchangedFrom } : {}) }], rest);
}

/**
 * Writes several files all or nothing: every new version is written to a
 * temporary file beside its target first, and only when all are written are
 * they put in place. A failure before that leaves every target untouched.
 */
export function writeFilesAtomic(files: readonly AtomicFile[], { overwrite = true }: AtomicWriteOptions = {}): void {
  const staged: string[] = [];
  try {
    for (const file of files) {
      const temp = tempFor(file.path);
      staged.push(temp);
      writeTemp(temp, file.path, file.content);
    }
    for (const file of files) expectUnchanged(file);
    files.forEach((file, i) => commit(staged[i]!, file.path, overwrite || file.unchangedFrom !== undefined));
  } finally {
    for (const temp of staged) if (pending.has(temp)) discard(temp);
  }
}

/**
 * `writeFileAtomic` without blocking: for writes that run while other work
 * goes on (the content loader stores each rendered body as the next renders).
 */
export async function writeFileAtomicAsync(path: string, content: string | Uint8Array): Promise<void> {
  const temp = tempFor(path);
  try {
    try {
      await writeFile(temp, content, { flag: 'wx' });
    } catch (error) {
      if (!missingFolder(error)) throw error;
      await mkdir(dirname(path), { recursive: true });
      await writeFile(temp, content, { flag: 'wx' });
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  } finally {
    pending.delete(temp);
  }
}
