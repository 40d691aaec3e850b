import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, rm } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { parse, parseFragment } from 'parse5';
import { beforeAll, describe, expect, test } from 'vitest';
import type { IngestReport } from '../../scripts/lib/ingest/report.ts';
import { buildSite, PROJECT_ROOT, type BuildResult } from '../helpers/build-site.ts';
import { runNode, type NodeRun } from '../helpers/run-node.ts';
import { checkLinks, pendingPages } from '../helpers/site-links.ts';

/**
 * A WordPress export through the real ingest CLI, `npm run check` and the
 * real build: first the project's own small export (every rule of the
 * reader), then the WordPress theme unit test export next to the project
 * (`../shared/corpus/wordpress/`), checked for loss: every published post
 * written, every paragraph and image in some article page, every other item
 * reported with its reason.
 */

const OUT = join(PROJECT_ROOT, 'tests/.output/ingest-wordpress');
const FIXTURES = join(PROJECT_ROOT, 'tests/fixtures/ingest/wordpress');
const CORPUS = resolve(PROJECT_ROOT, '../shared/corpus/wordpress/themeunittestdata.wordpress.xml');
const SITE = 'https://arkhiv.example';

interface HtmlNode {
  nodeName: string;
  value?: string;
  attrs?: Array<{ name: string; value: string }>;
  childNodes?: HtmlNode[];
  content?: HtmlNode;
}

function* walk(node: HtmlNode): Generator<HtmlNode> {
  yield node;
  for (const child of node.content?.childNodes ?? node.childNodes ?? []) yield* walk(child);
}

const textOf = (node: HtmlNode) => [...walk(node)].map((n) => (n.nodeName === '#text' ? n.value : '')).join('');
const attribute = (node: HtmlNode, name: string) => node.attrs?.find((a) => a.name === name)?.value;

interface Imported {
  archive: string;
  site: string;
  run: NodeRun;
  report: IngestReport;
  check: NodeRun;
  build: BuildResult;
}

/** Ingests `input` into an empty archive (the project's topics), checks it and builds it. */
async function importAndBuild(name: string, input: string, ...options: string[]): Promise<Imported> {
  const root = join(OUT, name);
  const archive = join(root, 'archive');
  const site = join(root, 'site');
  const reportPath = join(root, 'report.json');
  await rm(root, { recursive: true, force: true });
  await mkdir(archive, { recursive: true });
  await cp(join(PROJECT_ROOT, 'content/topics.yaml'), join(archive, 'topics.yaml'));
  const run = await runNode(['scripts/ingest.ts', '--content', archive, '--report', reportPath, ...options, input], { cwd: PROJECT_ROOT });
  const report = JSON.parse(await readFile(reportPath, 'utf8')) as IngestReport;
  const check = await runNode(['scripts/check.ts', '--content', archive], { cwd: PROJECT_ROOT });
  const build = await buildSite({ content: archive, outDir: site, site: SITE });
  return { archive, site, run, report, check, build };
}

