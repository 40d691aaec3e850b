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
  /** What an element that is not kept becomes instead of its children (e.g. a link for an embed without a player), and the note for the report. */
  replaceElement?: (node: MdxJsxFlowElement | MdxJsxTextElement) => { content: PhrasingContent[]; note: string } | undefined;
}

/**
 * An address without a scheme (`/news/1`, `photo.jpg`, `?page=2`) names a page or
 * file of the site the item came from: the archive has neither. An anchor
 * (`#part`) and a protocol-relative address (`//host/…`) are not such.
 */
function isSourceSitePath(url: string): boolean {
  const address = url.trim();
  return !/^[a-z][a-z0-9+.-]*:/i.test(address) && !address.startsWith('//') && !address.startsWith('#');
}

const PHRASING_PARENTS = new Set([
  'paragraph',
  'heading',
  'emphasis',
  'strong',
  'delete',
  'link',
  'linkReference',
  'tableCell',
  'mdxJsxTextElement',
]);

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
    case 'mdxJsxTextElement': {
      if (options.keepElement?.(node)) return undefined;
      const replaced = options.replaceElement?.(node);
      if (replaced) {
        note(replaced.note, 'mdx-jsx');
        return node.type === 'mdxJsxFlowElement' ? [{ type: 'paragraph', children: replaced.content }] : replaced.content;
      }
      note(`елемент <${node.name ?? ''}> розгорнуто: його вміст збережено як текст`, 'mdx-jsx');
      return node.children as RootContent[];
    }
    case 'mdxFlowExpression':
    case 'mdxTextExpression': {
      if (/^\s*\/\*[\s\S]*\*\/\s*$/.test(node.value)) return [];
      note('вираз {…} збережено як звичайний текст', 'mdx-expression');
      const text: PhrasingContent = { type: 'text', value: `{${node.value}}` };
      return [node.type === 'mdxFlowExpression' ? { type: 'paragraph', children: [text] } : text];
    }
    case 'link':
    case 'definition':
      if (isSourceSitePath(node.url)) {
        note(`посилання «${node.url.slice(0, 40)}» на сторінку сайту-джерела вилучено (в архіві її немає), текст збережено`, 'site-path');
        return node.type === 'link' ? node.children : [];
      }
      if (isSafeUrl(node.url)) return undefined;
      note(`небезпечне посилання «${node.url.slice(0, 40)}» вилучено, текст збережено`, 'unsafe-url');
      return node.type === 'link' ? node.children : [];
    case 'image':
      if (isSourceSitePath(node.url)) {
        note(`зображення «${node.url.slice(0, 40)}» із сайту-джерела вилучено (в архіві цього файлу немає), підпис збережено`, 'site-path');
        return node.alt ? [{ type: 'text', value: node.alt }] : [];
      }
      if (isSafeUrl(node.url)) return undefined;
      note(`зображення з небезпечною адресою вилучено`, 'unsafe-url');
      return node.alt ? [{ type: 'text', value: node.alt }] : [];
    default:
      return undefined;
  }
}

/** Joins text nodes that stand side by side into one, as a parser reads the written text: «a » and « b» around a removed comment are «a  b». */
function mergeAdjacentText(parent: Parents): void {
  const children = parent.children as RootContent[];
  for (let i = children.length - 1; i > 0; i -= 1) {
    const before = children[i - 1]!;
    const after = children[i]!;
    if (before.type !== 'text' || after.type !== 'text') continue;
    before.value += after.value;
    if (before.position && after.position) before.position = { start: before.position.start, end: after.position.end };
    children.splice(i, 1);
  }
}

/**
 * Leaves only Markdown that renders as text: raw HTML becomes Markdown,
 * MDX code and expressions become literal text or go, unsafe addresses and
 * paths on the source site go (the text of a link stays).
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
    // Unwrapped elements and removed comments leave text nodes side by side: joined, the typography rules see the runs of text a reader of the written file sees.
    visit(tree, (node) => {
      if ('children' in node) mergeAdjacentText(node);
    });
  };
}
