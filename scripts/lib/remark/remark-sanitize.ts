import type { Nodes, Parents, PhrasingContent, Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { MdxjsEsm } from 'mdast-util-mdxjs-esm';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { isSafeUrl } from '#lib/safety/url-policy.ts';
import { htmlToMdast } from '../readers/html-to-mdast.ts';

export interface SanitizeOptions {
  /** MDX elements that may stay as they are (the article components); every other element is unwrapped. */
  keepElement?: (node: MdxJsxFlowElement | MdxJsxTextElement) => boolean;
  /** ESM that may stay (the import of the article components); every other import/export is dropped. */
  keepEsm?: (node: MdxjsEsm) => boolean;
}

const PHRASING_PARENTS = new Set(['paragraph', 'heading', 'emphasis', 'strong', 'delete', 'link', 'linkReference', 'tableCell', 'mdxJsxTextElement']);

function replacement(node: Nodes, parent: Parents, file: VFile, options: SanitizeOptions): RootContent[] | undefined {
  const note = (reason: string, ruleId: string) => file.message(reason, { place: node.position, ruleId, source: 'arkhiv-sanitize' });
  switch (node.type) {
    case 'yaml':
    case 'toml':
      return [];
    case 'html': {
      if (/^\s*<!--[\s\S]*-->\s*$/.test(node.value)) {
        note('HTML-коментар вилучено', 'html-comment');
        return [];
      }
      note('сирий HTML перетворено на Markdown (теги вилучено, текст збережено)', 'html');
      const converted = htmlToMdast(node.value).children;
      if (!PHRASING_PARENTS.has(parent.type)) return converted;
      const text = converted.map((child) => toString(child)).join(' ');
      return text ? [{ type: 'text', value: text }] : [];
    }
    case 'mdxjsEsm':
      if (options.keepEsm?.(node)) return undefined;
      note('import/export вилучено: компоненти іншого сайту тут не існують', 'mdx-esm');
      return [];
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      if (options.keepElement?.(node)) return undefined;
      note(`елемент <${node.name ?? ''}> розгорнуто: його вміст збережено як текст`, 'mdx-jsx');
      return node.children as RootContent[];
    case 'mdxFlowExpression':
    case 'mdxTextExpression': {
      if (/^\s*\/\*[\s\S]*\*\/\s*$/.test(node.value)) return [];
      note('вираз {…} збережено як звичайний текст', 'mdx-expression');
      const text: PhrasingContent = { type: 'text', value: `{${node.value}}` };
      return [node.type === 'mdxFlowExpression' ? { type: 'paragraph', children: [text] } : text];
    }
    case 'link':
    case 'definition':
      if (isSafeUrl(node.url)) return undefined;
      note(`небезпечне посилання «${node.url.slice(0, 40)}» вилучено, текст збережено`, 'unsafe-url');
      return node.type === 'link' ? node.children : [];
    case 'image':
      if (isSafeUrl(node.url)) return undefined;
      note(`зображення з небезпечною адресою вилучено`, 'unsafe-url');
      return node.alt ? [{ type: 'text', value: node.alt }] : [];
    default:
      return undefined;
  }
}

/**
 * Leaves only Markdown that renders as text: raw HTML becomes Markdown,
 * MDX code and expressions become literal text or go, unsafe addresses go.
 * Every change is a message on the file (with its position) for the report.
 */
export default function remarkSanitize(options: SanitizeOptions = {}) {
  return (tree: Root, file: VFile): void => {
    visit(tree, (node, index, parent) => {
      if (!parent || index === undefined) return undefined;
      const replaced = replacement(node, parent, file, options);
      if (!replaced) return undefined;
      (parent.children as RootContent[]).splice(index, 1, ...replaced);
      // Revisit the replacement: unwrapped children may themselves need work.
      return index;
    });
  };
}