const written = (imported: Imported) => imported.report.items.filter((item) => item.outcome === 'written');
const pageOf = (imported: Imported, path: string) =>
  join(imported.site, path.replace(/^articles\//, '').replace(/\.mdx?$/, ''), 'index.html');
const mainOf = async (imported: Imported, path: string) => {
  const document = parse(await readFile(pageOf(imported, path), 'utf8')) as unknown as HtmlNode;
  return [...walk(document)].find((node) => node.nodeName === 'main')!;
};

describe('the project’s WordPress export', () => {
  let imported: Imported;
  const input = relative(PROJECT_ROOT, join(FIXTURES, 'export.xml'));
  const byTitle = (start: string) => written(imported).find((item) => item.title!.startsWith(start))!;

  beforeAll(async () => {
    imported = await importAndBuild('fixture', join(FIXTURES, 'export.xml'), '--topic-map', join(FIXTURES, 'topic-map.yaml'));
  }, 600_000);

  test('every published post is written; the summary counts what was skipped, by kind, and says comments are not imported', () => {
    expect(imported.run.code, imported.run.stderr).toBe(0);
    expect(imported.report.counts).toMatchObject({ read: 15, written: 4, skipped: 11, error: 0, duplicate: 0, possibleUpdate: 0 });
    expect(written(imported).map((item) => item.source)).toEqual([`${input}:22`, `${input}:85`, `${input}:127`, `${input}:149`]);
    expect(imported.run.stdout).toContain(
      [
        'Пропущено (не статті, не записано; кожен запис із причиною — у звіті --report):',
        '  сторінка: 1',
        '  чернетка: 1',
        '  на розгляді: 1',
        '  запланований допис: 1',
        '  приватний допис: 1',
        '  допис у кошику: 1',
        '  пункт меню: 1',
        '  тип «product»: 1',
        '  вкладення (медіафайл): 3',
        `${input}: коментарі не імпортуються (в архіві їх немає); пропущено коментарів до опублікованих дописів: 1`,
      ].join('\n'),
    );
    expect(imported.run.stdout).toMatch(/; пропущено: 11\.$/m);
    const draft = imported.report.items.find((item) => item.source === `${input}:192`)!;
    expect(draft).toEqual({
      source: `${input}:192`,
      outcome: 'skipped',
      kind: 'чернетка',
      reason: 'чернетка (wp:status draft): в архів імпортуються лише опубліковані дописи',
      title: 'Чернетка про бюджет',
    });
  });

  test('dates, topics through the map, authors and the old permalink as an alias are in the front matter', async () => {
    const library = byTitle('У Вінниці');
    expect(library.path).toBe('articles/2023/03/14/u-vinnytsi-vidkryly-onovlenu-biblioteku-dlia-ditei.mdx');
    expect(library.topics).toEqual(['mistseva-vlada', 'osvita', 'sotsialna-polityka']);
    const file = await readFile(join(imported.archive, library.path!), 'utf8');
    expect(file).toContain('aliases:\n  - /2023/03/14/biblioteka-dlia-ditei/\n');
    expect(file).toContain('summary: Після ремонту дитяча бібліотека має компʼютерний клас і кімнату для малечі.\n');
    expect(file).toMatch(/^authors: \[oksana-kovalchuk\]$/m);
    expect(byTitle('Нічний потяг').path).toBe('articles/2023/06/01/nichnyi-potiah-do-uzhhoroda-kursuvatyme-shchodnia.mdx');
    expect(byTitle('Нічний потяг').topics).toEqual(['transport']);
  });

  test('what could not be carried over is named for a person to check', () => {
    expect(byTitle('У Вінниці').attention).toBe(true);
    expect(byTitle('У Вінниці').reason).toContain('шорткод [contact-form-7] не має відповідника в архіві: лишено текстом');
    // The featured image has its alt text: it is carried over as the lead image, nothing to check.
    expect(byTitle('У Вінниці').reason).not.toContain('головне зображення');
    expect(byTitle('Ярмарок').reason).toContain('тему «Вишивка» не знайдено в topics.yaml (не додано)');
    expect(byTitle('Нічний потяг').reason).toContain('стару адресу https://visti-podillia.example.org/?p=103 не перенаправлено');
  });

  test('the archive passes npm run check', () => {
    expect(imported.check.code, `${imported.check.stdout}\n${imported.check.stderr}`).toBe(0);
    expect(imported.check.stdout).toContain('Перевірено 4 статті: усе гаразд.');
  });

  test('the site builds: figures, click-to-load embeds, a table, and a redirect from the old address', async () => {
    expect(imported.build.code, imported.build.stderr.slice(-3000)).toBe(0);
    const main = await mainOf(imported, byTitle('У Вінниці').path!);
    const elements = [...walk(main)];
    const images = elements.filter((node) => node.nodeName === 'img').map((node) => attribute(node, 'src'));
    // The lead image (the post's featured image) first, then the body's figures.
    expect(images).toEqual([
      'https://visti-podillia.example.org/wp-content/uploads/2023/03/zala.jpg',
      'https://visti-podillia.example.org/wp-content/uploads/2023/03/fasad.jpg',
      'https://visti-podillia.example.org/wp-content/uploads/2023/03/zala.jpg',
      'https://visti-podillia.example.org/wp-content/uploads/2023/03/zala.jpg',
      'https://visti-podillia.example.org/wp-content/uploads/2023/03/kimnata.jpg',
    ]);
    expect(elements.filter((node) => node.nodeName === 'figcaption').map(textOf)).toContain('Нова читальна зала на другому поверсі');
    expect(elements.filter((node) => node.nodeName === 'img').map((node) => attribute(node, 'alt'))[0]).toBe(
      'Столи й лампи в читальній залі',
    );
    expect(elements.filter((node) => attribute(node, 'data-provider') === 'youtube')).toHaveLength(3);
    expect(elements.some((node) => node.nodeName === 'iframe')).toBe(false);
    expect(elements.filter((node) => node.nodeName === 'td').map(textOf)).toEqual([
      'Читальна зала',
      '10:00–18:00',
      'Абонемент',
      '9:00–17:00',
    ]);
    expect(textOf(main)).toContain('[contact-form-7 id=');
    expect(existsSync(join(imported.site, '2023/03/14/biblioteka-dlia-ditei/index.html'))).toBe(true);
  });

  test('hostile lines are text on the page and never elements', async () => {
    const main = await mainOf(imported, byTitle('Перевірка безпеки').path!);
    const elements = [...walk(main)];
    expect(elements.filter((node) => node.nodeName === 'script')).toEqual([]);
    expect(elements.filter((node) => node.attrs?.some((a) => a.name.startsWith('on')))).toEqual([]);
    expect(elements.filter((node) => /javascript:/i.test(attribute(node, 'href') ?? ''))).toEqual([]);
    const text = textOf(main);
    for (const line of ['{process.exit()}', 'import x from «y»', 'export const a = 1', '<img src=x onerror=alert(1)>'])
      expect(text).toContain(line);
    expect(text).not.toContain('alert(1)</script>');
  });

  test('the build has no broken internal links', async () => {
    const links = await checkLinks(imported.site, '/', SITE, pendingPages(PROJECT_ROOT));
    expect(links.broken).toEqual([]);
    expect(links.checked).toBeGreaterThan(links.pages);
  });
});

/** The items of a WordPress export, read with regular expressions (not with the reader under test). */
function exportItems(xml: string) {
  const field = (item: string, name: string) =>
    new RegExp(`<${name}>(?:<!\\[CDATA\\[)?([\\s\\S]*?)(?:\\]\\]>)?</${name}>`).exec(item)?.[1]?.trim() ?? '';
  return [...xml.matchAll(/<item>([\s\S]*?)<\/item>/g)].map((match) => {
    const item = match[1]!;
    return {
      line: xml.slice(0, match.index).split('\n').length,
      type: field(item, 'wp:post_type'),
      status: field(item, 'wp:status'),
      id: field(item, 'wp:post_id'),
      parent: field(item, 'wp:post_parent'),
      url: field(item, 'wp:attachment_url'),
      content: /<content:encoded><!\[CDATA\[([\s\S]*?)\]\]><\/content:encoded>/.exec(item)?.[1] ?? '',
    };
  });
}

/** Letters and digits only, in lower case: what typography, escaping and markup cannot change. */
const fold = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

const BLOCK_TAG = /<\/?(?:p|div|h[1-6]|ul|ol|li|blockquote|figure|figcaption|table|thead|tbody|tr|td|th|pre|dl|dt|dd|hr|br)\b[^>]*>/gi;

/** The text of each paragraph of a post as a reader sees it in WordPress; provider addresses on their own line and shortcodes that show media are not text. */
function postParagraphs(content: string): string[] {
  const captions = [...content.matchAll(/\[caption\b[^\]]*?\bcaption="([^"]*)"/g)].map((match) => match[1]!);
  const text = content
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, '')
    .replace(/\[(embed|youtube)\b[^\]]*\](?:[\s\S]*?\[\/\1\])?/g, '')
    .replace(/\[\/?(?:caption|gallery)\b[^\]]*\]/g, '')
    .replace(/^\s*https?:\/\/\S+\s*$/gm, '');
  const pieces = text.split(/\n\s*\n/).flatMap((piece) => piece.split(BLOCK_TAG));
  return [...pieces.map((piece) => textOf(parseFragment(piece) as unknown as HtmlNode)), ...captions].filter((piece) => fold(piece) !== '');
}

