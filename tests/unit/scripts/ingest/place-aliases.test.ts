import { describe, expect, test } from 'vitest';
import { serializeIngestedArticle } from '../../../../scripts/lib/ingest/article-text.ts';
import { placeAliases } from '../../../../scripts/lib/ingest/place-aliases.ts';
import { SlugRegistry } from '../../../../scripts/lib/ingest/slug-registry.ts';
import type { ArticleFrontMatter } from '#lib/archive/article-file.ts';

const BODY = 'Текст статті.\n';
const data = (aliases: string[]): ArticleFrontMatter => ({
  title: 'Нова бібліотека',
  date: '2023-03-14',
  topics: [],
  summary: 'Текст статті.',
  id: 'sha256:0000000000000000',
  origin: 'export.xml:22',
  aliases,
});
const article = (aliases: string[]) => ({
  data: data(aliases),
  content: new TextEncoder().encode(serializeIngestedArticle(data(aliases), BODY)),
});
const placed = { path: 'articles/2023/03/14/nova-biblioteka.md', slug: 'nova-biblioteka' };
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('aliases of a new article', () => {
  test('a free alias is kept as written, and its slug is taken for later articles', () => {
    const slugs = new SlugRegistry(['nova-biblioteka']);
    const given = article(['/2023/03/14/biblioteka/']);
    const result = placeAliases(given, placed, slugs);
    expect(result).toEqual({ content: given.content, notes: [] });
    expect(slugs.has('biblioteka')).toBe(true);
  });

  test('the article’s own address is no alias: it is dropped without a note', () => {
    const result = placeAliases(article(['/2023/03/14/nova-biblioteka/']), placed, new SlugRegistry(['nova-biblioteka']));
    expect(result.notes).toEqual([]);
    expect(decode(result.content)).toBe(serializeIngestedArticle({ ...data([]), aliases: undefined }, BODY));
    expect(decode(result.content)).not.toContain('aliases');
  });

  test('an alias whose slug another article has is dropped and reported; the others stay', () => {
    const slugs = new SlugRegistry(['nova-biblioteka', 'zaniato']);
    const result = placeAliases(article(['/2023/03/10/zaniato/', '/2023/03/14/vilno/']), placed, slugs);
    expect(result.notes).toEqual([
      'стару адресу /2023/03/10/zaniato/ не перенаправлено: слаг «zaniato» уже має інша стаття чи стара адреса архіву',
    ]);
    expect(decode(result.content)).toBe(serializeIngestedArticle(data(['/2023/03/14/vilno/']), BODY));
  });

  test('an alias with the article’s own slug on another day is kept', () => {
    const result = placeAliases(article(['/2023/03/13/nova-biblioteka/']), placed, new SlugRegistry(['nova-biblioteka']));
    expect(result.notes).toEqual([]);
    expect(decode(result.content)).toContain('  - /2023/03/13/nova-biblioteka/');
  });
});
