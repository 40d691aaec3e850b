import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { compileTaxonomy } from '#lib/archive/taxonomy.ts';
import { leadImageSchema } from '#lib/media/lead-image-schema.ts';
import { normalizeText } from '#lib/text/typography.ts';
import { prepareItem, type PreparedArticle } from '../../../../scripts/lib/ingest/prepare-item.ts';
import type { RawItem, ReadResult } from '../../../../scripts/lib/ingest/types.ts';
import { readFeed } from '../../../../scripts/lib/readers/read-feed.ts';
import { readJsonItems } from '../../../../scripts/lib/readers/read-json-items.ts';
import { readMarkdown } from '../../../../scripts/lib/readers/read-markdown.ts';
import { readArticleFile } from '../../../fixtures/ingest/read-article-file.ts';
import { writeFiles } from '../../../helpers/write-files.ts';

const TEXT = 'Міська рада ухвалила бюджет громади на наступний рік.';

function only(read: ReadResult): RawItem {
  expect(read.errors).toEqual([]);
  expect(read.items).toHaveLength(1);
  return read.items[0]!;
}

async function prepare(item: RawItem, today = '2026-11-25'): Promise<PreparedArticle> {
  const result = await prepareItem(item, { taxonomy: compileTaxonomy([]), today });
  if ('error' in result) throw new Error(result.error);
  return result;
}

async function failure(item: RawItem, today = '2026-11-25'): Promise<string> {
  const result = await prepareItem(item, { taxonomy: compileTaxonomy([]), today });
  if (!('error' in result)) throw new Error('the item was prepared');
  return result.error;
}

const json = (item: Record<string, unknown>) => only(readJsonItems(JSON.stringify([item]), 'items.json'));

function rss(link: string): RawItem {
  const xml = `<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Новини</title>\n<item><title>Бюджет громади</title><link>${link}</link><pubDate>Tue, 10 May 2022 12:00:00 +0300</pubDate><description>${TEXT}</description></item>\n</channel></rss>`;
  return only(readFeed(xml, 'feed.rss'));
}

describe('the source address', () => {
  test('a javascript: link of an RSS item is not written, and the report says so', async () => {
    const { data, notes } = await prepare(rss('javascript:alert(1)'));
    expect(data.source).toEqual({ name: 'Новини' });
    expect(notes).toContain('адресу джерела «javascript:alert(1)» не записано: джерело має бути вебадресою http(s)://…');
  });

  test('a javascript: url of a JSON item is not written, and the report says so', async () => {
    const { data, notes } = await prepare(json({ title: 'Бюджет', body: TEXT, date: '2022-01-11', url: 'javascript:alert(1)' }));
    expect(data.source).toBeUndefined();
    expect(notes).toContain('адресу джерела «javascript:alert(1)» не записано: джерело має бути вебадресою http(s)://…');
  });

  test('an address the schema cannot parse is dropped too; a web address is kept', async () => {
    expect((await prepare(rss('https://'))).notes).toContain(
      'адресу джерела «https://» не записано: джерело має бути вебадресою http(s)://…',
    );
    expect((await prepare(rss('https://example.org/budget'))).data.source).toEqual({ name: 'Новини', url: 'https://example.org/budget' });
  });

  test('a field that holds no text is named in the report', async () => {
    const { data, notes } = await prepare(json({ title: { text: 'Бюджет' }, body: TEXT, date: '2022-01-11' }));
    expect(data.title).toBe('Міська рада ухвалила бюджет громади на наступний рік');
    expect(notes).toContain('поле «title» не використано: це обʼєкт, а не текст');
  });
});

