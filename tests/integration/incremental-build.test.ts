import { cp, lstat, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildCacheDir, buildSite, PROJECT_ROOT } from '../helpers/build-site.ts';

/**
 * Article and day pages are copied from the last build when their cache keys
 * (src/lib/site/cache-keys.ts) are unchanged. Whatever an edit touches (the new
 * article, its neighbours' previous/next links, related lists, day pages),
 * a rebuild must equal a clean build of the same archive.
 */
const work = join(PROJECT_ROOT, 'tests/.output/incremental-build');
const archive = join(work, 'archive');
const NEW_ARTICLE = join(archive, 'articles/2022/02/24/nova-stattia-dlia-perevirky.md');
/** An article of the same day, later than the new one, whose body shows an image beside it: the new article is its previous one. */
const IMAGE_ARTICLE = join(archive, 'articles/2022/02/24/skhema-nastupu.md');
const IMAGE_PAGE = '2022/02/24/skhema-nastupu/index.html';

async function htmlFiles(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true })) {
    // The search page carries the build's id; the index is not part of this build (one build id per test build).
    if (!entry.endsWith('.html') || entry.startsWith('search')) continue;
    files.set(entry, await readFile(join(dir, entry), 'utf8'));
  }
  return files;
}

/** Every file and folder of a built site, sorted. */
async function allFiles(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).map((path) => path.replace(/\\/g, '/')).sort();
}

beforeAll(async () => {
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true });
  await cp(join(PROJECT_ROOT, 'tests/fixtures/archive'), archive, { recursive: true });
  await writeFile(
    IMAGE_ARTICLE.replace(/\.md$/, '.png'),
    await sharp({ create: { width: 300, height: 200, channels: 3, background: '#336699' } })
      .png()
      .toBuffer(),
  );
  await writeFile(
    IMAGE_ARTICLE,
    '---\ntitle: Схема наступу\ndate: 2022-02-24T18:00:00+02:00\ntopics: [viina]\nsummary: Схема.\nid: sha256:00000000000000fe\n---\n\n![Схема наступу](./skhema-nastupu.png)\n',
  );
  const first = await buildSite({ content: archive, outDir: join(work, 'incremental') });
  expect(first.code, first.stderr).toBe(0);
}, 180_000);

test('the incremental cache keeps each rendered page as a link to the page written, not a second copy', async () => {
  const cached = join(buildCacheDir(join(work, 'incremental')), 'dist');
  const pages = (await readdir(cached, { recursive: true })).filter((path) => path.endsWith('.html'));
  expect(pages).toContain('2022/02/24/index.html');
  for (const page of pages) {
    const [copy, written] = await Promise.all([lstat(join(cached, page)), lstat(join(work, 'incremental', page))]);
    expect({ page, ino: copy.ino, dev: copy.dev }).toEqual({ page, ino: written.ino, dev: written.dev });
  }
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

test('adding an article and rebuilding gives the pages of a clean build', async () => {
  await writeFile(
    NEW_ARTICLE,
    '---\ntitle: Нова стаття для перевірки\ndate: 2022-02-24T12:00:00+02:00\ntopics: [viina]\nsummary: Короткий лід.\nid: sha256:00000000000000ff\n---\n\nТекст нової статті.\n',
  );
  const rebuilt = await buildSite({ content: archive, outDir: join(work, 'incremental'), keepOutDir: true });
  expect(rebuilt.code, rebuilt.stderr).toBe(0);
  expect(`${rebuilt.stdout}`).toMatch(/\(cached\)|\(restored\)/);
  const clean = await buildSite({ content: archive, outDir: join(work, 'clean') });
  expect(clean.code, clean.stderr).toBe(0);
  const [incremental, fresh] = await Promise.all([htmlFiles(join(work, 'incremental')), htmlFiles(join(work, 'clean'))]);
  expect([...incremental.keys()].sort()).toEqual([...fresh.keys()].sort());
  expect(incremental.get('2022/02/24/nova-stattia-dlia-perevirky/index.html')).toContain('Текст нової статті.');
  // Rendered again (its previous article changed) from an entry the loader kept: its image is still processed.
  expect(incremental.get(IMAGE_PAGE)).toContain('Нова стаття для перевірки');
  expect(incremental.get(IMAGE_PAGE)).toMatch(/<img alt="Схема наступу"[^>]* src="\/_astro\/skhema-nastupu\.[\w-]+\.webp">/);
  const differing = [...fresh].filter(([path, html]) => incremental.get(path) !== html).map(([path]) => path);
  expect(differing).toEqual([]);
}, 300_000);

test('removing the article again removes its page and folder, and the rebuild still equals a clean build', async () => {
  await rm(NEW_ARTICLE);
  const rebuilt = await buildSite({ content: archive, outDir: join(work, 'incremental'), keepOutDir: true });
  expect(rebuilt.code, rebuilt.stderr).toBe(0);
  const clean = await buildSite({ content: archive, outDir: join(work, 'clean') });
  expect(clean.code, clean.stderr).toBe(0);
  const [incremental, fresh] = await Promise.all([allFiles(join(work, 'incremental')), allFiles(join(work, 'clean'))]);
  expect(incremental.filter((path) => !path.startsWith('pagefind/'))).toEqual(fresh.filter((path) => !path.startsWith('pagefind/')));
  expect(incremental).not.toContain('2022/02/24/nova-stattia-dlia-perevirky');
}, 300_000);
