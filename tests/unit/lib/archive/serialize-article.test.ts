import { load } from 'js-yaml';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { readsBackAsString, serializeArticle, splitFrontMatter, type ArticleFrontMatter } from '#lib/archive/article-file.ts';

const ARTICLE: ArticleFrontMatter = {
  title: 'Рада ухвалила бюджет',
  date: '2022-01-11',
  topics: ['ekonomika'],
  summary: 'Депутати підтримали бюджет громади.',
  source: { name: 'Новини', url: 'https://example.org/a' },
  lang: 'uk',
  id: 'sha256:0123456789abcdef',
  origin: 'news.json:1',
};

/** The front matter of a written file as each reader the archive meets reads it. */
function readers(file: string): Array<[string, Record<string, unknown>]> {
  const split = splitFrontMatter(file);
  if (!split || 'error' in split) throw new Error('no front matter');
  return [
    ['js-yaml', load(split.frontMatter) as Record<string, unknown>],
    ['yaml', parse(split.frontMatter) as Record<string, unknown>],
    ['yaml 1.1', parse(split.frontMatter, { version: '1.1' }) as Record<string, unknown>],
  ];
}

// Plain scalars that some YAML reader takes for something other than the string written.
const NOT_STRINGS = [
  ['a binary number', '0b101'],
  ['an octal number (YAML 1.2)', '0o17'],
  ['an octal number (YAML 1.1)', '010'],
  ['a hexadecimal number', '0x1F'],
  ['a number with underscores', '1_000'],
  ['a sexagesimal number', '1:20:30'],
  ['a signed number', '+12'],
  ['a float without a leading digit', '-.5'],
  ['an exponent', '1e3'],
  ['infinity', '.inf'],
  ['not a number', '.NaN'],
  ['a YAML 1.1 boolean', 'yes'],
  ['a YAML 1.1 boolean word', 'off'],
  ['a YAML 1.1 one-letter boolean', 'Y'],
  ['a boolean', 'True'],
  ['null', 'NULL'],
  ['a tilde', '~'],
  ['a date', '2022-01-11'],
  ['a date-time', '2001-12-14t21:59:43.10-05:00'],
] as const;

describe('serializeArticle', () => {
  test.each(NOT_STRINGS)('quotes %s (%j) in every string field, so every reader reads the same string back', (_, value) => {
    const data: ArticleFrontMatter = { ...ARTICLE, title: value, summary: value, source: { name: value }, lang: value, origin: value };
    const file = serializeArticle(data, 'Текст.\n');
    for (const [reader, read] of readers(file)) {
      expect({ reader, title: read.title, summary: read.summary, source: read.source, lang: read.lang, origin: read.origin }).toEqual({
        reader,
        title: value,
        summary: value,
        source: { name: value },
        lang: value,
        origin: value,
      });
    }
  });

  test('leaves the date plain, as a date for Astro, and ordinary strings plain', () => {
    const file = serializeArticle(ARTICLE, 'Текст.\n');
    expect(file).toContain('\ndate: 2022-01-11\n');
    expect(file).toContain('\ntitle: Рада ухвалила бюджет\n');
    expect(file).toContain('\norigin: news.json:1\n');
  });

  test('keeps the quotes the YAML library would pick for a value with double quotes', () => {
    expect(serializeArticle({ ...ARTICLE, title: '1 "а"' }, '')).toContain(`\ntitle: 1 "а"\n`);
    expect(serializeArticle({ ...ARTICLE, title: '1: "а"' }, '')).toContain(`\ntitle: '1: "а"'\n`);
  });
});

describe('serializeArticle: the lead image', () => {
  const image = {
    src: 'https://example.org/foto/zala.jpg',
    alt: 'Столи й лампи: читальна зала',
    caption: 'Читальна зала після ремонту',
    credit: 'yes',
    width: 1200,
    height: 800,
  };

  test('writes image as a block after source and every reader reads it back equal', () => {
    const file = serializeArticle({ ...ARTICLE, image }, 'Текст.\n');
    expect(file).toMatch(
      /\n {2}url: https:\/\/example\.org\/a\nimage:\n {2}src: https:\/\/example\.org\/foto\/zala\.jpg\n[\s\S]*\nlang: uk\n/,
    );
    for (const [reader, read] of readers(file)) expect({ reader, image: read.image }).toEqual({ reader, image });
  });
});

describe('readsBackAsString', () => {
  test.each(NOT_STRINGS)('is false for %s (%j)', (_, value) => {
    expect(readsBackAsString(value)).toBe(false);
  });

  test.each([
    'Рада ухвалила бюджет',
    '5 фактів про бюджет',
    '2022 рік',
    '-5 градусів уночі',
    '.NET 8',
    'yesterday',
    'Y2K',
    '12:30 — початок',
    '<<x>>',
  ])('is true for %j', (value) => {
    expect(readsBackAsString(value)).toBe(true);
  });
});
