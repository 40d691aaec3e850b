import { describe, expect, test } from 'vitest';
import type { RawItem, ReadResult } from '../../../../scripts/lib/ingest/types.ts';
import { readFeed } from '../../../../scripts/lib/readers/read-feed.ts';
import { readJsonItems } from '../../../../scripts/lib/readers/read-json-items.ts';
import { readMarkdown } from '../../../../scripts/lib/readers/read-markdown.ts';

const BODY = 'Міська рада ухвалила бюджет громади на наступний рік.';

function items(read: ReadResult): RawItem[] {
  expect(read.errors).toEqual([]);
  return read.items;
}

const rss = (channel: string, entries: string[]) =>
  `<?xml version="1.0"?>\n<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Міські вісті</title>${channel}\n${entries
    .map((entry, i) => `<item><title>Новина ${i + 1}</title>${entry}<description>${BODY}</description></item>`)
    .join('\n')}</channel></rss>`;

describe('bylines in JSON items', () => {
  test('`author` is a byline, and the outlet stays the source', () => {
    const [item] = items(
      readJsonItems(JSON.stringify([{ title: 'Бюджет', author: 'Олена Петренко', publisher: 'Міські вісті', body: BODY }]), 'a.json'),
    );
    expect(item).toMatchObject({ authors: ['Олена Петренко'], source: { name: 'Міські вісті' } });
  });

  test('`authors` may list names or people with a name, and a name with a comma stays whole', () => {
    const value = {
      title: 'Бюджет',
      authors: ['Олена Петренко', { name: 'Тарас Ковальчук', email: 't@example.net' }, 'Петренко, Олена'],
      body: BODY,
    };
    const [item] = items(readJsonItems(JSON.stringify([value]), 'a.json'));
    expect(item!.authors).toEqual(['Олена Петренко', 'Тарас Ковальчук', 'Петренко, Олена']);
    expect(item!.source).toBeUndefined();
  });

  test('an item without a byline has no authors', () => {
    const [item] = items(readJsonItems(JSON.stringify([{ title: 'Бюджет', body: BODY }]), 'a.json'));
    expect(item!.authors).toBeUndefined();
  });

  test('front matter of other site generators has bylines too', () => {
    const [item] = items(readMarkdown(`---\ntitle: Бюджет\nauthors: [Олена Петренко]\n---\n\n${BODY}\n`, 'a.md', 'markdown'));
    expect(item!.authors).toEqual(['Олена Петренко']);
  });
});

describe('bylines in feeds', () => {
  test('RSS: `dc:creator` and `author` (an address with a name) are bylines; the channel editor is not', () => {
    const xml = rss('<managingEditor>editor@example.net (Головна Редакторка)</managingEditor>', [
      '<dc:creator>Олена Петренко</dc:creator>',
      '<author>taras@example.net (Тарас Ковальчук)</author>',
      '',
    ]);
    expect(items(readFeed(xml, 'a.rss')).map((item) => [item.authors, item.source?.name])).toEqual([
      [['Олена Петренко'], 'Міські вісті'],
      [['Тарас Ковальчук'], 'Міські вісті'],
      [undefined, 'Міські вісті'],
    ]);
  });

  test('Atom: the entry’s authors, or the feed’s when the entry names none', () => {
    const xml = `<?xml version="1.0"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Міські вісті</title><id>urn:x</id><author><name>Ірина Бондар</name></author>
<entry><title>Перша</title><id>urn:1</id><content>${BODY}</content></entry>
<entry><title>Друга</title><id>urn:2</id><author><name>Олена Петренко</name></author><author><name>Тарас Ковальчук</name></author><content>${BODY}</content></entry>
</feed>`;
    expect(items(readFeed(xml, 'a.atom')).map((item) => item.authors)).toEqual([['Ірина Бондар'], ['Олена Петренко', 'Тарас Ковальчук']]);
  });
});
