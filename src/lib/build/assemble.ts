import { copyFile, link, mkdir, readdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { writePartsManifest } from '../search/write-index.ts';
import { writeServiceWorker } from '../site/service-worker.ts';
import { writeSitemap } from '../site/sitemap.ts';
import type { Shard } from './shards.ts';

export interface AssembleOptions {
  /** Where the site goes; emptied first. */
  outDir: string;
  /** The output folder of each shard, in the order of `shards`. */
  shardDirs: readonly string[];
  shards: readonly Shard[];
  site: string;
  base: string;
  buildId: string;
  logger: { info(message: string): void };
}

/**
 * The shard whose copy of a file goes into the site: a year's pages come from
 * the shard that renders that year, an index part from the shard that built
 * it, everything else from the global shard. `undefined` for Vite's assets
 * (`_astro/`), which every shard writes alike and any shard may add to (the
 * images of its own articles): the site gets the union.
 */
export function ownerOf(path: string, shards: readonly Shard[]): Shard | undefined {
  const year = /^(\d{4})\//.exec(path);
  if (year) return shards.find((shard) => shard.years.includes(Number(year[1]))) ?? globalShard(shards);
  if (path.startsWith('_astro/')) return undefined;
  const part = /^pagefind\/(\d{4}-\d{4}\/)/.exec(path);
  if (part) return shards.find((shard) => shard.parts.some((p) => p.folder === part[1])) ?? globalShard(shards);
  if (path.startsWith('pagefind/')) return shards.find((shard) => shard.parts.some((p) => p.folder === '')) ?? globalShard(shards);
  return globalShard(shards);
}

function globalShard(shards: readonly Shard[]): Shard {
  const shard = shards.find((candidate) => candidate.global);
  if (!shard) throw new Error('A shard plan needs one shard with the global pages.');
  return shard;
}

/** Hard-links a file into place (the shards' folders keep theirs for the next incremental build), or copies it across file systems. */
async function place(from: string, to: string): Promise<void> {
  await mkdir(dirname(to), { recursive: true });
  await link(from, to).catch(() => copyFile(from, to));
}

/**
 * Joins the shards' outputs into one site, then writes what needs every
 * page: the list of index parts, the sitemap and the service worker, exactly
 * as a single-process build writes them.
 */
export async function assembleSite(options: AssembleOptions): Promise<number> {
  const { outDir, shardDirs, shards } = options;
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const placed = new Set<string>();
  for (const [index, shard] of shards.entries()) {
    const dir = shardDirs[index]!;
    for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const path = join(entry.parentPath, entry.name).slice(dir.length).replace(/\\/g, '/').replace(/^\//, '');
      const owner = ownerOf(path, shards);
      if ((owner && owner !== shard) || placed.has(path)) continue;
      placed.add(path);
      await place(join(dir, path), join(outDir, path));
    }
  }
  await writePartsManifest(
    outDir,
    shards.flatMap((shard) => shard.parts),
  );
  const pages = await writeSitemap(outDir, options.site, options.base);
  await writeServiceWorker(outDir, options.base, options.buildId, options.logger);
  options.logger.info(`Assembled ${placed.size} files from ${shards.length} shards; the sitemap lists ${pages} pages.`);
  return placed.size;
}
