import type { AstroIntegration } from 'astro';
import { PAGES_WRITTEN_MESSAGE, shardScope } from '#lib/build/shards.ts';

/**
 * Tells the build that started this shard that its pages are written
 * (`PAGES_WRITTEN_MESSAGE`), so that it assembles them while the search index
 * is built. Must come after every integration that writes outside the index
 * folder and before `pagefind()`.
 */
export default function shardPagesWritten(): AstroIntegration {
  return {
    name: 'arkhiv:shard-pages-written',
    hooks: {
      'astro:build:done': () => {
        if (shardScope() && process.send) process.send(PAGES_WRITTEN_MESSAGE);
      },
    },
  };
}
