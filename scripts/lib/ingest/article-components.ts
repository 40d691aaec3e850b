import type { PhrasingContent } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { MdxjsEsm } from 'mdast-util-mdxjs-esm';
import { ARTICLE_COMPONENTS, ARTICLE_MODULE } from '#lib/archive/article-components.ts';
import type { ArticleImportsOptions } from '../remark/remark-article-imports.ts';
import { resolveEmbed } from '#lib/safety/embed-providers.ts';
import { isSafeUrl } from '#lib/safety/url-policy.ts';
import type { SanitizeOptions } from '../remark/remark-sanitize.ts';
import { quoted } from './shown-text.ts';

/**
 * What of an MDX input the ingest keeps: the article components of
 * `src/lib/archive/article-components.ts`, with their own attributes as plain
 * strings and safe addresses, imported from `@arkhiv/article`. An entry that
 * keeps one is written as `.mdx`; everything else MDX is unwrapped or dropped
 * (and reported), so the entry stays `.md`.
 */

function keepElement(node: MdxJsxFlowElement | MdxJsxTextElement): boolean {
  const spec = node.name ? ARTICLE_COMPONENTS[node.name] : undefined;
  if (!spec) return false;
  const given = new Map<string, string>();
  for (const attribute of node.attributes) {
    if (attribute.type !== 'mdxJsxAttribute' || typeof attribute.value !== 'string' || !spec.attributes.includes(attribute.name))
      return false;
    given.set(attribute.name, attribute.value);
  }
  if (!spec.required.every((name) => given.has(name))) return false;
  // The embed policy of `npm run check` and the build: only an address a known provider plays.
  if (node.name === 'Embed' && !resolveEmbed(given.get('url')!)) return false;
  return spec.urls.every((name) => !given.has(name) || isSafeUrl(given.get(name)!));
}

function stringAttribute(node: MdxJsxFlowElement | MdxJsxTextElement, name: string): string | undefined {
  const attribute = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
  return typeof attribute?.value === 'string' ? attribute.value.trim() || undefined : undefined;
}

/** An `<Embed>` that is not kept stays a link to what it showed (its title as the text), or only its title when the address is unsafe. */
function replaceElement(node: MdxJsxFlowElement | MdxJsxTextElement): { content: PhrasingContent[]; note: string } | undefined {
  const url = node.name === 'Embed' ? stringAttribute(node, 'url') : undefined;
  if (!url) return undefined;
  const text: PhrasingContent = { type: 'text', value: stringAttribute(node, 'title') ?? url };
  if (!isSafeUrl(url)) return { content: [text], note: `<Embed> з небезпечною адресою «${quoted(url)}» замінено його назвою` };
  return {
    content: [{ type: 'link', url, children: [text] }],
    note: `<Embed> «${quoted(url)}» не вбудовується (це не YouTube, Vimeo, Telegram чи Facebook): записано звичайним посиланням`,
  };
}

const IMPORT = /^\s*import\s*\{([^}]*)\}\s*from\s*(['"])([^'"]+)\2\s*;?\s*$/;

function keepEsm(node: MdxjsEsm): boolean {
  const match = IMPORT.exec(node.value);
  if (!match || match[3] !== ARTICLE_MODULE) return false;
  return match[1]!
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean)
    .every((name) => name in ARTICLE_COMPONENTS);
}

export const ARTICLE_COMPONENT_RULES: SanitizeOptions = { keepElement, keepEsm, replaceElement };

export const ARTICLE_IMPORTS: ArticleImportsOptions = { module: ARTICLE_MODULE, components: new Set(Object.keys(ARTICLE_COMPONENTS)) };
