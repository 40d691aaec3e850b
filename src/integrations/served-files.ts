import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { rendersGlobalPages } from '#lib/build/shards.ts';
import { formatProblem } from '#lib/problems.ts';
import { UnsafeContentError } from '#lib/safety/content-safety.ts';
import { scanServedFiles } from '#lib/safety/served-files.ts';

/**
 * Stops the build when a file the site would serve from its own origin is
 * unsafe: any file of `public/` and any local file an article links (an
 * SVG with a script, an HTML page, a file of a type outside the allow-list),
 * with every finding located. The rules are `src/lib/safety/served-files.ts`,
 * the same as `npm run check`'s. `options.content` is the archive folder.
 */
export default function servedFiles(options: { content: string }): AstroIntegration {
  let publicDir = '';
  let articlesDir = '';
  let cacheDir = '';
  return {
    name: 'arkhiv:served-files',
    hooks: {
      'astro:config:done': ({ config }) => {
        publicDir = fileURLToPath(config.publicDir);
        cacheDir = fileURLToPath(config.cacheDir);
        articlesDir = fileURLToPath(new URL(`${options.content.replace(/\/?$/, '/')}articles/`, config.root));
      },
      'astro:build:start': async () => {
        // In a sharded build the global shard checks the files of every shard.
        if (!rendersGlobalPages()) return;
        const found = await scanServedFiles({ publicDir, articlesDir, relativeTo: process.cwd(), cacheDir });
        if (found.length === 0) return;
        const lines = found.map((p) => formatProblem(p)).join('\n');
        throw new UnsafeContentError(
          `Файли, які сайт віддає зі свого домену, небезпечні (${found.length}); виправте їх, перевірте командою npm run check:\n${lines}`,
        );
      },
    },
  };
}
