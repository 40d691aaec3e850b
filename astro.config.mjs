// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import pagefind from './src/integrations/pagefind.ts';
import serviceWorker from './src/integrations/service-worker.ts';
import contentSafety from './src/integrations/content-safety.ts';
import validateContent from './src/integrations/validate-content.ts';
import siteSitemap from './src/integrations/sitemap.ts';
import baseLinks from './src/integrations/base-links.ts';
import articleHtml from './src/integrations/article-html.ts';
import pruneOutput from './src/integrations/prune-output.ts';
import sourceVersion from './src/integrations/source-version.ts';
import servedFiles from './src/integrations/served-files.ts';
import securityHeaders from './src/integrations/security-headers.ts';
import media from './src/integrations/media.ts';
import shardPagesWritten from './src/integrations/shard-pages-written.ts';
import pageCacheLinks from './src/integrations/page-cache-links.ts';

// `site` and `base` come from the environment or from Astro's own flags
// (`npm run build -- --site https://example.org --base /sub/`), so one checkout
// can publish at a domain root or under a project subfolder.
export default defineConfig({
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  base: process.env.BASE_PATH ?? '/',
  // Files copied to the site as they are (checked by servedFiles); ARKHIV_PUBLIC names another folder.
  publicDir: process.env.ARKHIV_PUBLIC ?? './public',
  trailingSlash: 'always',
  // A shard builds from a root of links to this project (scripts/build.ts): modules keep the paths under
  // the root they were found by, so that a shard's pages, styles and scripts are the ones one process builds.
  vite: { resolve: { preserveSymlinks: true } },
  // Pages are rendered four at a time, so that one page's file writes overlap the next one's rendering.
  build: { concurrency: 4 },
  // Pages whose getStaticPaths() cache key is unchanged are copied from the last build (article and day pages).
  experimental: { incrementalBuild: true },
  // Astro's console log, without its two lines per rendered page when the build asks for none (ARKHIV_PAGE_LINES).
  logger: { entrypoint: './src/integrations/build-log.ts' },
  // Separate caches let tests and benchmarks build several archives from one checkout.
  cacheDir: process.env.ARKHIV_CACHE_DIR ?? './node_modules/.astro',
  // contentSafety: article bodies may hold only Markdown and the article components (checked on every build).
  // validateContent: every invalid front matter of the archive in one build error (before Astro stops at the first).
  // servedFiles: every file of public/ and every local file an article links is safe to serve from the site's origin.
  // securityHeaders: _headers with the Content Security Policy for hosts that read it.
  // shardPagesWritten: a shard's files but the index are final; its build assembles them while the index is built.
  // media: where lead photos are read, their resized variants cached (ARKHIV_MEDIA_CACHE: one folder for all shards) and the site written.
  integrations: [
    validateContent(),
    contentSafety({ content: process.env.ARKHIV_CONTENT ?? './content' }),
    servedFiles({ content: process.env.ARKHIV_CONTENT ?? './content' }),
    baseLinks(),
    articleHtml(),
    media({ content: process.env.ARKHIV_CONTENT ?? './content', cache: process.env.ARKHIV_MEDIA_CACHE }),
    pruneOutput(),
    pageCacheLinks(),
    sourceVersion(),
    mdx(),
    siteSitemap(),
    securityHeaders(),
    shardPagesWritten(),
    pagefind({ content: process.env.ARKHIV_CONTENT ?? './content' }),
    serviceWorker(),
  ],
});
