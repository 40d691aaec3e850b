import { XMLParser } from 'fast-xml-parser';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, test } from 'vitest';
import { attr, loadPage, meta, text, within, type El } from '../helpers/html.ts';
import { fixtureSite, VARIANTS, type Variant } from '../helpers/site-fixture.ts';

/** The fixture's articles with a lead photo: a local JPEG of 1200×800, a local PNG of 600×400 and a remote photo. */
const MUSEUM = '2022/06/15/muzei-riatuiut-kolektsii/';
const FLAGS = '2023/05/09/den-ievropy-u-varshavi/';
const REMOTE = '2023/09/20/vystup-v-oon-pro-myr/';
const REMOTE_SRC = 'https://photos.example.org/2023/09/20/zala-asambleyi.jpg';

/** `srcset` as [URL, width] pairs. */
const candidates = (img: El): Array<[string, number]> =>
  (attr(img, 'srcset') ?? '').split(', ').map((entry) => {
    const [url, width] = entry.split(' ');
    return [url!, Number(width!.replace(/w$/, ''))];
  });

/** The built file of a root-relative URL of the site. */
const fileOf = (outDir: string, base: string, url: string): string => join(outDir, url.slice(base.length));

describe.each(Object.keys(VARIANTS) as Variant[])('lead photos (%s)', (variant) => {
  const { base, site } = VARIANTS[variant];
  const prefix = `${site}${base}`;
  let outDir: string;

  // The first build of the fixture may wait for others: a hook has the time for it.
  beforeAll(async () => {
    outDir = (await fixtureSite(variant)).outDir;
  });

  test('an article page shows its photo above the text in WebP sizes that fit the column, each file built', async () => {
    const page = await loadPage(outDir, MUSEUM);
    // In the article's header, after the headline and the lead: above the text.
    const figure = within(within(page.one('article'), 'header')[0]!, 'figure', { class: 'lead-photo' });
    expect(figure).toHaveLength(1);
    expect(page.all('figure', { class: 'lead-photo' })).toHaveLength(1);
    const img = within(figure[0]!, 'img')[0]!;
    expect(attr(img, 'alt')).toBe('Будівля музею з червоним дахом на тлі ясного неба');
    expect(attr(img, 'loading')).toBe('eager');
    expect([attr(img, 'width'), attr(img, 'height')]).toEqual(['1200', '800']);
    expect(attr(img, 'sizes')).toBe('(min-width: 44rem) 42rem, 100vw');
    const sizes = candidates(img);
    expect(sizes.map(([, width]) => width)).toEqual([480, 720, 1080, 1200]);
    expect(attr(img, 'src')).toBe(sizes.at(-1)![0]);
    for (const [url, width] of sizes) {
      expect(url).toMatch(new RegExp(`^${base}${MUSEUM}muzei-skhovyshche-[0-9a-f]{10}-${width}\\.webp$`));
      const bytes = await readFile(fileOf(outDir, base, url));
      expect(await sharp(bytes).metadata()).toMatchObject({ format: 'webp', width, height: Math.round((width * 800) / 1200) });
    }
    expect(text(within(figure[0]!, 'figcaption')[0]!)).toBe('Фонди музею готують до евакуації.Фото: Архів');
  });

  test('a photo narrower than the column is not enlarged', async () => {
    const img = within((await loadPage(outDir, FLAGS)).one('figure', { class: 'lead-photo' }), 'img')[0]!;
    expect(candidates(img).map(([, width]) => width)).toEqual([480, 600]);
    expect([attr(img, 'width'), attr(img, 'height')]).toEqual(['600', '400']);
    expect(within((await loadPage(outDir, FLAGS)).one('figure', { class: 'lead-photo' }), 'figcaption')).toHaveLength(0);
  });

  test('a remote photo is shown from its address with the size the article gives, and never fetched', async () => {
    const img = within((await loadPage(outDir, REMOTE)).one('figure', { class: 'lead-photo' }), 'img')[0]!;
    expect(attr(img, 'src')).toBe(REMOTE_SRC);
    expect(attr(img, 'srcset')).toBeUndefined();
    expect([attr(img, 'width'), attr(img, 'height'), attr(img, 'referrerpolicy')]).toEqual(['1600', '900', 'no-referrer']);
  });

  test('lists show a small lazy photo of the articles that have a local one', async () => {
    for (const path of ['', 'topics/kultura/', '2022/06/']) {
      const page = await loadPage(outDir, path);
      const thumbnails = page.all('img', { class: 'thumbnail' });
      const museum = thumbnails.find((img) => attr(img, 'src')?.includes('muzei-skhovyshche'));
      if (path === '2022/06/') {
        expect(museum, 'compact lists have no photos').toBeUndefined();
        continue;
      }
      expect(museum, path).toBeDefined();
      expect(attr(museum!, 'loading')).toBe('lazy');
      expect(attr(museum!, 'alt')).toBe('');
      expect(attr(museum!, 'sizes')).toBe('8rem');
      expect([attr(museum!, 'width'), attr(museum!, 'height')]).toEqual(['256', '171']);
      for (const [url, width] of candidates(museum!)) {
        expect(width === 128 || width === 256).toBe(true);
        expect((await stat(fileOf(outDir, base, url))).isFile()).toBe(true);
      }
    }
    // A list page loads nothing from another host: a remote photo is shown on its article page only.
    expect((await loadPage(outDir, '')).all('img', { class: 'thumbnail' }).map((img) => attr(img, 'src'))).not.toContain(REMOTE_SRC);
  });

  test('link previews and NewsArticle carry the photo, its size and its description', async () => {
    const page = await loadPage(outDir, MUSEUM);
    const widest = candidates(within(page.one('figure', { class: 'lead-photo' }), 'img')[0]!).at(-1)![0];
    const absolute = `${site}${widest}`;
    expect(meta(page, 'og:image')).toBe(absolute);
    expect(meta(page, 'og:image:type')).toBe('image/webp');
    expect([meta(page, 'og:image:width'), meta(page, 'og:image:height')]).toEqual(['1200', '800']);
    expect(meta(page, 'og:image:alt')).toBe('Будівля музею з червоним дахом на тлі ясного неба');
    const data = JSON.parse(text(page.one('script', { type: 'application/ld+json' }))) as Record<string, unknown>;
    expect(data.image).toEqual([
      { '@type': 'ImageObject', url: absolute, width: 1200, height: 800, caption: 'Фонди музею готують до евакуації.' },
    ]);

    const remote = await loadPage(outDir, REMOTE);
    expect([meta(remote, 'og:image'), meta(remote, 'og:image:width'), meta(remote, 'og:image:height')]).toEqual([
      REMOTE_SRC,
      '1600',
      '900',
    ]);
    expect(meta(remote, 'og:image:type')).toBeUndefined();

    const plain = await loadPage(outDir, '2022/10/10/masovanyi-obstril-enerhetyky/');
    expect(plain.all('figure', { class: 'lead-photo' })).toHaveLength(0);
    expect(meta(plain, 'og:image')).toBe(`${prefix}og-image.png`);
  });

  test('feeds carry a local photo as an enclosure with its type and length, a remote one as media:content', async () => {
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });
    for (const feed of ['rss.xml', 'topics/kultura/rss.xml']) {
      const items = (
        parser.parse(await readFile(join(outDir, feed), 'utf8')) as { rss: { channel: { item: Array<Record<string, unknown>> } } }
      ).rss.channel.item;
      const museum = items.find((item) => item.link === `${prefix}${MUSEUM}`)!;
      const enclosure = museum.enclosure as { url: string; length: string; type: string };
      expect(enclosure.url).toMatch(new RegExp(`^${prefix}${MUSEUM}muzei-skhovyshche-[0-9a-f]{10}-1200\\.webp$`));
      expect(enclosure.type).toBe('image/webp');
      expect(Number(enclosure.length)).toBe((await stat(join(outDir, enclosure.url.slice(prefix.length)))).size);
      if (feed === 'rss.xml') {
        const remote = items.find((item) => item.link === `${prefix}${REMOTE}`)!;
        expect(remote['media:content']).toEqual({ url: REMOTE_SRC, medium: 'image', width: '1600', height: '900' });
        expect(remote.enclosure).toBeUndefined();
      }
    }
  });
});
