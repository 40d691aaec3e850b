import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Every file of a site with its bytes, by path relative to `dir`. */
async function siteFiles(dir: string): Promise<Map<string, Buffer>> {
  const all = new Map<string, Buffer>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile())
      all.set(join(entry.parentPath, entry.name).slice(dir.length + 1), await readFile(join(entry.parentPath, entry.name)));
  }
  return all;
}

/** Paths whose bytes differ between two built sites, or that only one of them has; empty when they are the same byte for byte. */
export async function siteDifferences(a: string, b: string): Promise<string[]> {
  const [left, right] = await Promise.all([siteFiles(a), siteFiles(b)]);
  const paths = new Set([...left.keys(), ...right.keys()]);
  return [...paths].filter((path) => !left.get(path)?.equals(right.get(path) ?? Buffer.alloc(0)) || !right.has(path)).sort();
}
