import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { folderDigest } from '#lib/files/folder-digest.ts';

/**
 * Voids Astro's incremental build cache whenever the site's code changes.
 * Page cache keys (`src/lib/site/cache-keys.ts`) cover the archive's content; a
 * page copied from the last build also carries that build's script and style
 * file names, which change with the code. A digest of `src/` as a Vite
 * `define` is part of Astro's configuration hash, so any change to the code
 * makes the next build a full one; changes to articles alone stay incremental.
 */
export default function sourceVersion(): AstroIntegration {
  return {
    name: 'arkhiv:source-version',
    hooks: {
      'astro:config:setup': async ({ config, updateConfig }) => {
        const digest = await folderDigest(fileURLToPath(config.srcDir));
        updateConfig({ vite: { define: { __ARKHIV_SOURCE_VERSION__: JSON.stringify(digest) } } });
      },
    },
  };
}
