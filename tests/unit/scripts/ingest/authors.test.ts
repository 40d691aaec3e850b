import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { parseAuthors } from '#lib/archive/authors.ts';
import { validateAuthors } from '#lib/archive/validate-authors.ts';
import { compileTaxonomy } from '#lib/archive/taxonomy.ts';
import { appendAuthors, authorIndex, authorsAddition, loadAuthorsFile, mapByline } from '../../../../scripts/lib/ingest/authors.ts';
import { writeListAdditions } from '../../../../scripts/lib/ingest/list-additions.ts';
import { prepareItem } from '../../../../scripts/lib/ingest/prepare-item.ts';
import { readJsonItems } from '../../../../scripts/lib/readers/read-json-items.ts';

const KNOWN = authorIndex([
  { slug: 'olena-petrenko', name: 'Олена Петренко' },
  { slug: 'o-koval', name: 'Оксана Коваль' },
]);

describe('mapping bylines to authors.yaml', () => {
  test.each([
    ['a known name', ['Олена Петренко'], ['olena-petrenko'], []],
    ['a known name in other case and spacing', ['  олена   ПЕТРЕНКО '], ['olena-petrenko'], []],
    ['a known name whose slug is not its transliteration', ['Оксана Коваль'], ['o-koval'], []],
    [
      'an unknown name: a new author with the official transliteration',
      ['Марʼяна Гнатюк'],
      ['mariana-hnatiuk'],
      [{ slug: 'mariana-hnatiuk', name: 'Марʼяна Гнатюк' }],
    ],
  ])('%s', (_, names, slugs, created) => {
    const byline = mapByline(names, KNOWN);
    expect(byline.slugs).toEqual(slugs);
    expect(byline.created).toEqual(created);
    expect(byline.notes).toEqual([]);
  });

  test('one person named twice in a byline is one author; a name in Latin letters is the author with that slug', () => {
    const byline = mapByline(['Тарас Ковальчук', 'тарас ковальчук', 'Olena Petrenko'], KNOWN);
    expect(byline.slugs).toEqual(['taras-kovalchuk', 'olena-petrenko']);
    expect(byline.created).toEqual([{ slug: 'taras-kovalchuk', name: 'Тарас Ковальчук' }]);
  });

  test('a name that gives no slug is left out with a note; bidirectional controls are removed', () => {
    const byline = mapByline(['—', '\u202EОлена Петренко'], KNOWN);
    expect(byline.slugs).toEqual(['olena-petrenko']);
    expect(byline.notes).toEqual([
      'автора «—» не записано: з імені не виходить адреса сторінки (латиниця чи кирилиця)',
      'в імені автора прибрано символи керування напрямком тексту (U+202E): вони показували б текст не в тому порядку, у якому він записаний',
    ]);
  });

  test('a prepared item names its authors by slug in the front matter', async () => {
    const [item] = readJsonItems(
      JSON.stringify([
        {
          title: 'Бюджет ухвалено',
          date: '2022-01-11',
          authors: ['Олена Петренко', 'Тарас Ковальчук'],
          body: 'Міська рада ухвалила бюджет.',
        },
      ]),
      'a.json',
    ).items;
    const prepared = await prepareItem(item!, { taxonomy: compileTaxonomy([]), today: '2026-11-25', authors: KNOWN });
    if ('error' in prepared) throw new Error(prepared.error);
    expect(prepared.data.authors).toEqual(['olena-petrenko', 'taras-kovalchuk']);
    expect(prepared.newAuthors).toEqual([{ slug: 'taras-kovalchuk', name: 'Тарас Ковальчук' }]);
    expect(new TextDecoder().decode(prepared.content)).toContain('\ntopics: []\nauthors: [olena-petrenko, taras-kovalchuk]\nsummary:');
  });
});

describe('appending new authors to authors.yaml', () => {
  const added = [
    { slug: 'taras-kovalchuk', name: 'Тарас Ковальчук' },
    { slug: 'ivan-nechui', name: 'Іван: Нечуй' },
  ];

  test('keeps the file as it is and adds entries that read back', () => {
    const text = '# Автори редакції\n- slug: olena-petrenko\n  name: Олена Петренко\n  bio: Кореспондентка.\n';
    const next = appendAuthors(text, added);
    expect(next.startsWith(text)).toBe(true);
    expect(parseAuthors(next)).toEqual([{ slug: 'olena-petrenko', name: 'Олена Петренко', bio: 'Кореспондентка.' }, ...added]);
    expect(validateAuthors(next, 'authors.yaml').problems).toEqual([]);
  });

  test('creates the file, or rewrites a flow list, when there is no block list to append to', () => {
    expect(parseAuthors(appendAuthors(undefined, added))).toEqual(added);
    expect(parseAuthors(appendAuthors('# порожньо\n', added))).toEqual(added);
    expect(parseAuthors(appendAuthors('[{slug: a, name: А}]\n', added))).toEqual([{ slug: 'a', name: 'А' }, ...added]);
  });
});

describe('writing new authors', () => {
  const root = join(import.meta.dirname, '../../../.output/ingest-authors-unit');
  const added = [{ slug: 'taras-kovalchuk', name: 'Тарас Ковальчук' }];
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  test('never over a version of authors.yaml the run did not read, nor over one created meanwhile', async () => {
    await rm(root, { recursive: true, force: true });
    await mkdir(root, { recursive: true });
    const path = join(root, 'authors.yaml');
    await writeFile(path, '- slug: olena-petrenko\n  name: Олена Петренко\n');
    const read = await loadAuthorsFile(root);
    if ('error' in read) throw new Error(read.error);
    await writeFile(path, '- slug: olena-petrenko\n  name: Олена Петренко\n  bio: Дописано вручну.\n');
    expect(authorsAddition(root, read, [])).toBeUndefined();
    expect(writeListAdditions([authorsAddition(root, read, added)!])).toBe(path);
    expect(await readFile(path, 'utf8')).toContain('Дописано вручну.');

    await rm(path);
    const none = await loadAuthorsFile(root);
    if ('error' in none) throw new Error(none.error);
    expect(none.authors).toEqual([]);
    await writeFile(path, '- slug: iryna-bondar\n  name: Ірина Бондар\n');
    expect(writeListAdditions([authorsAddition(root, none, added)!])).toBe(path);
    expect(parseAuthors(await readFile(path, 'utf8')).map((a) => a.slug)).toEqual(['iryna-bondar']);

    const current = await loadAuthorsFile(root);
    if ('error' in current) throw new Error(current.error);
    expect(writeListAdditions([authorsAddition(root, current, added)!])).toBeUndefined();
    expect(parseAuthors(await readFile(path, 'utf8')).map((a) => a.slug)).toEqual(['iryna-bondar', 'taras-kovalchuk']);
  });
});