describe('titles and summaries', () => {
  test('bidirectional overrides and isolates are removed from the title and the summary, and reported', async () => {
    const { data, notes } = await prepare(
      json({ title: 'Бюджет \u202Eтxt.exe\u202C громади', summary: 'Лід \u2067ізольований\u2069 текст.', body: TEXT, date: '2022-01-11' }),
    );
    expect(data.title).toBe('Бюджет тxt.exe громади');
    expect(data.summary).toBe('Лід ізольований текст.');
    expect(notes.filter((note) => note.includes('керування напрямком'))).toEqual([
      'у заголовку прибрано символи керування напрямком тексту (U+202E, U+202C): вони показували б текст не в тому порядку, у якому він записаний',
      'у ліді прибрано символи керування напрямком тексту (U+2067, U+2069): вони показували б текст не в тому порядку, у якому він записаний',
    ]);
  });

  test('a title made of line breaks and dashes is normalised as one line, as the check reads it', async () => {
    const { data } = await prepare(json({ title: 'Бюджет\n---\nухвалено', summary: 'Рада\n-\nухвалила', body: TEXT, date: '2022-01-11' }));
    expect(data.title).toBe('Бюджет — ухвалено');
    expect(data.summary).toBe('Рада — ухвалила');
    expect(normalizeText(data.title)).toBe(data.title);
  });

  test('a title of controls only gives way to the lead, and the report says so', async () => {
    const { data, notes } = await prepare(json({ title: '\u202E\u202C', body: TEXT, date: '2022-01-11' }));
    expect(data.title).toBe('Міська рада ухвалила бюджет громади на наступний рік');
    expect(notes).toContain('заголовок «» без керівних символів і пробілів порожній: його утворено з ліду');
  });

  test('ISO dates in the text keep their hyphens', async () => {
    const { data, body } = await prepare(
      json({ title: 'Засідання 2026-01-26', body: 'Засідання ради відбулося 2026-01-26T10:30:00+02:00 у залі.', date: '2022-01-11' }),
    );
    expect(data.title).toBe('Засідання 2026-01-26');
    expect(body).toContain('2026-01-26T10:30:00+02:00');
  });

  test('a language that is not a language tag is reported and the article stays Ukrainian', async () => {
    const { data, notes } = await prepare(json({ title: 'Бюджет', body: TEXT, date: '2022-01-11', lang: '../../x' }));
    expect(data.lang).toBe('uk');
    expect(notes).toContain('мову «../../x» не розпізнано (потрібен код мови на кшталт uk чи en): записано uk');
  });
});

describe('MDX bodies', () => {
  const mdx = (body: string) => only(readMarkdown(`---\ntitle: Бюджет громади\ndate: 2022-01-11\n---\n\n${body}\n`, 'post.mdx', 'mdx'));

  test('an embed of an unknown provider becomes a link to it, reported, and the article is plain Markdown', async () => {
    const { body, extension, notes } = await prepare(
      mdx(`import { Embed } from '@arkhiv/article';\n\n${TEXT}\n\n<Embed url="https://evil.example/x" title="Відео сесії" />`),
    );
    expect(extension).toBe('md');
    expect(body).toContain('[Відео сесії](https://evil.example/x)');
    expect(body).not.toContain('<Embed');
    expect(notes).toContain(
      'рядок 10: <Embed> «https://evil.example/x» не вбудовується (це не YouTube, Vimeo, Telegram чи Facebook): записано звичайним посиланням',
    );
  });

  test('an embed of a known provider stays', async () => {
    const { body, extension } = await prepare(
      mdx(
        `import { Embed } from '@arkhiv/article';\n\n${TEXT}\n\n<Embed url="https://www.youtube.com/watch?v=dQw4w9WgXcQ" title="Відео сесії" />`,
      ),
    );
    expect(extension).toBe('mdx');
    expect(body).toContain('<Embed url="https://www.youtube.com/watch?v=dQw4w9WgXcQ" title="Відео сесії" />');
  });

  test('a removed comment leaves one space between the words around it', async () => {
    const { body, data } = await prepare(mdx('Рада {/* примітка */} ухвалила бюджет, кажуть депутати.'));
    expect(body).toBe('Рада ухвалила бюджет, кажуть депутати.\n');
    expect(data.summary).toBe('Рада ухвалила бюджет, кажуть депутати.');
    const markdown = only(
      readMarkdown('---\ntitle: Бюджет громади\ndate: 2022-01-11\n---\n\nРада <!-- примітка --> ухвалила бюджет.\n', 'post.md', 'markdown'),
    );
    expect((await prepare(markdown)).body).toBe('Рада ухвалила бюджет.\n');
  });
});

describe('HTML bodies', () => {
  test('text outside any block element is a paragraph of its own', async () => {
    const { body } = await prepare(
      json({ title: 'Бюджет', body: 'Рада ухвалила бюджет.<br>Депутати підтримали ремонт шкіл.', date: '2022-01-11' }),
    );
    expect(body).toBe('Рада ухвалила бюджет.\\\nДепутати підтримали ремонт шкіл.\n');
  });

  test('raw HTML in Markdown that holds only text stays a paragraph, apart from the next one', async () => {
    const markdown =
      '---\ntitle: Бюджет громади\ndate: 2022-01-11\n---\n\n<div><script>x</script>Рада ухвалила бюджет.</div>\n\nДепутати підтримали ремонт шкіл.\n';
    const { body } = await prepare(only(readMarkdown(markdown, 'post.md', 'markdown')));
    expect(body).toBe('Рада ухвалила бюджет.\n\nДепутати підтримали ремонт шкіл.\n');
  });
});

