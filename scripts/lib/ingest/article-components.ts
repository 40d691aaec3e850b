import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { MdxjsEsm } from 'mdast-util-mdxjs-esm';
import { ARTICLE_COMPONENTS, ARTICLE_MODULE } from '#lib/archive/article-components.ts';
import type { ArticleImportsOptions } from '../remark/remark-article-imports.ts';
import { isSafeUrl } from '#lib/safety/url-policy.ts';
import type { SanitizeOptions } from '../remark/remark-sanitize.ts';

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
    if (attribute.type !== 'mdxJsxAttribute' || typeof attribute.value !== 'string' || !spec.attributes.includes(attribute.name)) return false;
    given.set(attribute.name, attribute.value);
  }
  if (!spec.required.every((name) => given.has(name))) return false;
  return spec.urls.every((name) => !given.has(name) || isSafeUrl(given.get(name)!));
}

const IMPORT = /^\s*import\s*\{([^}]*)\}\s*from\s*(['"])([^'"]+)\2\s*;?\s*$/;

function keepEsm(node: MdxjsEsm): boolean {
  const match = IMPORT.exec(node.value);
  if (!match || match[3] !== ARTICLE_MODULE) return false;
  return match[1]!.split(',').map((name) => name.trim()).filter(Boolean).every((name) => name in ARTICLE_COMPONENTS);
}

export const ARTICLE_COMPONENT_RULES: SanitizeOptions = { keepElement, keepEsm };

export const ARTICLE_IMPORTS: ArticleImportsOptions = { module: ARTICLE_MODULE, components: new Set(Object.keys(ARTICLE_COMPONENTS)) };
