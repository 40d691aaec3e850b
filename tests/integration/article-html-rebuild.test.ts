import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deserialize } from 'node:v8';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildSite, PROJECT_ROOT } from '../helpers/build-site.ts';

/**
 * The rendered bodies of Markdown articles are kept out of Astro's data store
 * (src/loaders/articles.ts), and so is their front matter, which goes to a
 * store of its own; a rebuild with a warm cache must still show every edit,
 * and a body or front matter lost from the cache is loaded again.
 */
const work = join(PROJECT_ROOT, 'tests/.output/article-html-rebuild');
const archive = join(work, 'archive');
const outDir = join(work, 'site');
const ARTICLE = '2022/02/24/rosiia-rozpochala-povnomasshtabne-vtorhnennia';
const source = join(archive, 'articles', `${ARTICLE}.md`);

async function findFile(dir: string, name: string): Promise<string | undefined> {
  for (const entry of await readdir(dir, { recursive: true })) if (entry.endsWith(name)) return join(dir, entry);
  return undefined;
}

beforeAll(async () => {
  await rm(work, { recursive: true, force: true });
  await mkdir(join(archive, 'articles/2022/02/24'), { recursive: true });
  await cp(join(PROJECT_ROOT, 'tests/fixtures/archive/topics.yaml'), join(archive, 'topics.yaml'));
  await cp(join(PROJECT_ROOT, 'tests/fixtures/archive/authors.yaml'), join(archive, 'authors.yaml'));
  await cp(join(PROJECT_ROOT, 'tests/fixtures/archive/articles', `${ARTICLE}.md`), source);
  const first = await buildSite({ content: archive, outDir });
  expect(first.code, first.stderr).toBe(0);
}, 180_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

test('Astro’s data store holds neither front matter nor bodies; the front matter is kept beside it, without the body', async () => {
  const store = await findFile(work, 'data-store.json');
  expect(store).toBeDefined();
  const text = await readFile(store!, 'utf8');
  expect(text).toContain(ARTICLE);
  expect(text).not.toContain('Росія розпочала повномасштабне вторгнення в Україну');
  expect(text).not.toContain('Близько пʼятої ранку');
  const kept = await findFile(work, 'arkhiv-front-matter.bin');
  expect(kept).toBeDefined();
  const frontMatter = deserialize(await readFile(kept!)) as Map<string, { digest: string; data: { title: string; date: Date } }>;
  const entry = frontMatter.get(ARTICLE);
  expect(entry?.data.title).toContain('Росія розпочала повномасштабне вторгнення');
  expect(entry?.data.date).toBeInstanceOf(Date);
  expect(JSON.stringify([...frontMatter.values()])).not.toContain('Близько пʼятої ранку');
});

test('an edited body shows after a rebuild with a warm cache', async () => {
  const page = join(outDir, ARTICLE, 'index.html');
  expect(await readFile(page, 'utf8')).toContain('Близько пʼятої ранку');
  const original = await readFile(source, 'utf8');
  await writeFile(source, original.replace('Близько пʼятої ранку', 'Близько четвертої ранку'));
  const second = await buildSite({ content: archive, outDir });
  expect(second.code, second.stderr).toBe(0);
  const html = await readFile(page, 'utf8');
  expect(html).toContain('Близько четвертої ранку');
  expect(html).not.toContain('Близько пʼятої ранку');
}, 180_000);

test('front matter lost from the cache is read again, not trusted to the digest', async () => {
  const kept = await findFile(work, 'arkhiv-front-matter.bin');
  await rm(kept!);
  const again = await buildSite({ content: archive, outDir });
  expect(again.code, again.stderr).toBe(0);
  expect(await readFile(join(outDir, ARTICLE, 'index.html'), 'utf8')).toContain('Близько четвертої ранку');
  expect(await findFile(work, 'arkhiv-front-matter.bin')).toBeDefined();
}, 180_000);

test('a body file lost from the cache is rendered again, not trusted to the digest', async () => {
  const bodyFile = await findFile(work, `${ARTICLE.split('/').pop()}.json`);
  expect(bodyFile).toBeDefined();
  await rm(bodyFile!);
  const again = await buildSite({ content: archive, outDir });
  expect(again.code, again.stderr).toBe(0);
  expect(await readFile(join(outDir, ARTICLE, 'index.html'), 'utf8')).toContain('Близько четвертої ранку');
}, 180_000);
