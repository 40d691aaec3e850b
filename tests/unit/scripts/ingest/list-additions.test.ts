import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { appendEntries, writeListAdditions } from '../../../../scripts/lib/ingest/list-additions.ts';

const parseList = (text: string) => parse(text) as object[];

describe('appending entries to a YAML list file', () => {
  const added = [
    { slug: 'vyshyvka', name: 'Вишивка', match: ['вишивка', 'вишиванк*'] },
    { slug: 'b', name: 'Б: два' },
  ];

  test('keeps comments and entries, appends one blank line apart, with lists inside an entry in flow style', () => {
    const text = '# Список\n- slug: a\n  name: А # коментар\n  match: [а*]\n\n\n';
    expect(appendEntries(text, added, parseList)).toBe(
      '# Список\n- slug: a\n  name: А # коментар\n  match: [а*]\n\n- slug: vyshyvka\n  name: Вишивка\n  match: [вишивка, вишиванк*]\n\n- slug: b\n  name: "Б: два"\n',
    );
  });

  test('creates the list when there is none, and rewrites a flow list in block style', () => {
    expect(parseList(appendEntries(undefined, added, parseList))).toEqual(added);
    expect(parseList(appendEntries('# порожньо\n', added, parseList))).toEqual(added);
    const rewritten = appendEntries('[{slug: a, name: А}]\n', added, parseList);
    expect(rewritten.startsWith('- slug: a\n')).toBe(true);
    expect(parseList(rewritten)).toEqual([{ slug: 'a', name: 'А' }, ...added]);
  });
});

describe('writing list additions', () => {
  const root = join(import.meta.dirname, '../../../.output/list-additions-unit');
  const topics = join(root, 'topics.yaml');
  const authors = join(root, 'authors.yaml');
  const before = new TextEncoder().encode('- slug: a\n');

  beforeEach(async () => {
    await rm(root, { recursive: true, force: true });
    await mkdir(root, { recursive: true });
    await writeFile(topics, before);
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  test('writes every file: a read one replaced, an absent one created', async () => {
    expect(
      writeListAdditions([
        { path: topics, read: before, content: '- slug: a\n- slug: b\n' },
        { path: authors, content: '- slug: c\n' },
      ]),
    ).toBeUndefined();
    expect(await readFile(topics, 'utf8')).toBe('- slug: a\n- slug: b\n');
    expect(await readFile(authors, 'utf8')).toBe('- slug: c\n');
    expect(writeListAdditions([])).toBeUndefined();
  });

  test('a file changed since it was read stops every write: neither file is touched', async () => {
    await writeFile(topics, '- slug: a\n- slug: edited\n');
    const changed = writeListAdditions([
      { path: topics, read: before, content: '- slug: a\n- slug: b\n' },
      { path: authors, content: '- slug: c\n' },
    ]);
    expect(changed).toBe(topics);
    expect(await readFile(topics, 'utf8')).toBe('- slug: a\n- slug: edited\n');
    expect((await readdir(root)).sort()).toEqual(['topics.yaml']);
  });

  test('a file created since the run found none stops every write: neither file is touched', async () => {
    await writeFile(authors, '- slug: someone\n');
    const changed = writeListAdditions([
      { path: topics, read: before, content: '- slug: a\n- slug: b\n' },
      { path: authors, content: '- slug: c\n' },
    ]);
    expect(changed).toBe(authors);
    expect(await readFile(topics, 'utf8')).toBe('- slug: a\n');
    expect(await readFile(authors, 'utf8')).toBe('- slug: someone\n');
    expect((await readdir(root)).sort()).toEqual(['authors.yaml', 'topics.yaml']);
  });
});