describe('addresses on the site the item came from', () => {
  test('a link to a page of the source site keeps its text, an image of it its caption, and both are reported', async () => {
    const markdown =
      '---\ntitle: Бюджет громади\ndate: 2022-01-11\n---\n\nРада [ухвалила](/2022/01/01/nema/) бюджет ![знімок сесії](photo.jpg) громади, [деталі](#deteli) і [джерело](https://example.org/a).\n';
    const { body, notes } = await prepare(only(readMarkdown(markdown, 'post.md', 'markdown')));
    expect(body).toBe('Рада ухвалила бюджет знімок сесії громади, [деталі](#deteli) і [джерело](https://example.org/a).\n');
    expect(notes).toEqual(
      expect.arrayContaining([
        'рядок 6: посилання «/2022/01/01/nema/» на сторінку сайту-джерела вилучено (в архіві її немає), текст збережено',
        'рядок 6: зображення «photo.jpg» із сайту-джерела вилучено (в архіві цього файлу немає), підпис збережено',
      ]),
    );
  });
});

describe('what the check would reject is not written', () => {
  test('a date still to come is an error', async () => {
    expect(await failure(json({ title: 'Бюджет', body: TEXT, date: '2150-01-01' }))).toBe(
      'дата з метаданих 2150-01-01 ще не настала: архів містить лише опубліковане. Виправте дату або імпортуйте новину після її виходу.',
    );
  });

  test('a body of code alone is no article', async () => {
    const item = only(readMarkdown('---\ntitle: Код\ndate: 2022-01-11\n---\n\n```\nconst a = 1;\n```\n', 'code.md', 'markdown'));
    expect(await failure(item)).toBe('у новини немає тексту поза кодом і зображеннями. Додайте текст або приберіть запис.');
  });

  test('the placeholder mark of npm run new is an error', async () => {
    expect(await failure(json({ title: 'ЗАПОВНІТЬ: заголовок', body: TEXT, date: '2022-01-11' }))).toMatch(
      /^новина містить позначку незаповненої заготовки «ЗАПОВНІТЬ:»/,
    );
  });

  test('a title YAML would read as a number is written so that it reads back as text', async () => {
    const { content } = await prepare(json({ title: '0b101', body: TEXT, date: '2022-01-11' }));
    expect(readArticleFile(new TextDecoder().decode(content)).data.title).toBe('0b101');
  });
});

