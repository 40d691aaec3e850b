import type { Root } from 'mdast';
import type {} from 'mdast-util-mdx';
import type { Unsafe } from 'mdast-util-to-markdown';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkStringify, { type Options as StringifyOptions } from 'remark-stringify';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import remarkArticleImports from '../remark/remark-article-imports.ts';
import remarkDemoteHeadings from '../remark/remark-demote-headings.ts';
import remarkNormalizeTypography from '../remark/remark-normalize-typography.ts';
import remarkSanitize, { type SanitizeOptions } from '../remark/remark-sanitize.ts';
import { ARTICLE_COMPONENT_RULES, ARTICLE_IMPORTS } from './article-components.ts';
import { text } from './markdown-text.ts';

/** The file format of an article: `.md` unless its body keeps MDX (article components). */
export type ArticleFormat = 'md' | 'mdx';

const MDX_NODE_TYPES = new Set(['mdxjsEsm', 'mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxFlowExpression', 'mdxTextExpression']);

// A line that starts with `import`/`export` would be ESM in MDX: its first letter is written as a character reference.
const ESM_AT_LINE_START: Unsafe[] = [
  { character: 'i', atBreak: true, after: 'mport(?![A-Za-z0-9_$])' },
  { character: 'e', atBreak: true, after: 'xport(?![A-Za-z0-9_$])' },
];

const STRINGIFY: StringifyOptions = { bullet: '-', emphasis: '_', strong: '*', rule: '-', fences: true, listItemIndent: 'one' };
// The library's text handler, escaping exactly as it does with fewer passes over the text (see markdown-text.ts).
const FAST_TEXT: StringifyOptions = { handlers: { text } };

const toMarkdown = unified()
  .use(remarkGfm)
  .use(remarkStringify, { ...STRINGIFY, ...FAST_TEXT })
  .freeze();
const toMdx = unified()
  .use(remarkGfm)
  .use(remarkMdx)
  .use(remarkStringify, { ...STRINGIFY, ...FAST_TEXT, unsafe: ESM_AT_LINE_START })
  .freeze();

// One frozen processor per sanitising rule set: building the plugin chain costs more than running it on a short item.
const processors = new WeakMap<SanitizeOptions, ReturnType<typeof createBodyProcessor>>();

function createBodyProcessor(options: SanitizeOptions) {
  return unified()
    .use(remarkSanitize, options)
    .use(remarkArticleImports, ARTICLE_IMPORTS)
    .use(remarkDemoteHeadings)
    .use(remarkNormalizeTypography)
    .freeze();
}

function bodyProcessor(options: SanitizeOptions): ReturnType<typeof createBodyProcessor> {
  let processor = processors.get(options);
  if (!processor) {
    processor = createBodyProcessor(options);
    processors.set(options, processor);
  }
  return processor;
}

const demoteHeadings = remarkDemoteHeadings();
const normalizeTypography = remarkNormalizeTypography();

/** A tree of paragraphs and headings that hold only text: what plain text and most JSON bodies become. */
function isPlainTextTree(tree: Root): boolean {
  return tree.children.every(
    (node) => (node.type === 'paragraph' || node.type === 'heading') && node.children.every((child) => child.type === 'text'),
  );
}

export interface ProcessedBody {
  tree: Root;
  /** What sanitising changed (each change once per line; line in the input file when known). */
  notes: Array<{ line?: number; message: string }>;
}

/**
 * Runs the body plugins: sanitise (keeping the article components by
 * default), rewrite component imports, demote headings, normalise typography.
 */
export async function processBody(tree: Root, options: SanitizeOptions = ARTICLE_COMPONENT_RULES): Promise<ProcessedBody> {
  // Sanitising and imports leave a tree of plain paragraphs untouched (they act on HTML, MDX, links, images): only the last two plugins can change it.
  if (isPlainTextTree(tree)) {
    demoteHeadings(tree);
    normalizeTypography(tree);
    return { tree, notes: [] };
  }
  const file = new VFile();
  const processor = bodyProcessor(options);
  const result = (await processor.run(tree, file)) as Root;
  const notes: ProcessedBody['notes'] = [];
  const seen = new Set<string>();
  for (const m of file.messages) {
    const key = `${m.line}:${m.reason}`;
    if (seen.has(key)) continue;
    seen.add(key);
    notes.push({ ...(m.line ? { line: m.line } : {}), message: m.reason });
  }
  return { tree: result, notes };
}

/** Whether the body still holds MDX (kept article components) and so must be written as `.mdx`. */
export function needsMdx(tree: Root): boolean {
  if (isPlainTextTree(tree)) return false;
  let found = false;
  visit(tree, (node) => {
    if (MDX_NODE_TYPES.has(node.type)) found = true;
  });
  return found;
}

/**
 * Serialises a body. remark-stringify escapes whatever text would otherwise
 * parse as Markdown syntax or HTML (`<`, `&`), and with the MDX extension
 * also `{` and line-initial `import`/`export`, so text stays text.
 */
export function stringifyBody(tree: Root, format: ArticleFormat): string {
  return (format === 'mdx' ? toMdx : toMarkdown).stringify(tree);
}

const TEXT_BLOCK_TYPES = new Set(['paragraph', 'heading', 'code', 'tableCell']);

/** The text of each block (paragraph, heading, code, table cell) in order: what readers read. */
export function blockTexts(tree: Root): string[] {
  const texts: string[] = [];
  if (isPlainTextTree(tree)) {
    for (const node of tree.children) {
      const text = toString(node).trim();
      if (text) texts.push(text);
    }
    return texts;
  }
  visit(tree, (node) => {
    if (!TEXT_BLOCK_TYPES.has(node.type)) return undefined;
    const text = toString(node).trim();
    if (text) texts.push(text);
    return 'skip';
  });
  return texts;
}

/** Whether the body has text outside code: images, code and empty blocks alone are no article. */
export function hasReadableText(tree: Root): boolean {
  let found = false;
  visit(tree, 'text', (node) => {
    if (node.value.trim() !== '') found = true;
    return found ? false : undefined;
  });
  return found;
}

/** The first paragraph's text (the lead), or the first block's if there is no paragraph. */
export function firstParagraphText(tree: Root): string {
  const paragraph = tree.children.find((node) => node.type === 'paragraph');
  return toString(paragraph ?? tree.children[0] ?? tree).trim();
}
