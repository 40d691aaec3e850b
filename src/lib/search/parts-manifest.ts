import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomicAsync } from '../files/atomic-write.ts';
import { INDEX_FOLDER, PARTS_MANIFEST, type IndexPart } from './index-parts.ts';

/**
 * `pagefind/parts.json` of a built site: the folders of every part of the
 * search index but the main bundle, relative to it, which the search page
 * merges (`src/lib/search/index-parts.ts`).
 */

export async function writePartsManifest(root: string, parts: readonly Pick<IndexPart, 'folder'>[]): Promise<void> {
  const all = parts.length > 0 ? parts : [{ folder: '' }];
  await writeFileAtomicAsync(join(root, INDEX_FOLDER, PARTS_MANIFEST), `${JSON.stringify(all.slice(1).map((part) => part.folder))}\n`);
}

/** The folders the manifest of the site in `root` lists; none when the site has no manifest (an index in one part). */
export async function readPartsManifest(root: string): Promise<string[]> {
  const manifest = join(root, INDEX_FOLDER, PARTS_MANIFEST);
  return existsSync(manifest) ? (JSON.parse(await readFile(manifest, 'utf8')) as string[]) : [];
}
