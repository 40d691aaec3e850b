import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { ARTICLE_MODULE } from '#lib/archive/article-components.ts';
import { contentSafetyPlugin, scanArticles, UnsafeContentError } from '#lib/safety/content-safety.ts';

/**
 * Registers the content rules with the Markdown processor (MDX inherits it)
 * and the `@arkhiv/article` import path of the article components, so every
 * `.md` and `.mdx` entry is checked by every build, wherever the archive
 * (`options.content`, the folder of `src/content.config.ts`) lives;
 * and keeps every script an external file, as the Content Security Policy
 * (`src/lib/safety/csp.ts`) requires.
 */
export default function contentSafety(options: { content: string }): AstroIntegration {
  let articlesDir = '';
  return {
    name: 'arkhiv:content-safety',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        const processor = config.markdown.processor as { name: string; options: { mdastPlugins?: unknown[] } };
        if (processor.name !== 'satteri' || !Array.isArray(processor.options.mdastPlugins)) {
          throw new Error(
            `Content safety runs as a Sätteri plugin, but markdown.processor is "${processor.name}". Keep the default processor or port src/integrations/content-safety.ts to it.`,
          );
        }
        processor.options.mdastPlugins.push(contentSafetyPlugin);
        articlesDir = fileURLToPath(new URL(`${options.content.replace(/\/?$/, '/')}articles/`, config.root));
        updateConfig({
          vite: {
            resolve: { alias: { [ARTICLE_MODULE]: fileURLToPath(new URL('../components/article/index.ts', import.meta.url)) } },
            // Vite would inline small scripts into the page, which the policy (`script-src 'self'`) blocks.
            build: { assetsInlineLimit: (file: string) => (/\.[cm]?js$/.test(file) ? false : undefined) },
          },
        });
      },
      'astro:build:start': async () => {
        const found = await scanArticles(articlesDir, (entry) => entry.endsWith('.mdx'));
        if (found.length > 0)
          throw new UnsafeContentError(
            `Статті містять заборонений вміст (${found.length}); виправте його, перевірте командою npm run check:\n${found.join('\n')}`,
          );
      },
    },
  };
}
