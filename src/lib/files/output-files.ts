import { readdir, rm, rmdir } from 'node:fs/promises';
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
 */
export async function filesUnder(dir: string, skip: ReadonlySet<string> = new Set()): Promise<string[]> {
  const files: string[] = [];
  const walk = async (folder: string): Promise<void> => {
    const entries = await readdir(join(dir, folder), { withFileTypes: true }).catch(() => []);
    await Promise.all(
      entries.map((entry) => {
        const path = folder ? `${folder}/${entry.name}` : entry.name;
        if (entry.isDirectory()) return folder === '' && skip.has(entry.name) ? undefined : walk(path);
        if (entry.isFile()) files.push(path);
        return undefined;
      }),
    );
  };
  await walk('');
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
