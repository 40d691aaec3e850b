import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { eachAtOnce, filesUnder, removeFiles, replaceWithLink, sameFileSync } from '../files/output-files.ts';
import { writePartsManifest } from '../search/parts-manifest.ts';
import { writeServiceWorker } from '../site/service-worker.ts';
import { writeSitemap } from '../site/sitemap.ts';
import { INDEX_FOLDER } from '../search/index-parts.ts';
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
  if (!path.startsWith(`${INDEX_FOLDER}/`)) return globalShard(shards);
  // An index file belongs to the part whose folder it is in, or to the main bundle.
  const folder = /^\d{4}-\d{4}\//.exec(path.slice(INDEX_FOLDER.length + 1))?.[0] ?? '';
  return shards.find((shard) => shard.parts.some((p) => p.folder === folder)) ?? globalShard(shards);
}

function globalShard(shards: readonly Shard[]): Shard {
  const shard = shards.find((candidate) => candidate.global);
  if (!shard) throw new Error('A shard plan needs one shard with the global pages.');
  return shard;
}

/** Which of a shard's files `SiteAssembly.add` links. */
export type ShardFiles = 'all' | 'pages' | 'index';

/**
 * Joins the shards' outputs into one site as the shards finish: each
 * shard's files are linked into `outDir` as soon as it is done (`add`), then
 * (`finish`) the files of the last site that no shard produced are removed,
 * with the folders they leave empty, and what needs every page is written:
 * the list of index parts, the sitemap and the service worker, exactly as a
 * single-process build writes them. A file already linked to its source by
 * an earlier assembly stays, any other is linked anew (copied across file
 * systems): a rebuild of one article touches its pages, not every file.
 */
export class SiteAssembly {
  private readonly options: Omit<AssembleOptions, 'shardDirs'>;
  private readonly outDir: string;
  /** Each file of the site and the shard file it comes from. */
  private readonly moves = new Map<string, string>();
  /** The files of `outDir` before this assembly (`listSite`). */
  private present: string[] | undefined;
  private readonly folders = new Map<string, Promise<unknown>>();

  constructor(options: Omit<AssembleOptions, 'shardDirs'>) {
    this.options = options;
    this.outDir = resolve(options.outDir);
  }

  /**
   * The site's files as they were before this assembly, listed at the first
   * call and kept: `finish` removes those no shard produced. The listing is
   * synchronous (a site has a folder per page): a build calls this once its
   * shards have started, while they work; otherwise `finish` lists them.
   */
  listSite(): string[] {
    return (this.present ??= filesUnder(this.outDir));
  }

  /**
   * Links the files that `shard` (one of `options.shards`) owns from its
   * output folder `dir`: all of them, or those outside the search index
   * (`'pages'`, once the shard has written them) and then the index alone
   * (`'index'`, once the shard is done).
   */
  async add(shard: Shard, dir: string, which: ShardFiles = 'all'): Promise<void> {
    const placing: Array<[string, string]> = [];
    const paths =
      which === 'index'
        ? filesUnder(join(dir, INDEX_FOLDER)).map((path) => `${INDEX_FOLDER}/${path}`)
        : filesUnder(dir, which === 'pages' ? new Set([INDEX_FOLDER]) : undefined);
    for (const path of paths) {
      const owner = ownerOf(path, this.options.shards);
      if ((owner && owner !== shard) || this.moves.has(path)) continue;
      this.moves.set(path, join(dir, path));
      placing.push([path, join(dir, path)]);
    }
    // A rebuild changes a few files: find them first, then link only those.
    const changed = placing.filter(([path, from]) => !sameFileSync(from, join(this.outDir, path)));
    await eachAtOnce(changed, async ([path, from]) => {
      const to = join(this.outDir, path);
      await this.folder(dirname(to));
      await replaceWithLink(from, to);
    });
  }

  /** Once every shard is added: removes what no shard produced and writes the files that need every page. Returns the number of files placed. */
  async finish(): Promise<number> {
    const { shards, logger } = this.options;
    await removeFiles(
      this.outDir,
      this.listSite().filter((path) => !this.moves.has(path)),
    );
    await writePartsManifest(
      this.outDir,
      shards.flatMap((shard) => shard.parts),
    );
    const files = [...this.moves.keys()];
    const pages = await writeSitemap(this.outDir, this.options.site, this.options.base, { files, cacheDir: this.options.cacheDir });
    await writeServiceWorker(this.outDir, this.options.base, this.options.buildId, logger);
    logger.info(`Assembled ${this.moves.size} files from ${shards.length} shards; the sitemap lists ${pages} pages.`);
    return this.moves.size;
  }

  private folder(dir: string): Promise<unknown> {
    return this.folders.get(dir) ?? this.folders.set(dir, mkdir(dir, { recursive: true })).get(dir)!;
  }
}

/** Joins the shards' output folders (`options.shardDirs`, in the order of `options.shards`) into one site (`SiteAssembly`). */
export async function assembleSite(options: AssembleOptions): Promise<number> {
  const assembly = new SiteAssembly(options);
  for (const [index, shard] of options.shards.entries()) await assembly.add(shard, options.shardDirs[index]!);
  return assembly.finish();
}