/** Addresses of the images a post shows: its `<img>` tags and the images of its galleries. */
function postImages(post: ReturnType<typeof exportItems>[number], items: ReturnType<typeof exportItems>, site: string): string[] {
  const images = [...post.content.matchAll(/<img\b[^>]*?\ssrc\s*=\s*"([^"]+)"/gi)].map((match) => new URL(match[1]!, site).href);
  for (const gallery of post.content.matchAll(/\[gallery\b([^\]]*)\]/g)) {
    const ids = /\bids="([^"]*)"/
      .exec(gallery[1]!)?.[1]
      ?.split(',')
      .map((id) => id.trim());
    const attachments = items.filter((item) => item.type === 'attachment' && (ids ? ids.includes(item.id) : item.parent === post.id));
    images.push(...attachments.map((attachment) => attachment.url));
  }
  return images;
}

describe.skipIf(!existsSync(CORPUS))('the WordPress theme unit test export (../shared/corpus/wordpress/)', () => {
  let imported: Imported;
  let items: ReturnType<typeof exportItems>;
  const input = relative(PROJECT_ROOT, CORPUS);
  const published = () => items.filter((item) => item.type === 'post' && item.status === 'publish');

  beforeAll(async () => {
    items = exportItems(await readFile(CORPUS, 'utf8'));
    imported = await importAndBuild('corpus', CORPUS);
  }, 600_000);

  test('every published post is written, the archive passes npm run check, and the site builds', () => {
    expect(imported.run.code, imported.run.stderr).toBe(0);
    expect(published()).toHaveLength(49);
    expect(
      written(imported)
        .map((item) => item.source)
        .sort(),
    ).toEqual(
      published()
        .map((post) => `${input}:${post.line}`)
        .sort(),
    );
    expect(imported.check.code, imported.check.stdout.slice(-3000)).toBe(0);
    expect(imported.build.code, imported.build.stderr.slice(-3000)).toBe(0);
  });

  test('every other item is reported as skipped, with its reason', () => {
    const others = items.filter((item) => !(item.type === 'post' && item.status === 'publish'));
    const skipped = imported.report.items.filter((item) => item.outcome === 'skipped');
    expect(skipped.map((item) => item.source).sort()).toEqual(others.map((item) => `${input}:${item.line}`).sort());
    for (const item of skipped) expect(item.reason, item.source).toMatch(/: в архів імпортуються лише (опубліковані )?дописи$/);
    expect(imported.report.counts).toMatchObject({ read: items.length, written: 49, skipped: others.length, error: 0 });
    expect(imported.report.notices).toEqual([expect.stringMatching(/коментарі не імпортуються/)]);
  });

  test('every paragraph and every image of a published post is in some article page', async () => {
    const pages = await Promise.all(written(imported).map((item) => mainOf(imported, item.path!)));
    const text = pages.map((main) => fold(textOf(main))).join('\n');
    const sources = new Set(
      pages.flatMap((main) => [...walk(main)].filter((node) => node.nodeName === 'img').map((node) => attribute(node, 'src'))),
    );
    const missingText: string[] = [];
    const missingImages: string[] = [];
    let paragraphs = 0;
    let images = 0;
    for (const post of published()) {
      for (const paragraph of postParagraphs(post.content)) {
        paragraphs += 1;
        if (!text.includes(fold(paragraph))) missingText.push(`${post.line}: ${paragraph}`);
      }
      for (const image of postImages(post, items, 'https://wpthemetestdata.wordpress.com/')) {
        images += 1;
        if (!sources.has(image)) missingImages.push(`${post.line}: ${image}`);
      }
    }
    expect(missingText).toEqual([]);
    expect(missingImages).toEqual([]);
    // The export's measured size: a reading of it that found (nearly) nothing would prove nothing.
    expect(paragraphs).toBeGreaterThan(700);
    expect(images).toBeGreaterThan(350);
  });

  test('the build has no broken internal links', async () => {
    const links = await checkLinks(imported.site, '/', SITE, pendingPages(PROJECT_ROOT));
    expect(links.broken).toEqual([]);
    expect(links.pages).toBeGreaterThan(49);
  });
});
