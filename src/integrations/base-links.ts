import type { AstroIntegration } from 'astro';
import type { HastPluginDefinition } from 'satteri';

/** `href`/`src` values that point into the site from its root, such as `/topics/viina/`. */
export function isSiteRootPath(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//');
}

/** Prefixes a site-root path with `base` (`/sub/`): `/topics/viina/` → `/sub/topics/viina/`. */
export function withBase(path: string, base: string): string {
  const prefix = base.replace(/\/+$/, '');
  return prefix === '' || path === prefix || path.startsWith(`${prefix}/`) ? path : `${prefix}${path}`;
}

/**
 * Article bodies link to other pages by site-root paths (`/2022/01/11/slug/`,
 * `/topics/viina/`), as contributors write them and `npm run check` verifies
 * them. This integration adds the configured `base` to those links and images
 * when Markdown and MDX are rendered, so the same archive works at a domain
 * root and under a subfolder.
 */
export default function baseLinks(): AstroIntegration {
  return {
    name: 'arkhiv:base-links',
    hooks: {
      'astro:config:setup': ({ config }) => {
        if (config.base === '/' || config.base === '') return;
        const processor = config.markdown.processor as { name: string; options: { hastPlugins?: unknown[] } };
        if (processor.name !== 'satteri')
          throw new Error(`Base links run as a Sätteri plugin, but markdown.processor is "${processor.name}".`);
        const plugin: HastPluginDefinition = {
          name: 'arkhiv:base-links',
          element: {
            filter: ['a', 'img'],
            visit(node, ctx) {
              const key = node.tagName === 'a' ? 'href' : 'src';
              const value = node.properties?.[key];
              if (isSiteRootPath(value)) ctx.setProperty(node, key, withBase(value, config.base));
            },
          },
        };
        processor.options.hastPlugins = [...(processor.options.hastPlugins ?? []), plugin];
      },
    },
  };
}
