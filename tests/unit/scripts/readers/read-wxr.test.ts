import type { Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import { toString } from 'mdast-util-to-string';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { compileTaxonomy } from '#lib/archive/taxonomy.ts';
import { prepareItem, type PreparedArticle } from '../../../../scripts/lib/ingest/prepare-item.ts';
import { permalinkAlias, readWxr } from '../../../../scripts/lib/readers/read-wxr.ts';
import { isWxr } from '../../../../scripts/lib/readers/wxr-document.ts';

const FIXTURES = join(import.meta.dirname, '../../../fixtures/ingest');
const EXPORT = readFileSync(join(FIXTURES, 'wordpress/export.xml'), 'utf8');
const read = () => readWxr(EXPORT, 'export.xml');
const post = (title: string) => read().items.find((item) => item.title?.startsWith(title))!;

/** Each block as a line: text blocks as their text (headings with `## `), components as `<Name attr=value …>`. */
function blocks(tree: Root): string[] {
  return tree.children.map((node: RootContent) => {
    if (node.type === 'mdxJsxFlowElement') {
      const attributes = (node as MdxJsxFlowElement).attributes.map((a) => ('name' in a ? `${a.name}=${String(a.value)}` : ''));
      return `<${node.name} ${attributes.join(' ')}>`;
    }
    if (node.type === 'heading') return `## ${toString(node)}`;
    return `${node.type === 'paragraph' ? '' : `${node.type}: `}${toString(node)}`;
  });
}

describe('which XML files are WordPress exports', () => {
  test('a root that declares the WXR namespace (1.0–1.2, http or https) is an export', () => {
    expect(isWxr(EXPORT)).toBe(true);
    expect(isWxr('<?xml version="1.0"?>\n<rss version="2.0" xmlns:wp="https://wordpress.org/export/1.2/"><channel/></rss>')).toBe(true);
    expect(isWxr('<rss xmlns:wp="http://wordpress.org/export/1.0/"><channel/></rss>')).toBe(true);
  });

  test('a feed, even one that mentions WordPress, is not', () => {
    expect(isWxr(readFileSync(join(FIXTURES, 'formats/feed.rss'), 'utf8'))).toBe(false);
    expect(isWxr('<rss version="2.0"><channel><generator>https://wordpress.org/export/1.2/</generator></channel></rss>')).toBe(false);
    expect(isWxr('<feed xmlns="http://www.w3.org/2005/Atom" xmlns:wp="http://wordpress.org/export/1.2/"/>')).toBe(false);
  });
});

describe('what is imported and what is skipped', () => {
  test('published posts are items, each with the line of its <item>', () => {
    const { items, errors } = read();
    expect(errors).toEqual([]);
    expect(items.map((item) => [item.place.line, item.title, item.format])).toEqual([
      [22, 'У Вінниці відкрили оновлену бібліотеку для дітей', 'wordpress'],
      [85, 'Ярмарок вишиванок зібрав майстринь з усієї області', 'wordpress'],
      [127, 'Нічний потяг до Ужгорода курсуватиме щодня', 'wordpress'],
      [149, 'Перевірка безпеки: дивний текст у дописі', 'wordpress'],
    ]);
  });

  test('every other item is skipped with its kind and reason, never silently', () => {
    const { skipped } = read();
    expect(skipped!.map((item) => [item.place.line, item.kind])).toEqual([
      [180, 'сторінка'],
      [192, 'чернетка'],
      [201, 'на розгляді'],
      [208, 'запланований допис'],
      [215, 'приватний допис'],
      [222, 'допис у кошику'],
      [229, 'пункт меню'],
      [235, 'тип «product»'],
      [242, 'вкладення (медіафайл)'],
      [254, 'вкладення (медіафайл)'],
      [264, 'вкладення (медіафайл)'],
    ]);
    expect(skipped![1]!.reason).toBe('чернетка (wp:status draft): в архів імпортуються лише опубліковані дописи');
    expect(skipped![0]!.reason).toBe('сторінка (wp:post_type page): в архів імпортуються лише дописи');
  });

  test('comments are not imported, and the file says so once', () => {
    expect(read().notices).toEqual([
      'export.xml: коментарі не імпортуються (в архіві їх немає); пропущено коментарів до опублікованих дописів: 1',
    ]);
  });

  test('a broken export is one error at the broken line', () => {
    const broken = EXPORT.replace('<wp:post_id>102</wp:post_id>', '<wp:post_id>102</wp:post>');
    const { items, errors } = readWxr(broken, 'export.xml');
    expect(items).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.place.line).toBe(EXPORT.split('\n').findIndex((line) => line.includes('<wp:post_id>102')) + 1);
    expect(errors[0]!.message).toMatch(
      /^експорт WordPress не є коректним XML: закривальний тег <\/wp:post> там, де має закритися <wp:post_id>/,
    );
  });
});

