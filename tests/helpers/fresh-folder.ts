import { rm } from 'node:fs/promises';
import { writeFiles } from './write-files.ts';

/** Replaces whatever is at `root` with a folder of `files` (see `writeFiles`); resolves to `root`. */
export async function freshFolder(root: string, files: Record<string, string>): Promise<string> {
  await rm(root, { recursive: true, force: true });
  await writeFiles(root, files);
  return root;
}
