import type { AstroIntegration } from 'astro';
import { existsSync } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { filesUnder, removeFiles } from '#lib/files/output-files.ts';
import { isVariantName } from '#lib/media/variant-plan.ts';
import { INDEX_FOLDER } from '#lib/search/index-parts.ts';

/** Astro's record of the last build's pages (`experimental.incrementalBuild`) in its cache folder. */
const INCREMENTAL_MANIFEST = 'incremental-build.json';

/** Files of the output that routes produce; anything else of these kinds is left over from an earlier build. */
const ROUTE_OUTPUT = /\.(?:html|xml|txt)$/;
/** Files that other steps write after the routes (the sitemap) or that are not routes at all. */
const KEPT = /^(?:pagefind|_astro)\/|^sitemap[^/]*\.xml$/;

/**
 * Keeps the last build's output folder instead of emptying it, so that
 * Astro's incremental build leaves unchanged pages where they are instead of
 * deleting and copying back every file; then removes what this build did not
 * produce: pages and feeds of routes that are gone (a deleted or moved
 * article) and hashed assets that were not rewritten.
 *
 * An output folder without its home page (new, deleted or emptied) gets
 * every page rendered: Astro would copy unchanged pages back from its cache,
 * but not the files a page writes beside itself (a lead photo's sizes).
 */
export default function pruneOutput(): AstroIntegration {
  let started = 0;
  let outDir = '';
  let cacheDir = '';
  return {
    name: 'arkhiv:prune-output',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:start': async () => {
        started = Date.now();
        if (!existsSync(join(outDir, 'index.html'))) await rm(join(cacheDir, INCREMENTAL_MANIFEST), { force: true });
      },
      'astro:build:done': async ({ dir, assets, logger }) => {
        const root = fileURLToPath(dir);
        const produced = new Set<string>();
        for (const urls of assets.values()) for (const url of urls) produced.add(fileURLToPath(url));
        const stale: string[] = [];
        // The search index holds a file per article and is pruned by its own writer.
        for (const relative of filesUnder(root, new Set([INDEX_FOLDER]))) {
          const path = join(root, relative);
          if (relative.startsWith('_astro/')) {
            // Vite rewrites every asset it emits on each build; one it did not rewrite is no longer used.
            if ((await stat(path)).mtimeMs < started) stale.push(relative);
          } else if (isVariantName(basename(path))) {
            // A lead photo's sizes live in their article's folder and go with its page.
            if (!produced.has(join(dirname(path), 'index.html'))) stale.push(relative);
          } else if (ROUTE_OUTPUT.test(relative) && !KEPT.test(relative) && !produced.has(path)) {
            stale.push(relative);
          }
        }
        // A page's folder goes with its page once nothing else is left in it.
        await removeFiles(root, stale);
        if (stale.length > 0) logger.info(`Removed ${stale.length} file(s) left over from an earlier build.`);
      },
    },
  };
}
