import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Total bytes and file count below a folder (0 and 0 when it does not exist). */
export async function folderSize(root: string): Promise<{ bytes: number; files: number }> {
  let bytes = 0;
  let files = 0;
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    files += 1;
    bytes += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return { bytes, files };
}
