import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkStringify, { type Options } from 'remark-stringify';
import { unified } from 'unified';
import { describe, expect, test } from 'vitest';
import { processBody, stringifyBody } from '../../../../scripts/lib/ingest/article-body.ts';
import { text } from '../../../../scripts/lib/ingest/markdown-text.ts';
import { randomText, seeded } from '../../../fixtures/hostile/fuzz-inputs.ts';
import { ALL_HOSTILE } from '../../../fixtures/hostile/strings.ts';

/**
 * The ingest's `text` handler must escape exactly as mdast-util-to-markdown's
 * own: the same tree serialised with either gives the same bytes.
 */

const OPTION_SETS: Options[] = [{}, { bullet: '-', emphasis: '_', strong: '*', rule: '-', fences: true, listItemIndent: 'one' }];
const ESM = [
  { character: 'i', atBreak: true, after: 'mport(?![A-Za-z0-9_$])' },
  { character: 'e', atBreak: true, after: 'xport(?![A-Za-z0-9_$])' },
];

function serialisers(options: Options, mdx: boolean) {
  const base = mdx ? unified().use(remarkGfm).use(remarkMdx) : unified().use(remarkGfm);
  const settings = mdx ? { ...options, unsafe: ESM } : options;
  return {
    library: base().use(remarkStringify, settings).freeze(),
    fast: base()
      .use(remarkStringify, { ...settings, handlers: { text } })
      .freeze(),
    parse: (source: string) =>
      (mdx ? unified().use(remarkParse).use(remarkGfm).use(remarkMdx) : unified().use(remarkParse).use(remarkGfm)).parse(source),
  };
}

const MARKDOWN_SHAPES = [
  (t: string) => t,
  (t: string) => `# ${t}\n\n${t}`,
  (t: string) => `*${t}* і **${t}** і _${t}_`,
  (t: string) => `[${t}](https://example.org) та ![${t}](/a.png)`,
  (t: string) => `- ${t}\n- ${t}\n\n1. ${t}`,
  (t: string) => `> ${t}\n>\n> ${t}`,
  (t: string) => `| a | b |\n| - | - |\n| ${t} | ${t} |`,
  (t: string) => `\`${t}\` ${t}`,
  (t: string) => `${t}\\\n${t}`,
];

function paragraphs(values: readonly string[]): Root {
  return { type: 'root', children: values.map((value) => ({ type: 'paragraph', children: [{ type: 'text', value }] })) };
}

describe.each([false, true])('text handler (mdx: %s)', (mdx) => {
  test.each(OPTION_SETS.map((options, n) => [n, options] as const))(
    'serialises parsed random Markdown like the library (options %i)',
    (_, options) => {
      const { library, fast, parse } = serialisers(options, mdx);
      const random = seeded(mdx ? 51 : 52);
      let compared = 0;
      for (let n = 0; n < 400; n += 1) {
        const source = random.pick(MARKDOWN_SHAPES)(randomText(random, random.int(1, 80)));
        let tree: Root;
        try {
          tree = parse(source) as Root;
        } catch {
          continue; // not valid MDX: nothing to serialise
        }
        expect(fast.stringify(tree), source).toBe(library.stringify(tree));
        compared += 1;
      }
      expect(compared).toBeGreaterThan(100);
    },
  );

  test('serialises raw text values, hostile and random, like the library', () => {
    const { library, fast } = serialisers(OPTION_SETS[1]!, mdx);
    const random = seeded(mdx ? 53 : 54);
    const values = [
      ...ALL_HOSTILE,
      '1. не список',
      '- не список',
      '# не заголовок',
      'a_b_c',
      '__x__',
      '_x_',
      'www.example.org',
      'http://x',
      'a@b.c',
      '  пробіли  ',
      '\\*',
      'import x',
      'export y',
      '~~',
      '| a |',
      '<b>',
      '&amp;',
    ];
    for (let n = 0; n < 600; n += 1) values.push(randomText(random, random.int(1, 120)));
    for (const value of values) {
      const tree = paragraphs([value, `${value} ${value}`]);
      expect(fast.stringify(tree), JSON.stringify(value)).toBe(library.stringify(tree));
    }
  });
});

describe('stringifyBody', () => {
  test('a processed body of plain paragraphs is written as before, escapes included', async () => {
    const values = ['<script>alert(1)</script>', '1986. Рік аварії', '- Так, — сказав він.', '*Важливо*', 'import x from "y"'];
    const { tree } = await processBody(paragraphs(values));
    const md = stringifyBody(tree, 'md');
    expect(md).toContain('\\<script>alert(1)\\</script>');
    expect(md).toContain('1986\\. Рік аварії');
    expect(md).toContain('\\*Важливо\\*');
    expect(stringifyBody(tree, 'mdx')).toContain('&#x69;mport x from «y»');
  });
});
