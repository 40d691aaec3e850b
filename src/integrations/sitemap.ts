import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { shardScope } from '#lib/build/shards.ts';
import { writeSitemap } from '#lib/site/sitemap.ts';

/**
 * `sitemap-index.xml` and `sitemap-0.xml` … listing every page except those
 * marked `noindex` (the 404 page and the redirect pages of former article
 * URLs), written from the built pages (`src/lib/site/sitemap.ts`). A shard
 * (`ARKHIV_SHARD`) has only some pages: the assembly writes the sitemap then.
 */
export default function siteSitemap(): AstroIntegration {
  let site = '';
  let base = '/';
  let cacheDir = '';
  return {
    name: 'arkhiv:sitemap',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site ?? '';
        base = config.base;
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (shardScope()) return;
        if (!site) throw new Error('The sitemap needs absolute URLs: set "site" in astro.config.mjs or pass --site.');
        const pages = await writeSitemap(fileURLToPath(dir), site, base, { cacheDir });
        logger.info(`Sitemap lists ${pages} pages.`);
      },
    },
  };
}
