import { compile } from '@mdx-js/mdx';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { markdownToMdast, mdxToMdast } from 'satteri';
import { describe, expect, test } from 'vitest';
import { compileTaxonomy } from '#lib/archive/taxonomy.ts';
import { serializeArticle } from '#lib/archive/article-file.ts';
import { processBody, stringifyBody, type ArticleFormat } from '../../../../scripts/lib/ingest/article-body.ts';
import { prepareItem } from '../../../../scripts/lib/ingest/prepare-item.ts';
import { readPlainText } from '../../../../scripts/lib/readers/read-plain-text.ts';
import { normalizeText } from '#lib/text/typography.ts';
import { readArticleFile } from '../../../fixtures/ingest/read-article-file.ts';

const HOSTILE = [
  '<script>alert(1)</script>',
  '{process.exit()}',
  'import x from "y"',
  'export const a = 1',
  '<img src=x onerror=alert(1)>',
  'import{a}from"b"',
  '<!-- коментар -->',
  '&lt;b&gt; і &amp;',
  '[посилання](javascript:alert(1))',
  '# не заголовок',
  '- не список',
  'текст {з виразом} і <Компонент /> всередині',
];

/** Node types that would make text run as code or render as markup. */
const EXECUTABLE = [
  'mdxjsEsm',
  'mdxJsxFlowElement',
  'mdxJsxTextElement',
  'mdxFlowExpression',
  'mdxTextExpression',
  'html',
  'link',
  'heading',
  'list',
];

interface AnyNode {
  type: string;
  children?: AnyNode[];
}

function nodeTypes(tree: AnyNode): Set<string> {
  const types = new Set<string>();
  const walk = (node: AnyNode) => {
    types.add(node.type);
    node.children?.forEach(walk);
  };
  walk(tree);
  return types;
}

/** The mdast that @mdx-js/mdx builds while compiling the file to JavaScript. */
async function compiledTree(source: string, format: ArticleFormat): Promise<Root> {
  let captured: Root | undefined;
  await compile(source, { format, remarkPlugins: [() => (tree: Root) => void (captured = structuredClone(tree))] });
  return captured!;
}

function paragraphsOf(lines: readonly string[]): Root {
  return { type: 'root', children: lines.map((value) => ({ type: 'paragraph', children: [{ type: 'text', value }] })) };
}

describe.each(['md', 'mdx'] as const)('hostile text written as .%s', (format) => {
  test('compiles with @mdx-js/mdx to text only, and every line round-trips literally', async () => {
    const { tree } = await processBody(paragraphsOf(HOSTILE));
    const source = stringifyBody(tree, format);
    const compiled = await compiledTree(source, format);
    const types = nodeTypes(compiled as AnyNode);
    for (const type of EXECUTABLE) expect(types.has(type), `${type} in:\n${source}`).toBe(false);
    expect(compiled.children.map((p) => toString(p))).toEqual(HOSTILE.map(normalizeText));
  });

  test("parses the same way in Astro's own Markdown/MDX parser (Sätteri, GFM on)", async () => {
    const { tree } = await processBody(paragraphsOf(HOSTILE));
    const source = stringifyBody(tree, format);
    const parsed = (format === 'mdx' ? mdxToMdast : markdownToMdast)(source, { features: { gfm: true } }) as unknown as AnyNode;
    const types = nodeTypes(parsed);
    for (const type of EXECUTABLE) expect(types.has(type), `${type} in:\n${source}`).toBe(false);
    expect((parsed.children ?? []).map((p) => toString(p as Root))).toEqual(HOSTILE.map(normalizeText));
  });
});

describe('the hostile fixture through the whole ingest', () => {
  test('a plain-text file of hostile lines becomes an .md article whose text is literal', async () => {
    const text = readFileSync(join(import.meta.dirname, '../../../fixtures/ingest/hostile/hostile.txt'), 'utf8');
    const [item] = readPlainText(text, 'hostile.txt', { onePerFile: true }).items;
    const prepared = await prepareItem(item!, { taxonomy: compileTaxonomy([]), fallbackDate: '2022-09-01' });
    if ('error' in prepared) throw new Error(prepared.error);
    expect(prepared.extension).toBe('md');
    const compiled = await compiledTree(prepared.body, 'md');
    expect(nodeTypes(compiled as AnyNode).has('html')).toBe(false);
    const blocks = compiled.children.map((node) => toString(node));
    expect(blocks).toEqual(text.split('\n').slice(1).filter(Boolean).map(normalizeText));
  });

  test('hostile titles and summaries stay strings in the front matter', () => {
    const data = {
      title: '<script>alert(1)</script>: {x} — «так»',
      date: '2022-09-01',
      topics: [],
      summary: 'import x from "y"\n---\nid: підміна',
      id: 'sha256:0123456789abcdef',
    };
    const read = readArticleFile(serializeArticle(data, 'Текст.\n'));
    expect(read.data.title).toBe(data.title);
    expect(read.data.summary).toBe(data.summary);
    expect(read.data.id).toBe(data.id);
    expect(read.body.trim()).toBe('Текст.');
  });
});
