import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { visit } from 'unist-util-visit';
import { describe, expect, test } from 'vitest';
import { readFeed } from '../../../../scripts/lib/readers/read-feed.ts';
import { readJsonItems } from '../../../../scripts/lib/readers/read-json-items.ts';
import { readMarkdown } from '../../../../scripts/lib/readers/read-markdown.ts';
import { readPlainText } from '../../../../scripts/lib/readers/read-plain-text.ts';

const FIXTURES = join(import.meta.dirname, '../../../fixtures/ingest');
const read = (path: string) => readFileSync(join(FIXTURES, path), 'utf8');
const blocks = (tree: Root) => tree.children.map((node) => `${node.type === 'heading' ? '## ' : ''}${toString(node)}`);

describe('plain text', () => {
  test('a dump becomes one item per story, each with the line it starts on', () => {
    const { items, errors } = readPlainText(read('formats/dump.txt'), 'dump.txt', { onePerFile: false });
    expect(errors).toEqual([]);
    expect(items.map((i) => [i.place.line, i.title ?? null])).toEqual([
      [1, 'Рада Згорян ухвалила бюджет громади на наступний рік'],
      [5, null],
      [6, null],
      [7, null],
      [8, null],
    ]);
  });

  test('--one-per-file reads the whole file as one article with subheadings', () => {
    const { items } = readPlainText(read('formats/piece.txt'), 'piece.txt', { onePerFile: true });
    expect(items).toHaveLength(1);
    expect(items[0]!.title).toBe('Як Щастя відновлює бібліотеку');
    expect(blocks(items[0]!.body)).toContain('## Читачі повернулися');
  });
});

describe('JSON and JSON Lines', () => {
  test('JSON Lines: good lines become items, bad lines become errors with their line', () => {
    const { items, errors } = readJsonItems(read('formats/items.jsonl'), 'items.jsonl');
    expect(items.map((i) => i.place.line)).toEqual([1, 2, 5]);
    expect(errors.map((e) => e.place.line)).toEqual([3, 4]);
    expect(errors[0]!.message).toBe('у новини немає тексту. Додайте поле "body" або "text" з текстом новини.');
    expect(items[0]).toMatchObject({
      title: 'У Києві запустили новий тролейбусний маршрут',
      date: '2022-03-15',
      topics: ['transport', 'Україна'],
      source: { name: 'Київські вісті', url: 'https://example.org/news/trolleybus' },
    });
    expect(blocks(items[0]!.body)).toHaveLength(2);
    expect(items[1]).toMatchObject({ date: '2022-03-16T09:30:00+02:00', topics: ['наука', 'вигадана тема'] });
    expect(items[1]!.title).toBeUndefined();
  });

  test('a JSON array: each item knows its line; an HTML body becomes Markdown', () => {
    const { items, errors } = readJsonItems(read('formats/items.json'), 'items.json');
    expect(errors).toEqual([]);
    expect(items.map((i) => i.place.line)).toEqual([2, 8]);
    expect(blocks(items[1]!.body)).toEqual([
      "Школа в Щасті отримала двадцять нових комп'ютерів для кабінету інформатики.",
      'Техніку передав міжнародний фонд.',
    ]);
  });

  test('invalid JSON is one error at the line where parsing stopped', () => {
    const { items, errors } = readJsonItems(read('bad/broken.json'), 'broken.json');
    expect(items).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.place).toEqual({ file: 'broken.json', line: 3 });
    expect(errors[0]!.message).toMatch(/^файл не є коректним JSON \(.+\)\. Виправте синтаксис у цьому місці/);
  });
});

