import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLParser } from 'fast-xml-parser';
import { parseFragment } from 'parse5';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { text, type El } from '../helpers/html.ts';
import { fixtureSite, VARIANTS, type Variant } from '../helpers/site-fixture.ts';
import { listFiles } from '../helpers/site-links.ts';
import { findXmlError } from '../../scripts/lib/readers/xml-errors.ts';

const HOSTILE_SUMMARY = 'Лід із <b>тегами</b> та "лапками" & амперсандом </script>.';
const HOSTILE_TITLE = '</script><script>alert(1)</script> і "><img src=x onerror=alert(1)> у заголовку';
const RFC_822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (GMT|[+-]\d{4})$/;

async function readXml(outDir: string, file: string): Promise<string> {
  const xml = await readFile(join(outDir, file), 'utf8');
  expect(findXmlError(xml), file).toBeUndefined();
  return xml;
}

describe.each(Object.keys(VARIANTS) as Variant[])('feeds and discovery files (%s)', (variant) => {
  const prefix = `${VARIANTS[variant].site}${VARIANTS[variant].base}`;

  test('the site feed is RSS 2.0 with absolute links under the base and full dates', async () => {
    const { outDir } = await fixtureSite(variant);
    const xml = await readXml(outDir, 'rss.xml');
    const feed = parseFeed(xml);
    expect(feed.meta.type).toBe('rss');
    expect(feed.meta.version).toBe('2.0');
    expect(feed.title).toBe('Архів: найновіші статті');
    expect(feed.url).toBe(prefix);
    expect(feed.language).toBe('uk');
    expect(feed.self).toBe(`${prefix}rss.xml`);
    expect(feed.items).toHaveLength(26);
    expect(feed.items[0]!.url).toBe(`${prefix}2023/12/15/zymova-pidhotovka-enerhetykiv/`);
    for (const item of feed.items) {
      expect(item.url!.startsWith(prefix), item.url!).toBe(true);
      expect(item.published).toBeInstanceOf(Date);
    }
    const pubDates = [...xml.matchAll(/<pubDate>([^<]+)<\/pubDate>/g)].map((m) => m[1]!);
    expect(pubDates).toHaveLength(26);
    for (const date of pubDates) expect(date).toMatch(RFC_822);
    expect(feed.items.find((i) => i.url!.endsWith('/rosiia-rozpochala-povnomasshtabne-vtorhnennia/'))!.published!.toISOString()).toBe(
      '2022-02-24T03:00:00.000Z',
    );
  });

  test('feeds carry hostile titles as text', async () => {
    const { outDir } = await fixtureSite(variant);
    const xml = await readXml(outDir, 'topics/viina/rss.xml');
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain('<img');
    const item = parseFeed(xml).items.find((i) => i.url!.endsWith('/nebezpechnyi-zaholovok/'));
    expect(item!.title).toBe(HOSTILE_TITLE);
  });

  test('an item’s description is the summary as plain text: a feed reader, which reads it as HTML, shows its characters', async () => {
    const { outDir } = await fixtureSite(variant);
    const xml = await readXml(outDir, 'topics/viina/rss.xml');
    const description = [...xml.matchAll(/<description>([^<]*)<\/description>/g)].map((m) => m[1]!).find((d) => d.startsWith('Лід із'));
    // What the XML holds, decoded as any XML parser decodes it; then read as HTML, as feed readers read a description.
    const html = new XMLParser({ processEntities: true, htmlEntities: false }).parse(`<d>${description}</d>`) as { d: string };
    expect(text(parseFragment(html.d) as El)).toBe(HOSTILE_SUMMARY);
  });

  test('each topic has a feed of its own articles, newest first', async () => {
    const { outDir } = await fixtureSite(variant);
    const feed = parseFeed(await readXml(outDir, 'topics/kazakhstan/rss.xml'));
    expect(feed.title).toBe('Архів: Казахстан');
    expect(feed.url).toBe(`${prefix}topics/kazakhstan/`);
    expect(feed.items.map((i) => i.url)).toEqual([
      `${prefix}2022/01/11/z-kazakhstanu-vyvodiat-viiska/`,
      `${prefix}2022/01/05/u-kazakhstani-tryvaiut-protesty/`,
    ]);
    expect(feed.items[0]!.categories.map((c) => c.label)).toEqual(['Казахстан', 'Війна']);
    // A topic without articles has no feed (nor a page) until its first article.
    expect(existsSync(join(outDir, 'topics/sport/rss.xml'))).toBe(false);
  });

  test('each author has a feed of their own articles, newest first', async () => {
    const { outDir } = await fixtureSite(variant);
    const feed = parseFeed(await readXml(outDir, 'authors/taras-kovalchuk/rss.xml'));
    expect(feed.title).toBe('Архів: Тарас Ковальчук');
    expect(feed.description).toBe('Тарас Ковальчук: найновіші статті.');
    expect(feed.url).toBe(`${prefix}authors/taras-kovalchuk/`);
    expect(feed.items.map((i) => i.url)).toEqual([
      `${prefix}2022/11/23/blekaut-pislia-obstrilu/`,
      `${prefix}2021/03/15/u-kanevi-onovyly-muzei-shevchenka/`,
    ]);
    expect(existsSync(join(outDir, 'authors/iryna-bondar/rss.xml'))).toBe(false);
  });

  test('the sitemap lists every indexable page once, and nothing else', async () => {
    const { outDir } = await fixtureSite(variant);
    const parser = new XMLParser({ isArray: (name) => ['sitemap', 'url'].includes(name) });
    const index = parser.parse(await readXml(outDir, 'sitemap-index.xml')) as { sitemapindex: { sitemap: Array<{ loc: string }> } };
    const locs: string[] = [];
    for (const { loc } of index.sitemapindex.sitemap) {
      expect(loc.startsWith(prefix)).toBe(true);
      const part = parser.parse(await readXml(outDir, loc.slice(prefix.length))) as { urlset: { url: Array<{ loc: string }> } };
      locs.push(...part.urlset.url.map((u) => u.loc));
    }
    const pages = (await listFiles(outDir))
      .filter((f) => f.endsWith('index.html') && !f.startsWith('pagefind/'))
      .map((f) => `${prefix}${f.replace(/index\.html$/, '')}`);
    const redirects = [`${prefix}2023/02/24/richnytsia-viiny/`, `${prefix}2023/02/23/rik-viiny/`];
    expect(new Set(locs).size).toBe(locs.length);
    expect(locs.sort()).toEqual(pages.filter((p) => !redirects.includes(p)).sort());
    expect(locs).not.toContain(`${prefix}topics/sport/`);
    expect(locs).toEqual(
      expect.arrayContaining([`${prefix}authors/`, `${prefix}authors/olena-petrenko/`, `${prefix}authors/olena-petrenko/1/`]),
    );
  });

  test('robots.txt points at the sitemap under the site and base', async () => {
    const { outDir } = await fixtureSite(variant);
    expect(await readFile(join(outDir, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${prefix}sitemap-index.xml\n`);
  });

  test('_headers sends the pages’ policy as a header, and SVG files a policy that runs no script, under the base', async () => {
    const { outDir } = await fixtureSite(variant);
    const base = VARIANTS[variant].base;
    const html = await readFile(join(outDir, 'index.html'), 'utf8');
    const pagePolicy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1]!;
    expect((await readFile(join(outDir, '_headers'), 'utf8')).split('\n')).toEqual([
      `${base}*`,
      `  Content-Security-Policy: ${pagePolicy}; frame-ancestors 'self'`,
      '  X-Content-Type-Options: nosniff',
      `${base}*.svg`,
      "  Content-Security-Policy: default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox",
      '',
    ]);
  });
});
