import type { AstroIntegration } from 'astro';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MEDIA_CACHE_FOLDER } from '#lib/media/variant-plan.ts';

/**
 * Tells the pages where the archive's photos are, where their resized
 * variants are cached between builds (a folder of Astro's `cacheDir`, so
 * separate caches keep separate variants) and where the site is written, so
 * that an article page can place its photo's variants next to itself
 * (`src/collections/lead-image.ts`). `options.content` is the archive folder;
 * `options.cache`, when given, the variants' folder instead: the shards of a
 * build share one, as a variant's bytes depend only on its photo's and every
 * file of it is written whole under its final name (`image-cache.ts`).
 */
export default function media(options: { content: string; cache?: string | undefined }): AstroIntegration {
  return {
    name: 'arkhiv:media',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        const folders = {
          archive: fileURLToPath(new URL(options.content.replace(/\/?$/, '/'), config.root)),
          cache: options.cache ? resolve(options.cache) : join(fileURLToPath(config.cacheDir), MEDIA_CACHE_FOLDER),
          out: fileURLToPath(config.outDir),
        };
        updateConfig({ vite: { define: { __ARKHIV_MEDIA__: JSON.stringify(folders) } } });
      },
    },
  };
}
