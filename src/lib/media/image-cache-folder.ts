import { createHash } from 'node:crypto';
import { existsSync, linkSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ImageFormat } from './image-format.ts';

/**
 * The files of the resized-photo cache (`image-cache.ts`), and the removal of
 * those no build needs: a variant is `<digest of the photo>-<width>-<encoder
 * settings>.webp`, and what a photo file holds is kept in
 * `sources/<digest of its path>.json`. Free of the image library, so that a
 * build can prune the cache without loading it.
 */

/** A measurement kept in the cache: of the file at `path` with this size and modification time. */
export interface KeptMeasure {
  size: number;
  mtimeMs: number;
  path: string;
  format: ImageFormat;
  digest: string;
  width: number;
  height: number;
}

/** The cache's name for a variant of the photo with `digest`, `width` pixels wide, made with `settings`. */
export function cachedVariantName(digest: string, width: number, settings: string): string {
  return `${digest}-${width}-${settings}.webp`;
}

/** Any cached variant's name, of any encoder settings (`cachedVariantName`). */
const CACHED_VARIANT = /^[0-9a-f]{64}-\d+-webp-[\w-]+\.webp$/;

const SOURCES_FOLDER = 'sources';

/** Where the measurement of the photo file at `path` is kept. */
export function measurementFile(folder: string, path: string): string {
  return join(folder, SOURCES_FOLDER, `${createHash('sha256').update(path).digest('hex').slice(0, 32)}.json`);
}

/** The names of the entries of `folder`; none when it does not exist yet. */
export function namesIn(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** The measurement kept in `file`, or `undefined` when there is none (or it cannot be read). */
export function readKept(file: string): KeptMeasure | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as KeptMeasure;
  } catch {
    return undefined;
  }
}

/**
 * Removes from the cache in `folder` the resized photos that no built page
 * uses any more, and the measurements of photo files that are gone; returns
 * how many files it removed. Pages link their variants from the cache
 * (`ImageCache.publish`), so a variant with one link is in no site on this
 * file system: its photo was replaced or removed, or the encoder settings
 * changed. Files made since `since` (epoch milliseconds) are kept, since
 * another build sharing the cache may be about to link them; and nothing is
 * removed when `outDir` cannot link to the cache (another file system),
 * where pages hold copies and every variant has one link.
 */
export async function pruneImageCache(folder: string, outDir: string, since: number): Promise<number> {
  const names = namesIn(folder);
  if (names.length === 0 || !linksReach(folder, outDir)) return 0;
  let removed = 0;
  for (const name of names.filter((entry) => CACHED_VARIANT.test(entry))) {
    const file = join(folder, name);
    const info = await stat(file).catch(() => undefined);
    if (info?.nlink !== 1 || info.mtimeMs >= since) continue;
    await rm(file, { force: true });
    removed += 1;
  }
  const sources = join(folder, SOURCES_FOLDER);
  for (const name of namesIn(sources)) {
    const kept = readKept(join(sources, name));
    if (!kept || existsSync(kept.path)) continue;
    await rm(join(sources, name), { force: true });
    removed += 1;
  }
  return removed;
}

/** Whether a file in `folder` can be hard-linked into `outDir`: the same file system, and links allowed. */
function linksReach(folder: string, outDir: string): boolean {
  const name = `.link-probe-${process.pid}`;
  try {
    writeFileSync(join(folder, name), '');
    linkSync(join(folder, name), join(outDir, name));
    return true;
  } catch {
    return false;
  } finally {
    rmSync(join(folder, name), { force: true });
    rmSync(join(outDir, name), { force: true });
  }
}
