import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { articleHtmlDir, hasHtmlFile, readArticleHtml, writeArticleHtml } from '#lib/site/article-html-store.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'arkhiv-html-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('stored article bodies', () => {
  test('live in article-html/ inside the cache folder, whether given as a URL or a path', () => {
    expect(articleHtmlDir(new URL('file:///cache/')).replace(/\\/g, '/')).toBe('/cache/article-html');
    expect(articleHtmlDir('/cache').replace(/\\/g, '/')).toBe('/cache/article-html');
  });

  test('are read back as written, one file per article id, with no temporary file left', async () => {
    writeArticleHtml(dir, '2022/01/11/slug', { digest: 'abc', html: '<p>Текст</p>', words: 1 });
    expect(await readArticleHtml(dir, '2022/01/11/slug', 'abc')).toEqual({ digest: 'abc', html: '<p>Текст</p>', words: 1 });
    expect(await readdir(join(dir, '2022/01/11'))).toEqual(['slug.json']);
  });

  test('rendered from another version of the file are refused with the way out', async () => {
    writeArticleHtml(dir, '2022/01/11/slug', { digest: 'old', html: '<p>Старе</p>', words: 1 });
    await expect(readArticleHtml(dir, '2022/01/11/slug', 'new')).rejects.toThrow(
      /rendered body of article 2022\/01\/11\/slug is out of date .*Delete the cache folder/,
    );
  });

  test('that are missing or broken are refused with the way out', async () => {
    await expect(readArticleHtml(dir, '2022/01/11/none', 'x')).rejects.toThrow(
      /rendered body of article 2022\/01\/11\/none is missing or unreadable .*Delete the cache folder/,
    );
    await writeFile(join(dir, 'broken.json'), '{"html": ');
    await expect(readArticleHtml(dir, 'broken', 'x')).rejects.toThrow(/missing or unreadable/);
  });

  test('are kept apart only for plain Markdown: MDX and entries Astro renders itself stay in the data store', () => {
    expect(hasHtmlFile({})).toBe(true);
    expect(hasHtmlFile({ deferredRender: true })).toBe(false);
    expect(hasHtmlFile({ rendered: { html: '<p>x</p>' } })).toBe(false);
  });
});
