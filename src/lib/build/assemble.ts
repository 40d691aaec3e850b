import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { eachAtOnce, filesUnder, placeFile, removeFiles, sameFile } from '../files/output-files.ts';
import { writePartsManifest } from '../search/write-index.ts';
import { writeServiceWorker } from '../site/service-worker.ts';
import { writeSitemap } from '../site/sitemap.ts';
import type { Shard } from './shards.ts';

export interface AssembleOptions {
  /** Where the site goes: afterwards it holds the assembled site and nothing else. */
  outDir: string;
  /** The output folder of each shard, in the order of `shards`. */
  shardDirs: readonly string[];
  shards: readonly Shard[];
  site: string;
  base: string;
  buildId: string;
  /** Where the sitemap keeps what it read of the pages between assemblies; nothing is kept without it. */
  cacheDir?: string | undefined;
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

/**
 * Makes `outDir` hold exactly the files of `moves`: a file already linked to
 * its source by an earlier assembly stays, any other is linked anew (copied
 * across file systems), and the files of `present` (what `outDir` holds now)
 * that no move names are removed, with the folders they leave empty. A
 * rebuild of one article so touches its pages, not every file of the site.
 */
async function placeAll(outDir: string, moves: ReadonlyMap<string, string>, present: readonly string[]): Promise<void> {
  await removeFiles(
    outDir,
    present.filter((path) => !moves.has(path)),
  );
  const made = new Map<string, Promise<unknown>>();
  const folder = (dir: string) => made.get(dir) ?? made.set(dir, mkdir(dir, { recursive: true })).get(dir)!;
  await eachAtOnce([...moves], async ([path, from]) => {
    const to = join(outDir, path);
    if (await sameFile(from, to)) return;
    await folder(dirname(to));
    await placeFile(from, to);
  });
}

/**
 * Joins the shards' outputs into one site, then writes what needs every
 * page: the list of index parts, the sitemap and the service worker, exactly
 * as a single-process build writes them.
 */
export async function assembleSite(options: AssembleOptions): Promise<number> {
  const { outDir, shardDirs, shards } = options;
  await mkdir(outDir, { recursive: true });
  /** Each file of the site and the shard file it comes from. */
  const moves = new Map<string, string>();
  const [present, ...shardFiles] = await Promise.all([filesUnder(outDir), ...shardDirs.map((dir) => filesUnder(dir))]);
  for (const [index, shard] of shards.entries()) {
    const dir = shardDirs[index]!;
    for (const path of shardFiles[index]!) {
      const owner = ownerOf(path, shards);
      if ((owner && owner !== shard) || moves.has(path)) continue;
      moves.set(path, join(dir, path));
    }
  }
  await placeAll(resolve(outDir), moves, present);
  await writePartsManifest(
    outDir,
    shards.flatMap((shard) => shard.parts),
  );
  const pages = await writeSitemap(outDir, options.site, options.base, { files: [...moves.keys()], cacheDir: options.cacheDir });
  await writeServiceWorker(outDir, options.base, options.buildId, options.logger);
  options.logger.info(`Assembled ${moves.size} files from ${shards.length} shards; the sitemap lists ${pages} pages.`);
  return moves.size;
}