describe('metadata of a post', () => {
  test('the date is wp:post_date_gmt as an instant, or wp:post_date as written when the GMT date is 0000-00-00', () => {
    expect(post('У Вінниці').date).toBe('2023-03-14T08:30:00Z');
    expect(post('Нічний потяг').date).toBe('2023-06-01 23:30:00');
  });

  test('the excerpt is the summary; the author is the display name of dc:creator', () => {
    const library = post('У Вінниці');
    expect(library.summary).toBe("Після ремонту дитяча бібліотека має комп'ютерний клас і кімнату для малечі.");
    expect(library.authors).toEqual(['Оксана Ковальчук']);
    expect(post('Ярмарок').summary).toBeUndefined();
  });

  test('an author missing from wp:author keeps the login as written, and the report says so', () => {
    const train = post('Нічний потяг');
    expect(train.authors).toEqual(['hostia']);
    expect(train.notes).toContain('автора «hostia» немає серед wp:author експорту: імʼя записано як є');
  });

  test('categories and tags are the topics, by name; post formats are not', () => {
    expect(post('У Вінниці').topics).toEqual(['Громада', 'Освіта', 'Діти']);
    expect(post('Ярмарок').topics).toEqual(['Культура', 'Вишивка']);
  });

  test('a topic map turns slugs or names into topic slugs; unmapped terms stay names', () => {
    const topicMap = new Map([
      ['hromada', ['mistseva-vlada']],
      ['освіта', ['osvita']],
      ['dity', ['osvita', 'sotsialna-polityka']],
    ]);
    const { items } = readWxr(EXPORT, 'export.xml', { topicMap });
    expect(items[0]!.topics).toEqual(['mistseva-vlada', 'osvita', 'sotsialna-polityka']);
    expect(items[1]!.topics).toEqual(['Культура', 'Вишивка']);
  });

  test('the permalink of the archive’s shape becomes an alias; any other is reported as not redirected', () => {
    expect(post('У Вінниці').aliases).toEqual(['/2023/03/14/biblioteka-dlia-ditei/']);
    expect(post('Нічний потяг').aliases).toBeUndefined();
    expect(post('Нічний потяг').notes).toContain(
      'стару адресу https://visti-podillia.example.org/?p=103 не перенаправлено: архів перенаправляє лише адреси виду /рррр/мм/дд/слаг/',
    );
  });

  test.each([
    ['https://example.org/2023/03/14/slug/', '/2023/03/14/slug/'],
    ['https://example.org/2023/03/14/slug', '/2023/03/14/slug/'],
    ['https://example.org/blog/2023/03/14/slug/', undefined],
    ['https://example.org/2023/03/slug/', undefined],
    ['https://example.org/2023/03/14/%d0%bc%d1%96%d1%81%d1%82%d0%be/', undefined],
    ['https://example.org/?p=12', undefined],
  ])('permalink %s → alias %s', (url, alias) => {
    expect(permalinkAlias(url)).toBe(alias);
  });

  test('the featured image is the lead image: the attachment’s address, its alt text and its excerpt as the caption', () => {
    expect(post('У Вінниці').image).toEqual({
      src: 'https://visti-podillia.example.org/wp-content/uploads/2023/03/zala.jpg',
      alt: 'Столи й лампи в читальній залі',
      caption: 'Читальна зала після ремонту',
    });
    expect(post('У Вінниці').notes.filter((note) => note.startsWith('головне зображення'))).toEqual([]);
  });

  test('source: the site’s title and the permalink; language from the channel', () => {
    expect(post('Ярмарок').source).toEqual({
      name: 'Вісті Поділля',
      url: 'https://visti-podillia.example.org/2023/05/20/yarmarok-vyshyvanok/',
    });
    expect(post('Ярмарок').lang).toBe('uk');
  });
});