describe('the lead image', () => {
  const IMAGE = {
    src: 'https://example.org/foto/biudzhet.jpg',
    alt: 'Депутати голосують у сесійній залі',
    caption: 'Сесія міської ради',
    credit: 'Олена Коваль',
    width: 1200,
    height: 800,
  };
  const withImage = (image: RawItem['image']): RawItem => ({ ...rss('https://example.org/biudzhet'), ...(image ? { image } : {}) });

  test('is written as the image block, after source, and reads back equal and valid for the schema', async () => {
    const { data, content, notes } = await prepare(withImage(IMAGE));
    expect(data.image).toEqual(IMAGE);
    const file = new TextDecoder().decode(content);
    expect(file).toMatch(/^source:\n(?: {2}.*\n)+image:\n {2}src: https:\/\/example\.org\/foto\/biudzhet\.jpg\n/m);
    const read = readArticleFile(file).data;
    expect(read.image).toEqual(IMAGE);
    expect(leadImageSchema.safeParse(read.image).success).toBe(true);
    expect(notes.filter((note) => note.includes('зображення'))).toEqual([]);
  });

  test('its text is written as one line of normalised text', async () => {
    const { data } = await prepare(withImage({ src: IMAGE.src, alt: '  Депутати\n  голосують ', credit: ' ' }));
    expect(data.image).toEqual({ src: IMAGE.src, alt: 'Депутати голосують' });
  });

  test.each([
    ['http://example.org/foto.jpg', 'головне зображення «http://example.org/foto.jpg» не імпортовано'],
    ['/wp-content/foto.jpg', 'головне зображення «/wp-content/foto.jpg» не імпортовано'],
    ['javascript:alert(1)', 'головне зображення «javascript:alert(1)» не імпортовано'],
  ])('an address that is not https (%s) is not written, and the report says how to add it', async (src, start) => {
    const { data, notes } = await prepare(withImage({ src, alt: IMAGE.alt }));
    expect(data.image).toBeUndefined();
    expect(notes).toContain(
      `${start}: це не адреса https://… і не файл архіву media/…; додайте image вручну (файл у media/ або адреса https://) з описом alt`,
    );
  });

  test('an image without a description is not written, and the report says so', async () => {
    const { data, notes } = await prepare(withImage({ src: IMAGE.src, alt: ' ' }));
    expect(data.image).toBeUndefined();
    expect(notes).toContain(`головне зображення ${IMAGE.src} не імпортовано: немає опису (alt); додайте image з alt вручну`);
  });

  test('a size that is not a positive whole number is left out', async () => {
    const { data } = await prepare(withImage({ src: IMAGE.src, alt: IMAGE.alt, width: 0, height: 10.5 }));
    expect(data.image).toEqual({ src: IMAGE.src, alt: IMAGE.alt });
  });

  describe('from JSON and Markdown items', () => {
    test('an image object of a JSON item is the lead image', async () => {
      const item = json({ title: 'Бюджет громади', date: '2022-05-10', body: TEXT, image: { url: IMAGE.src, ...IMAGE, src: undefined } });
      const { data } = await prepare(item);
      expect(data.image).toEqual(IMAGE);
    });

    test('an address alone takes its description from image_alt', async () => {
      const item = json({ title: 'Бюджет громади', date: '2022-05-10', body: TEXT, featured_image: IMAGE.src, image_alt: IMAGE.alt });
      expect((await prepare(item)).data.image).toEqual({ src: IMAGE.src, alt: IMAGE.alt });
    });

    test('an image field that holds neither an address nor an object is reported', async () => {
      const item = json({ title: 'Бюджет громади', date: '2022-05-10', body: TEXT, image: 42 });
      const { data, notes } = await prepare(item);
      expect(data.image).toBeUndefined();
      expect(notes).toContain('поле «image» не використано: це number, а не адреса зображення чи обʼєкт із src і alt');
    });

    test('the image block of a Markdown file reads back as it was written', async () => {
      const markdown = `---\ntitle: Бюджет громади\ndate: 2022-05-10\nimage:\n  src: ${IMAGE.src}\n  alt: ${IMAGE.alt}\n  caption: ${IMAGE.caption}\n---\n\n${TEXT}\n`;
      const { data } = await prepare(only(readMarkdown(markdown, 'biudzhet.md', 'markdown')));
      expect(data.image).toEqual({ src: IMAGE.src, alt: IMAGE.alt, caption: IMAGE.caption });
    });
  });

  describe('a file of the archive', () => {
    const SRC = 'media/2022/05/10/biudzhet.jpg';
    const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0]);

    async function prepareIn(archiveDir: string | undefined, image: RawItem['image']): Promise<PreparedArticle> {
      const result = await prepareItem(withImage(image), {
        taxonomy: compileTaxonomy([]),
        today: '2026-11-25',
        ...(archiveDir ? { archiveDir } : {}),
      });
      if ('error' in result) throw new Error(result.error);
      return result;
    }

    test('is written when it is in the archive and is an image', async () => {
      const archive = await mkdtemp(join(tmpdir(), 'arkhiv-lead-image-'));
      await writeFiles(archive, { [SRC]: JPEG });
      const { data, notes } = await prepareIn(archive, { src: SRC, alt: IMAGE.alt });
      expect(data.image).toEqual({ src: SRC, alt: IMAGE.alt });
      expect(notes.filter((note) => note.includes('зображення'))).toEqual([]);
    });

    test('is reported, not written, when it is missing, is not an image, or there is no archive to look in', async () => {
      const archive = await mkdtemp(join(tmpdir(), 'arkhiv-lead-image-'));
      await writeFiles(archive, { 'media/2022/05/10/text.jpg': 'not a photo' });
      const missing = await prepareIn(archive, { src: SRC, alt: IMAGE.alt });
      expect(missing.data.image).toBeUndefined();
      expect(missing.notes).toContain(
        `головне зображення ${SRC} не імпортовано: файлу немає в архіві; покладіть файл у теку архіву (content/${SRC}) і запустіть імпорт знову`,
      );
      const text = await prepareIn(archive, { src: 'media/2022/05/10/text.jpg', alt: IMAGE.alt });
      expect(text.data.image).toBeUndefined();
      expect(text.notes).toContain(
        'головне зображення media/2022/05/10/text.jpg не імпортовано: файл не є зображенням JPEG, PNG, WebP чи AVIF; замініть його справжнім фото',
      );
      const nowhere = await prepareIn(undefined, { src: SRC, alt: IMAGE.alt });
      expect(nowhere.data.image).toBeUndefined();
      expect(nowhere.notes.some((note) => note.startsWith(`головне зображення ${SRC} не імпортовано: теку архіву не вказано`))).toBe(true);
    });

    test('outside media/ or climbing out of it is not a file of the archive', async () => {
      const { data, notes } = await prepareIn(await mkdtemp(join(tmpdir(), 'arkhiv-lead-image-')), {
        src: 'media/../secret.jpg',
        alt: IMAGE.alt,
      });
      expect(data.image).toBeUndefined();
      expect(notes.some((note) => note.includes('не адреса https://… і не файл архіву media/…'))).toBe(true);
    });
  });
});
