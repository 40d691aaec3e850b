import { readFile, rm, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { validateArchive } from '#lib/archive/validate-archive.ts';
import { writeFiles } from '../../../helpers/write-files.ts';

const OUTPUT = join(import.meta.dirname, '../../../.output/validate-archive-cache');
const TOPICS = '- slug: viina\n  name: Війна\n  match: [війн*]\n';
const ARTICLE = (id: string, topic = 'viina') =>
  `---\ntitle: Заголовок\ndate: 2022-01-11\ntopics: [${topic}]\nsummary: Лід.\nid: sha256:${id}\n---\n\nТекст.\n`;

afterAll(async () => {
  await rm(OUTPUT, { recursive: true, force: true });
});

describe('validateArchive with a cache file', () => {
  test('gives the same problems as without a cache, and sees every edit, new file and taxonomy change', async () => {
    const root = join(OUTPUT, 'archive');
    const cacheFile = join(OUTPUT, 'cache/validation.json');
    await rm(OUTPUT, { recursive: true, force: true });
    await writeFiles(root, {
      'topics.yaml': TOPICS,
      'articles/2022/01/11/a.md': ARTICLE('0123456789abcdef'),
      'articles/2022/01/11/b.md': ARTICLE('fedcba9876543210', 'nema'),
    });
    const validate = (withCache: boolean) => validateArchive(root, { relativeTo: root, ...(withCache ? { cacheFile } : {}) });
    const first = await validate(true);
    expect(first.map((p) => `${p.file}:${p.rule}`)).toEqual(['articles/2022/01/11/b.md:unknown-topic']);
    expect(JSON.parse(await readFile(cacheFile, 'utf8')).files).toHaveProperty(['articles/2022/01/11/a.md']);
    expect(await validate(true)).toEqual(first);

    // An edit of the same size: the modification time alone marks the file as changed.
    await writeFiles(root, { 'articles/2022/01/11/a.md': ARTICLE('0123456789abcdef', 'nemo') });
    await utimes(join(root, 'articles/2022/01/11/a.md'), new Date(), new Date(Date.now() + 5000));
    // A new file whose id clashes with a cached one: cross-file checks always run on the whole archive.
    await writeFiles(root, { 'articles/2022/01/11/c.md': ARTICLE('fedcba9876543210') });
    const edited = await validate(true);
    expect(edited).toEqual(await validate(false));
    expect(edited.map((p) => `${p.file}:${p.rule}`)).toEqual([
      'articles/2022/01/11/a.md:unknown-topic',
      'articles/2022/01/11/b.md:unknown-topic',
      'articles/2022/01/11/b.md:duplicate-id',
      'articles/2022/01/11/c.md:duplicate-id',
    ]);

    // A taxonomy that gains the topics invalidates every cached result.
    await writeFiles(root, {
      'topics.yaml': `${TOPICS}- slug: nema\n  name: Нема\n  match: [нема]\n- slug: nemo\n  name: Немо\n  match: [немо]\n`,
    });
    const retaxed = await validate(true);
    expect(retaxed).toEqual(await validate(false));
    expect(retaxed.map((p) => p.rule)).toEqual(['duplicate-id', 'duplicate-id']);
  });
});
