import { compile } from '@mdx-js/mdx';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mdxToMdast } from 'satteri';
import { describe, expect, test } from 'vitest';
import { compileTaxonomy } from '#lib/archive/taxonomy.ts';
import { inspectTree, PARSE_FEATURES, type ContentNode } from '#lib/safety/unsafe-content.ts';
import { prepareItem } from '../../../../scripts/lib/ingest/prepare-item.ts';
import { readMarkdown } from '../../../../scripts/lib/readers/read-markdown.ts';

const FIXTURE = join(import.meta.dirname, '../../../fixtures/ingest/components/figure.mdx');

async function prepared() {
  const [item] = readMarkdown(readFileSync(FIXTURE, 'utf8'), 'figure.mdx', 'mdx').items;
  const result = await prepareItem(item!, { taxonomy: compileTaxonomy([]) });
  if ('error' in result) throw new Error(result.error);
  return result;
}

describe('MDX input with article components', () => {
  test('keeps valid article components, imported once from @arkhiv/article, and is written as .mdx', async () => {
    const { extension, body } = await prepared();
    expect(extension).toBe('mdx');
    expect(body.split('\n')[0]).toBe("import { Figure } from '@arkhiv/article';");
    expect(body).toContain(
      '<Figure src="/images/zghorany-1930.jpg" alt="Головна вулиця Згорян у 1930-х" caption="Головна вулиця, 1930-ті" />',
    );
  });

  test('unwraps components with unsafe addresses or unknown attributes, and foreign components, keeping their text', async () => {
    const { body, notes } = await prepared();
    expect(body).not.toContain('javascript:');
    expect(body).not.toContain('onClick');
    expect(body).not.toContain('Chart');
    expect(body).toContain('Кожна світлина — це історія родини.');
    expect(notes.filter((note) => note.startsWith('рядок'))).toEqual([
      'рядок 6: import/export вилучено: компоненти іншого сайту тут не існують',
      'рядок 13: елемент <Figure> розгорнуто: його вміст збережено як текст',
      'рядок 15: елемент <PullQuote> розгорнуто: його вміст збережено як текст',
      'рядок 17: елемент <Chart> розгорнуто: його вміст збережено як текст',
    ]);
  });

  test('passes the content rules of the build and compiles with @mdx-js/mdx', async () => {
    const { body } = await prepared();
    const tree = mdxToMdast(body, { features: PARSE_FEATURES }) as unknown as ContentNode;
    expect(inspectTree(tree, 'mdx')).toEqual([]);
    await expect(compile(body, { format: 'mdx' })).resolves.toBeDefined();
  });
});
