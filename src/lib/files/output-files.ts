import { copyFileSync, linkSync, lstatSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { copyFile, link, lstat, rm, rmdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** File operations at once: enough to keep the disk busy, few enough to stay within open-file limits. */
const AT_ONCE = 64;

/** Runs `task` on every item, `AT_ONCE` at a time. */
export async function eachAtOnce<T>(items: readonly T[], task: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: AT_ONCE }, worker));
}

/**
 * Every file under `dir` (none when it does not exist), as paths relative to
 * it with `/`; the top-level folders named in `skip` are not entered.
 * Synchronous: a site has a folder per page, and over tens of thousands of
 * them a promise per folder costs more than the listing itself.
 */
export function filesUnder(dir: string, skip: ReadonlySet<string> = new Set()): string[] {
  const files: string[] = [];
  const walk = (folder: string): void => {
    let entries;
    try {
      entries = readdirSync(join(dir, folder), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = folder ? `${folder}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (folder !== '' || !skip.has(entry.name)) walk(path);
      } else if (entry.isFile()) files.push(path);
    }
  };
  walk('');
  return files;
}

/** Removes files (paths relative to `root`), then the folders they leave empty, up to but not including `root`. */
export async function removeFiles(root: string, paths: readonly string[]): Promise<void> {
  await eachAtOnce(paths, (path) => rm(join(root, path), { force: true }));
  // Deepest first, so that a folder emptied by removing its subfolders goes too.
  for (const folder of [...new Set(paths.map((path) => dirname(path)))].sort().reverse()) {
    for (let dir = folder; dir !== '.' && dir !== ''; dir = dirname(dir)) {
      const removed = await rmdir(join(root, dir)).then(
        () => true,
        () => false,
      );
      if (!removed) break;
    }
  }
}

/** Whether two paths are the same file (one a hard link of the other). */
export async function sameFile(a: string, b: string): Promise<boolean> {
  const [first, second] = await Promise.all([lstat(a), lstat(b).catch(() => undefined)]);
  return second !== undefined && first.ino === second.ino && first.dev === second.dev;
}

/**
 * `sameFile`, synchronously: over the tens of thousands of files of a shard,
 * waiting for each pair of `lstat` calls costs more than the calls themselves.
 */
export function sameFileSync(a: string, b: string): boolean {
  const second = lstatSync(b, { throwIfNoEntry: false });
  if (!second) return false;
  const first = lstatSync(a);
  return first.ino === second.ino && first.dev === second.dev;
}

/**
 * Makes `to` the file `from`: a hard link, or a copy across file systems;
 * nothing is done when it already is one. Whatever was at `to` is removed
 * first, never written through, because it may be a link to another file
 * that must keep its bytes. From then on `to` shares the bytes of `from`:
 * `from` must change only when `to` should (a shard's output) or never (a
 * resized photo in the cache).
 */
export async function placeFile(from: string, to: string): Promise<void> {
  if (!(await sameFile(from, to))) await replaceWithLink(from, to);
}

/**
 * `placeFile`, synchronously, making the folder of `to` when it is missing:
 * for a process that places its files one by one as it writes them. Where
 * `to` is new and its folder exists, that is one file call.
 */
export function placeFileSync(from: string, to: string): void {
  try {
    linkOrCopySync(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      if (sameFileSync(from, to)) return;
      rmSync(to, { force: true });
    } else if (code === 'ENOENT') mkdirSync(dirname(to), { recursive: true });
    else throw error;
    linkOrCopySync(from, to);
  }
}

/** `placeFile` for a `to` known not to be `from` already: whatever is there is removed, then `from` is linked (or copied). */
export async function replaceWithLink(from: string, to: string): Promise<void> {
  await rm(to, { force: true });
  await link(from, to).catch(() => copyFile(from, to));
}

/** `to`, where there is nothing yet, made the file `from` as `placeFile` makes it: a hard link, or a copy across file systems. */
export function linkOrCopySync(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw error;
    copyFileSync(from, to);
  }
}
