import type { AstroIntegration } from 'astro';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Tells the pages where the archive's photos are, where their resized
 * variants are cached between builds (a folder of Astro's `cacheDir`, so
 * separate caches keep separate variants) and where the site is written, so
 * that an article page can copy its photo's variants next to itself
 * (`src/collections/lead-image.ts`). `options.content` is the archive folder.
 */
export default function media(options: { content: string }): AstroIntegration {
  return {
    name: 'arkhiv:media',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        const folders = {
          archive: fileURLToPath(new URL(options.content.replace(/\/?$/, '/'), config.root)),
          cache: join(fileURLToPath(config.cacheDir), 'media'),
          out: fileURLToPath(config.outDir),
        };
        updateConfig({ vite: { define: { __ARKHIV_MEDIA__: JSON.stringify(folders) } } });
      },
    },
  };
}
