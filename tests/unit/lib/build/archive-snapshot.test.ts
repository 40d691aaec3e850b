import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { loadSnapshot, readArchiveSnapshot, saveSnapshot, statArchive } from '#lib/build/archive-snapshot.ts';

let dir: string;
const ARTICLE = (topics: string) =>
  `---\ntitle: "Стаття"\ndate: 2024-06-03\ntopics: [${topics}]\naliases: [/2020/01/01/stara/]\nsummary: "Лід."\nid: sha256:0a1b2c3d4e5f6a7b\n---\n\nТекст.\n`;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'arkhiv-snapshot-'));
  await mkdir(join(dir, 'articles/2024/06/03'), { recursive: true });
  await writeFile(join(dir, 'articles/2024/06/03/stattia.md'), ARTICLE('kultura'));
  await writeFile(join(dir, 'articles/2024/06/03/skhema.png'), 'png');
  await writeFile(join(dir, 'topics.yaml'), '- slug: kultura\n');
  await writeFile(join(dir, '.ingest.lock'), '1');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('knows each article’s topics and former addresses, and every other file of the archive but hidden ones', async () => {
  const snapshot = await readArchiveSnapshot(dir, statArchive(dir));
  expect(snapshot.articles.get('2024/06/03/stattia.md')).toMatchObject({
    topics: ['kultura'],
    aliases: ['/2020/01/01/stara/'],
    readable: true,
  });
  expect([...snapshot.others.keys()].sort()).toEqual(['articles/2024/06/03/skhema.png', 'topics.yaml']);
});

test('reads again only the articles whose time or size changed, and marks one it cannot read', async () => {
  const first = await readArchiveSnapshot(dir, statArchive(dir));
  await writeFile(join(dir, 'articles/2024/06/03/druha.md'), 'без метаданих');
  const second = await readArchiveSnapshot(dir, statArchive(dir), first);
  expect(second.articles.get('2024/06/03/stattia.md')).toBe(first.articles.get('2024/06/03/stattia.md'));
  expect(second.articles.get('2024/06/03/druha.md')).toMatchObject({ readable: false });

  await writeFile(join(dir, 'articles/2024/06/03/stattia.md'), ARTICLE('ekonomika'));
  await utimes(join(dir, 'articles/2024/06/03/stattia.md'), new Date(2030, 0, 1), new Date(2030, 0, 1));
  expect((await readArchiveSnapshot(dir, statArchive(dir), second)).articles.get('2024/06/03/stattia.md')?.topics).toEqual(['ekonomika']);
});

test('is saved under a new id and loaded back', async () => {
  const snapshot = await readArchiveSnapshot(dir, statArchive(dir));
  const file = join(dir, '.cache/archive.json');
  const id = saveSnapshot(file, snapshot);
  const loaded = loadSnapshot(file);
  expect(loaded?.id).toBe(id);
  expect(loaded?.articles).toEqual(snapshot.articles);
  expect(saveSnapshot(file, snapshot)).not.toBe(id);
  expect(loadSnapshot(join(dir, 'missing.json'))).toBeUndefined();
});