describe('Markdown and MDX with front matter', () => {
  test('Hugo: TOML front matter, the title heading dropped from the body, tags kept', () => {
    const { items } = readMarkdown(read('formats/2022-05-01-hugo-post.md'), '2022-05-01-hugo-post.md', 'markdown');
    expect(items[0]).toMatchObject({
      title: 'Весняний ярмарок у Щасті',
      topics: ['Культура'],
      summary: 'Ярмарок майстрів зібрав гостей з усієї області.',
    });
    expect(blocks(items[0]!.body)[0]).toMatch(/^Весняний ярмарок майстрів/);
  });

  test('Jekyll: YAML front matter with a timestamp, categories and author', () => {
    const { items } = readMarkdown(read('formats/jekyll-post.md'), 'jekyll-post.md', 'markdown');
    expect(items[0]).toMatchObject({
      title: 'Юрій Їжакевич очолив раду молоді',
      topics: ['mistseva-vlada'],
      authors: ['Марія Шевчук'],
    });
    expect(items[0]!.source).toBeUndefined();
    expect(items[0]!.date).toMatch(/^2022-04-20/);
  });

  test('broken front matter is an error at its line that says how to fix it', () => {
    const { items, errors } = readMarkdown(read('bad/broken-front-matter.md'), 'broken-front-matter.md', 'markdown');
    expect(items).toEqual([]);
    expect(errors[0]!.place.line).toBe(2);
    expect(errors[0]!.message).toMatch(
      /^front matter не розбирається: .+\. Виправте метадані між рядками «---» \(YAML\) або «\+\+\+» \(TOML\)\.$/,
    );
  });

  test('MDX: parsed, not copied, so ESM, JSX and expressions are nodes the sanitiser sees', () => {
    const { items } = readMarkdown(read('formats/astro-post.mdx'), 'astro-post.mdx', 'mdx');
    const types = new Set<string>();
    visit(items[0]!.body, (node) => void types.add(node.type));
    expect([...types]).toEqual(expect.arrayContaining(['mdxjsEsm', 'mdxJsxTextElement', 'mdxTextExpression']));
    expect(items[0]).toMatchObject({
      title: 'Виставка старих фотографій Києва',
      date: expect.stringMatching(/^2022-07-01/),
      topics: ['kultura'],
    });
  });
});

describe('RSS and Atom', () => {
  test('RSS: items with their lines, HTML content as paragraphs, categories, link and feed title as source', () => {
    const { items, errors } = readFeed(read('formats/feed.rss'), 'feed.rss');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      place: { line: 7 },
      title: 'У Щасті висадили сто каштанів',
      topics: ['Екологія'],
      source: { name: 'Новини Щастя', url: 'https://example.org/kashtany' },
    });
    expect(items[0]!.date).toBe('2022-05-10T20:30:00.000Z');
    expect(blocks(items[0]!.body)).toHaveLength(2);
    expect(errors).toEqual([
      {
        place: { file: 'feed.rss', line: 14 },
        message: 'у записі стрічки немає тексту (ні content, ні description). Такий запис нема що архівувати.',
      },
    ]);
  });

  test('Atom: entries with escaped HTML content', () => {
    const { items } = readFeed(read('formats/feed.atom'), 'feed.atom');
    expect(items[0]).toMatchObject({
      place: { line: 6 },
      title: 'У Згоранах відремонтували міст через річку',
      source: { name: 'Вісті Згорян' },
    });
    expect(blocks(items[0]!.body)).toEqual(['Дорожники завершили ремонт мосту через річку в Згоранах. Рух транспорту відновлено.']);
  });

  test('an HTML page is not a feed', () => {
    expect(readFeed(read('bad/not-a-feed.xml'), 'not-a-feed.xml').errors[0]!.message).toBe(
      'файл не є стрічкою RSS чи Atom: він не починається з <rss> або <feed>. Збережіть саму стрічку (XML), а не сторінку сайту.',
    );
  });

  test('a feed that is not well-formed XML is an error at the broken line', () => {
    const { errors } = readFeed(
      '<?xml version="1.0"?>\n<rss version="2.0"><channel>\n<item><title>Без кінця</item>\n</channel></rss>\n',
      'cut.xml',
    );
    expect(errors[0]!.place.line).toBe(3);
    expect(errors[0]!.message).toMatch(/^стрічка не є коректним XML: /);
  });

  test.each([
    [
      '<rss>\n<channel>\n<item>\n<title>x</title>\n</channel></rss>\n',
      5,
      'закривальний тег </channel> там, де має закритися <item> з рядка 3 (стовпець 10)',
    ],
    ['<rss>\n<channel>\n<item>\n<title>x</title>\n', 5, 'файл обривається, а тег <item> з рядка 3 не закрито (стовпець 1)'],
    [
      '<rss>\n<channel><item>\n<title>A & B</title></item></channel></rss>',
      3,
      'знак & не починає сутність; у тексті пишіть &amp; (стовпець 11)',
    ],
  ])('a broken feed is one error at its line that says what is wrong: %j', (xml, line, reason) => {
    expect(readFeed(xml, 'broken.rss')).toEqual({
      items: [],
      errors: [
        {
          place: { file: 'broken.rss', line },
          message: `стрічка не є коректним XML: ${reason}. Виправте XML або завантажте стрічку з сайту ще раз.`,
        },
      ],
    });
  });

  test('named entities are left to the feed parser, as a byte order mark is', () => {
    const xml =
      '\uFEFF<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Т</title>\n<item><title>A&nbsp;B</title><description>Текст</description></item>\n</channel></rss>\n';
    expect(readFeed(xml, 'entities.rss')).toMatchObject({ errors: [], items: [{ place: { line: 3 } }] });
  });
});
