import type { AstroIntegration } from 'astro';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { placeFileSync } from '#lib/files/output-files.ts';

/** Where Astro's incremental build keeps its copy of each rendered page, under its cache folder (`core/build/incremental.js`). */
const CACHED_PAGES = 'dist/';

interface BuildSettings {
  config: { outDir: URL; cacheDir: URL };
}
interface IncrementalBuildCacheClass {
  prototype: { writeOutputFile(settings: BuildSettings, outputFile: string, body: Uint8Array | string): Promise<void> };
}

/**
 * Astro's incremental build writes every page it renders twice: to the output
 * folder, then a copy into its cache, from which it restores a skipped page
 * whose output file is gone. Here the copy is a hard link to the page just
 * written: the same bytes for the restore, without writing them again
 * (33,000 pages at 20,000 articles).
 * The output file is never changed in place after Astro writes it (no
 * integration rewrites pages), and a page rendered again is written by Astro
 * through the same link, so the copy stays the page's last rendering.
 *
 * Astro has no option for this; the method replaced is that of its
 * `IncrementalBuildCache` (not part of its public exports). Where it is not
 * found, Astro writes its copies as before, and the `incremental-build` tests
 * check that the copies are links.
 */
export default function pageCacheLinks(): AstroIntegration {
  return {
    name: 'arkhiv:page-cache-links',
    hooks: {
      'astro:build:start': async ({ logger }) => {
        const cache = await incrementalBuildCache();
        if (!cache) {
          logger.warn('Astro’s incremental build cache was not found: rendered pages are copied into the cache, not linked.');
          return;
        }
        cache.prototype.writeOutputFile = async (settings, outputFile) => {
          const from = fileURLToPath(new URL(outputFile, settings.config.outDir));
          placeFileSync(from, fileURLToPath(new URL(outputFile, new URL(CACHED_PAGES, settings.config.cacheDir))));
        };
      },
    },
  };
}

async function incrementalBuildCache(): Promise<IncrementalBuildCacheClass | undefined> {
  const astro = pathToFileURL(createRequire(import.meta.url).resolve('astro/package.json'));
  const module = (await import(new URL('dist/core/build/incremental.js', astro).href).catch(() => undefined)) as
    { IncrementalBuildCache?: IncrementalBuildCacheClass } | undefined;
  const found = module?.IncrementalBuildCache;
  return typeof found?.prototype?.writeOutputFile === 'function' ? found : undefined;
}
