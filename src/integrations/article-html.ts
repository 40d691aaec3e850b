import type { AstroIntegration } from 'astro';
import { articleHtmlDir } from '#lib/site/article-html-store.ts';

/**
 * Tells the pages where the content layer keeps the rendered bodies of plain
 * Markdown articles (`src/loaders/articles.ts`): the folder follows Astro's
 * `cacheDir`, so separate caches (tests, benchmarks) keep separate bodies.
 */
export default function articleHtml(): AstroIntegration {
  return {
    name: 'arkhiv:article-html',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        updateConfig({ vite: { define: { __ARKHIV_ARTICLE_HTML_DIR__: JSON.stringify(articleHtmlDir(config.cacheDir)) } } });
      },
    },
  };
}