describe('the body of a classic-editor post', () => {
  const library = () => blocks(post('У Вінниці').body);

  test('blank lines separate paragraphs; a single line break stays a line break', () => {
    const body = post('У Вінниці').body;
    expect(body.children[0]).toMatchObject({
      type: 'paragraph',
      children: [{ type: 'text' }, { type: 'break' }, { type: 'text', value: 'Відвідувачів зустріли казкарі та лялькарі.' }],
    });
    expect(library()[1]).toBe('Тепер у читальні є окрема кімната для найменших і простір для гурткової роботи.');
  });

  test('headings, lists, quotes (with their paragraphs), links and tables survive', () => {
    const body = post('У Вінниці').body;
    expect(library().slice(2, 4)).toEqual(['## Що змінилося', "list: нові стелажі й меблікомп'ютерний клас на дванадцять місць"]);
    const quote = body.children[4]!;
    expect(quote.type).toBe('blockquote');
    expect((quote as { children: RootContent[] }).children.map((node) => toString(node))).toEqual([
      'Ми хотіли, щоб діти приходили сюди не лише по книжки.',
      'Тут має бути затишно.',
    ]);
    expect(body.children[5]).toMatchObject({ children: [{}, { type: 'link', url: 'https://vinrada.example.org/news/42' }, {}] });
    expect(body.children[6]).toMatchObject({ type: 'table', children: [{ type: 'tableRow' }, { type: 'tableRow' }, { type: 'tableRow' }] });
  });

  test('images become figures: alone, in [caption] (address made absolute), and each image of [gallery ids]', () => {
    expect(library().slice(7, 11)).toEqual([
      '<Figure src=https://visti-podillia.example.org/wp-content/uploads/2023/03/fasad.jpg alt=Фасад бібліотеки після ремонту>',
      '<Figure src=https://visti-podillia.example.org/wp-content/uploads/2023/03/zala.jpg alt=Читальна зала caption=Нова читальна зала на другому поверсі>',
      '<Figure src=https://visti-podillia.example.org/wp-content/uploads/2023/03/zala.jpg alt=Столи й лампи в читальній залі caption=Читальна зала після ремонту>',
      '<Figure src=https://visti-podillia.example.org/wp-content/uploads/2023/03/kimnata.jpg alt=Кімната для малечі>',
    ]);
  });

  test('[embed], a provider address on its own line and [youtube=…] become click-to-load embeds', () => {
    expect(library().slice(11, 14)).toEqual([
      '<Embed url=https://www.youtube.com/watch?v=jNQXAC9IVRw title=Відео>',
      '<Embed url=https://youtu.be/dQw4w9WgXcQ title=Відео>',
      '<Embed url=https://www.youtube.com/watch?v=9bZkp7q19f0 title=Відео>',
    ]);
  });

  test('an unknown shortcode stays as visible text and is reported', () => {
    expect(library().slice(14)).toEqual([
      '[contact-form-7 id="5" title="Запис до гуртка"]',
      'Записатися до гуртків можна телефоном або на місці.',
    ]);
    expect(post('У Вінниці').notes).toContain('шорткод [contact-form-7] не має відповідника в архіві: лишено текстом');
  });

  test('an embed no provider plays is a link, and [gallery] without ids shows the post’s own images', () => {
    const train = post('Нічний потяг');
    expect(blocks(train.body)).toEqual([
      'Залізниця оголосила, що нічний потяг з Вінниці до Ужгорода курсуватиме щодня, а не тричі на тиждень.',
      'https://twitter.com/ukrzaliznytsia/status/1234567890',
      '<Figure src=https://visti-podillia.example.org/wp-content/uploads/2023/06/peron.jpg alt=Перон вінницького вокзалу ввечері caption=Перон вінницького вокзалу ввечері>',
      'Квитки вже можна купити в касах і застосунку.',
    ]);
    expect(train.body.children[1]).toMatchObject({
      children: [{ type: 'link', url: 'https://twitter.com/ukrzaliznytsia/status/1234567890' }],
    });
    expect(train.notes).toContain(
      '[embed] «https://twitter.com/ukrzaliznytsia/status/1234567890» не вбудовується в архіві: записано посиланням',
    );
  });
});

describe('the body of a block-editor post', () => {
  test('block comments go silently; image and embed blocks become a figure with its caption and an embed', () => {
    const fair = post('Ярмарок');
    expect(blocks(fair.body)).toEqual([
      'На Європейській площі в суботу працював ярмарок вишиванок: понад сорок майстринь показали свої роботи.',
      '## Старі візерунки',
      'Найбільше уваги привернули сорочки, вишиті за взірцями столітньої давнини.',
      '<Figure src=https://visti-podillia.example.org/wp-content/uploads/2023/05/sorochka.jpg alt=Сорочка з червоним візерунком caption=Сорочка, вишита за взірцем 1920-х років>',
      '<Embed url=https://vimeo.com/76979871 title=Відео>',
      'list: Вишивка хрестикомВишивка гладдю',
    ]);
    expect(fair.notes).toEqual([]);
  });
});

