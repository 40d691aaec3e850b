import type { AstroIntegration } from 'astro';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InvalidArchiveError } from '#lib/archive/archive-problem.ts';
import { validateForBuild } from '#lib/archive/validate-archive.ts';
import { rendersGlobalPages, validatedByParent } from '#lib/build/shards.ts';

export interface ValidateContentOptions {
  /** The archive folder; default `ARKHIV_CONTENT` or `content`, relative to the project root. */
  contentDir?: string;
}

/**
 * Validates the whole archive before Astro loads it (`astro:config:setup`),
 * so an invalid build fails with one error that lists every bad entry with
 * its file, line and field; Astro alone would stop at the first. In
 * `astro dev` the problems are logged and the server keeps running.
 * Per-file results are cached in Astro's cache folder (keyed by path, mtime
 * and size), so a rebuild reads only the articles that changed.
 */
export default function validateContent(options: ValidateContentOptions = {}): AstroIntegration {
  return {
    name: 'arkhiv:validate-content',
    hooks: {
      'astro:config:setup': async ({ config, command, logger }) => {
        // In a sharded build the global shard validates the whole archive for every shard, or the build that started it does.
        if (!rendersGlobalPages() || validatedByParent()) return;
        const root = fileURLToPath(config.root);
        const contentDir = resolve(root, options.contentDir ?? process.env.ARKHIV_CONTENT ?? 'content');
        const cacheDir = config.cacheDir ? fileURLToPath(config.cacheDir) : undefined;
        const errors = await validateForBuild(contentDir, cacheDir, (message) => logger.warn(message));
        if (errors.length === 0) return;
        const error = new InvalidArchiveError(errors);
        if (command === 'build') throw error;
        logger.error(error.message);
      },
    },
  };
}
