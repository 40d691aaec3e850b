import type { Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';

export interface ArticleImportsOptions {
  /** The module the components come from (`@arkhiv/article`). */
  module: string;
  /** Names of the components that module exports. */
  components: ReadonlySet<string>;
}

/**
 * Rewrites the imports of an MDX body: every import/export goes, and one
 * `import { … } from '<module>';` naming exactly the components the body
 * uses is put first. So a kept component is always imported, and nothing
 * else is.
 */
export default function remarkArticleImports(options: ArticleImportsOptions) {
  return (tree: Root): void => {
    const used = new Set<string>();
    visit(tree, (node) => {
      if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
      const name = (node as MdxJsxFlowElement | MdxJsxTextElement).name;
      if (name && options.components.has(name)) used.add(name);
    });
    tree.children = tree.children.filter((node) => node.type !== 'mdxjsEsm');
    if (used.size === 0) return;
    const value = `import { ${[...used].sort().join(', ')} } from '${options.module}';`;
    tree.children.unshift({ type: 'mdxjsEsm', value } as RootContent);
  };
}
