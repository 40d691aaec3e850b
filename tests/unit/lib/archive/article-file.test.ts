import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { describe, expect, test } from 'vitest';
import { parseYamlFrontMatter, splitFrontMatter, type FrontMatterSplit } from '#lib/archive/article-file.ts';

function split(text: string): FrontMatterSplit {
  const result = splitFrontMatter(text);
  if (!result || 'error' in result) throw new Error(`no front matter in ${JSON.stringify(text)}`);
  return result;
}

describe('splitFrontMatter', () => {
  test('gives the front matter, the body after the closing fence line and where each starts', () => {
    const text = '---\ntitle: Новина\ndate: 2022-01-11\n---\n\nТекст.\n';
    expect(split(text)).toEqual({
      frontMatter: 'title: Новина\ndate: 2022-01-11\n',
      language: 'yaml',
      body: '\nТекст.\n',
      frontMatterLine: 2,
      bodyLine: 5,
      start: 0,
      frontMatterStart: 4,
      frontMatterEnd: 35,
      bodyStart: 39,
    });
  });

  test('reads CRLF line endings as LF ones, keeping the CR in the texts', () => {
    const result = split('---\r\ntitle: x\r\n---\r\nТекст.\r\n');
    expect(result).toMatchObject({ frontMatter: 'title: x\r\n', body: 'Текст.\r\n', frontMatterLine: 2, bodyLine: 4 });
  });

  test('skips a byte order mark, and its offsets count it', () => {
    const result = split('\uFEFF---\ntitle: x\n---\nТекст.');
    expect(result).toMatchObject({
      frontMatter: 'title: x\n',
      body: 'Текст.',
      frontMatterLine: 2,
      bodyLine: 4,
      start: 1,
      frontMatterStart: 5,
    });
  });

  test('accepts an empty front matter', () => {
    expect(split('---\n---\nТекст.')).toMatchObject({ frontMatter: '', body: 'Текст.', frontMatterLine: 2, bodyLine: 3 });
  });

  test('accepts blank lines before the opening fence, as Astro does, and counts them', () => {
    expect(split('\n  \n---\ntitle: x\n---\nТекст.')).toMatchObject({
      frontMatter: 'title: x\n',
      frontMatterLine: 4,
      bodyLine: 6,
      start: 4,
    });
  });

  test('ends at the first fence that starts a line: `...` does not close it, trailing spaces do not matter', () => {
    expect(split('---  \ntitle: x\n...\n---  \nТекст.')).toMatchObject({ frontMatter: 'title: x\n...\n', body: 'Текст.', bodyLine: 5 });
  });

  test('reads TOML between `+++` lines', () => {
    expect(split('+++\ntitle = "x"\n+++\nТекст.')).toMatchObject({ frontMatter: 'title = "x"\n', language: 'toml', body: 'Текст.' });
  });

  test('a closing fence at the end of the file leaves an empty body on its line', () => {
    expect(split('---\ntitle: x\n---')).toMatchObject({ frontMatter: 'title: x\n', body: '', bodyLine: 3 });
  });

  test('is undefined for a file without front matter', () => {
    expect(splitFrontMatter('Текст.\n---\n')).toBeUndefined();
    expect(splitFrontMatter('')).toBeUndefined();
  });

  test('reports an opening fence without a closing one on the fence line', () => {
    expect(splitFrontMatter('---\ntitle: x\n\nТекст.\n')).toEqual({
      error: 'front matter не закрито: немає рядка «---» після метаданих',
      line: 1,
    });
    expect(splitFrontMatter('\uFEFF\n+++\r\ntitle = "x"\r\n')).toEqual({
      error: 'front matter не закрито: немає рядка «+++» після метаданих',
      line: 2,
    });
  });

  /** Astro's own reading of the front matter, or `undefined` when it fails the file. */
  function astroReads(text: string): ReturnType<typeof parseFrontmatter> | undefined {
    try {
      return parseFrontmatter(text);
    } catch {
      return undefined;
    }
  }

  // Astro's own reader, the one the build uses: the two must find the same fields and the same body, or both fail.
  test.each([
    '---\ntitle: x\n---\nТекст.\n',
    '---\r\ntitle: x\r\ntopics: [a, b]\r\n---\r\n\r\nТекст.\r\n',
    '\uFEFF---\ntitle: x\n---\nТекст.',
    '---\n---\nТекст.',
    '\n\n---\ntitle: x\n---\nТекст.',
    '--- \ntitle: x\n... \ntext: y\n---\nТекст.',
    '---\ntitle: x\n---  \n\nТекст.',
    '---\ntitle: "a --- b"\n---\nТекст.\n\n---\n\nЩе.',
  ])('agrees with Astro on %j', (text) => {
    const astro = astroReads(text);
    const ours = split(text);
    const data = parseYamlFrontMatter(ours.frontMatter);
    if (!astro) {
      expect(data).toHaveProperty('error');
      return;
    }
    if ('error' in data) throw new Error(data.error);
    expect(data.data).toEqual(astro.frontmatter);
    expect(ours.body.trim()).toBe(astro.content.trim());
  });
});
