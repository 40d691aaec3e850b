import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** A digest of every file under `dir`, by path and content. */
export async function folderDigest(dir: string): Promise<string> {
  const hash = createHash('sha1');
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  for (const file of files)
    hash
      .update(`${file.slice(dir.length)}\u0000`)
      .update(await readFile(file))
      .update('\u0000');
  return hash.digest('hex');
}