describe('a post with no text of its own', () => {
  test('gets its title as its text, and the report says so', () => {
    const xml = EXPORT.replace(
      /Дитяча бібліотека[\s\S]*?(?=\]\]><\/content:encoded>)/,
      '<img src="https://visti-podillia.example.org/wp-content/uploads/2023/03/fasad.jpg" alt="Фасад" />',
    );
    const library = readWxr(xml, 'export.xml').items[0]!;
    expect(blocks(library.body)).toEqual([
      '<Figure src=https://visti-podillia.example.org/wp-content/uploads/2023/03/fasad.jpg alt=Фасад>',
      'У Вінниці відкрили оновлену бібліотеку для дітей',
    ]);
    expect(library.notes).toContain('у дописі немає тексту, лише зображення, вбудовування чи нічого: текстом статті записано заголовок');
  });
});

describe('hostile text in a post', () => {
  let prepared: PreparedArticle;
  const prepare = async () => {
    if (prepared) return prepared;
    const result = await prepareItem(post('Перевірка безпеки'), { taxonomy: compileTaxonomy([]) });
    if ('error' in result) throw new Error(result.error);
    prepared = result;
    return prepared;
  };

  test('scripts, event handlers and javascript: links are gone, and each removal is reported', async () => {
    const { body, notes, extension } = await prepare();
    expect(extension).toBe('mdx');
    expect(body).not.toMatch(/<script|onclick|onerror="|javascript:/i);
    expect(body).toContain('Посилання з небезпечною адресою не веде нікуди.');
    expect(body).toContain('Абзац з обробником подій теж лишається лише текстом.');
    expect(notes).toContain('<script> вилучено: у статтях архіву не буває коду й вбудованих сторінок');
    expect(notes).toContain('небезпечне посилання «javascript:alert(3)» вилучено, текст збережено');
  });

  test('braces, import and export lines and a tag written as text stay text in the MDX file', async () => {
    const { body } = await prepare();
    expect(body).toContain('\\{process.exit()}');
    expect(body).toContain('&#x69;mport x from «y»');
    expect(body).toContain('&#x65;xport const a = 1');
    expect(body).toContain('\\<img src=x onerror=alert(1)>');
    expect(body).toMatch(/^import \{ Figure \} from '@arkhiv\/article';$/m);
  });
});

/** A small export: one published post whose featured image is attachment 301, then `attachment` (the XML of that attachment's item, or nothing). */
function featured(attachment: string): ReturnType<typeof readWxr> {
  return readWxr(
    `<?xml version="1.0"?>
<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Вісті Поділля</title><wp:base_blog_url>https://visti-podillia.example.org</wp:base_blog_url>
<item><title>Новий сквер у Барі</title><content:encoded><![CDATA[<p>У Барі відкрили сквер із фонтаном і лавками.</p>]]></content:encoded>
<wp:post_id>300</wp:post_id><wp:post_date_gmt>2023-04-01 09:00:00</wp:post_date_gmt><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>301</wp:meta_value></wp:postmeta></item>
${attachment}
</channel></rss>`,
    'bar.xml',
  );
}

const SQUARE = (meta: string) =>
  `<item><title>Сквер</title><excerpt:encoded><![CDATA[Сквер у травні]]></excerpt:encoded><wp:post_id>301</wp:post_id><wp:post_parent>300</wp:post_parent><wp:status>inherit</wp:status><wp:post_type>attachment</wp:post_type><wp:attachment_url>/wp-content/uploads/2023/04/skver.jpg</wp:attachment_url>${meta}</item>`;

describe('the featured image of a post', () => {
  test('an address without a host is made absolute against the blog’s address', () => {
    const alt =
      '<wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key><wp:meta_value>Фонтан і лавки в сквері</wp:meta_value></wp:postmeta>';
    expect(featured(SQUARE(alt)).items[0]!.image).toEqual({
      src: 'https://visti-podillia.example.org/wp-content/uploads/2023/04/skver.jpg',
      alt: 'Фонтан і лавки в сквері',
      caption: 'Сквер у травні',
    });
  });

  test('without alt text the image is passed on without one, and the ingest writes no image but says how to add it', async () => {
    const item = featured(SQUARE('')).items[0]!;
    expect(item.image).toEqual({
      src: 'https://visti-podillia.example.org/wp-content/uploads/2023/04/skver.jpg',
      caption: 'Сквер у травні',
    });
    const result = await prepareItem(item, { taxonomy: compileTaxonomy([]), today: '2026-11-25' });
    if ('error' in result) throw new Error(result.error);
    expect(result.data.image).toBeUndefined();
    expect(result.notes).toContain(
      'головне зображення https://visti-podillia.example.org/wp-content/uploads/2023/04/skver.jpg не імпортовано: немає опису (alt); додайте image з alt вручну',
    );
  });

  test('an attachment missing from the export is not imported, and the report says so', () => {
    const item = featured('').items[0]!;
    expect(item.image).toBeUndefined();
    expect(item.notes).toContain('головне зображення допису (вкладення 301) не імпортовано: його немає в експорті');
  });
});
