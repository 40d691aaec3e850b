import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkLinks, pageReferences, xmlReferences } from '../../helpers/site-links.ts';

let dir: string;

async function put(path: string, text: string): Promise<void> {
  await mkdir(dirname(join(dir, path)), { recursive: true });
  await writeFile(join(dir, path), text);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'arkhiv-links-'));
  await put(
    'index.html',
    '<a href="/sub/a/">ok</a><a href="a/#top">ok</a><a href="/sub/missing/">broken</a><a href="/elsewhere/">outside</a><a href="https://other.example/">external</a><img srcset="/sub/x.png 1x, /sub/y.png 2x"><a href="#nowhere">fragment</a>',
  );
  await put('a/index.html', '<h1 id="top">A</h1><meta http-equiv="refresh" content="0; url=/sub/gone/">');
  await put('x.png', '');
  await put(
    'rss.xml',
    '<?xml version="1.0"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><link>https://example.org/sub/</link><atom:link href="https://example.org/sub/rss.xml" rel="self"/><item><link>https://example.org/sub/old/</link><guid isPermaLink="true">https://example.org/sub/a/</guid></item></channel></rss>',
  );
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the link checker', () => {
  test('finds links in attributes, srcset and meta refresh', () => {
    expect(
      pageReferences(
        '<img srcset="a.png 1x, b.png 2x"><meta http-equiv="refresh" content="0; url=/c/"><form action="/s/"></form>',
      ).links.sort(),
    ).toEqual(['/c/', '/s/', 'a.png', 'b.png']);
  });

  test('finds links in feeds and sitemaps', () => {
    expect(xmlReferences('<urlset><url><loc>https://e.org/a/</loc></url></urlset>')).toEqual(['https://e.org/a/']);
  });

  test('reports every broken internal link and nothing else', async () => {
    const report = await checkLinks(dir, '/sub/', 'https://example.org');
    expect(report.broken.map((b) => `${b.from} → ${b.link}: ${b.reason}`).sort()).toEqual([
      'a/index.html → /sub/gone/: no file gone/index.html',
      'index.html → #nowhere: no element with id "nowhere" in index.html',
      'index.html → /elsewhere/: outside the base /sub/',
      'index.html → /sub/missing/: no file missing/index.html',
      'index.html → /sub/y.png: no file y.png',
      'rss.xml → https://example.org/sub/old/: no file old/index.html',
    ]);
  });

  test('accepts paths that another part of the project has yet to provide', async () => {
    const report = await checkLinks(dir, '/sub/', 'https://example.org', ['missing/', 'gone/']);
    expect(report.broken.map((b) => b.link)).not.toContain('/sub/missing/');
  });
});
