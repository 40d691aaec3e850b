import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { parseAuthors } from '#lib/archive/authors.ts';
import { validateArchive } from '#lib/archive/validate-archive.ts';
import type { IngestReport } from '../../scripts/lib/ingest/report.ts';
import { PROJECT_ROOT } from '../helpers/build-site.ts';
import { runNode } from '../helpers/run-node.ts';

const OUT = join(PROJECT_ROOT, 'tests/.output/ingest-authors');
const AUTHORS = '# Автори редакції\n- slug: olena-petrenko\n  name: Олена Петренко\n  bio: Кореспондентка міської редакції.\n';

function ingest(...args: string[]) {
  return runNode(['scripts/ingest.ts', ...args], { cwd: PROJECT_ROOT });
}

/** A fresh archive with the project's taxonomy and, if given, an authors.yaml. */
async function archive(name: string, authors?: string): Promise<string> {
  const root = join(OUT, name);
  await rm(root, { recursive: true, force: true });
  await mkdir(root, { recursive: true });
  await cp(join(PROJECT_ROOT, 'content/topics.yaml'), join(root, 'topics.yaml'));
  if (authors !== undefined) await writeFile(join(root, 'authors.yaml'), authors);
  return root;
}

/** A JSON input file of items with bylines. */
async function input(root: string, name: string, items: object[]): Promise<string> {
  const path = join(root, name);
  await writeFile(path, JSON.stringify(items, null, 2));
  return path;
}

const STORIES = [
  'Депутати міської ради ухвалили бюджет на ремонт шкіл. Голосували двадцять три депутати.',
  'У парку над річкою висадили сотню молодих каштанів. Волонтери поливатимуть їх усе літо.',
  'Трамвайне депо отримало три нові вагони з кондиціонерами. Вони вийдуть на маршрут у понеділок.',
  'Міська бібліотека подовжила години роботи читальної зали. Тепер вона відчинена до дев’ятої вечора.',
];

const item = (n: number, byline: object) => ({
  title: STORIES[n - 1]!.split('.')[0],
  date: `2022-03-0${n}`,
  ...byline,
  body: STORIES[n - 1],
});

async function articleTexts(root: string): Promise<string[]> {
  const files = (await readdir(join(root, 'articles'), { recursive: true })).filter((f) => f.endsWith('.md')).sort();
  return Promise.all(files.map((f) => readFile(join(root, 'articles', f), 'utf8')));
}

beforeEach(async () => {
  await mkdir(OUT, { recursive: true });
});

describe('bylines in the ingest', () => {
  test('known names are reused, unknown ones become authors appended to authors.yaml and listed in the report', async () => {
    const root = await archive('create', AUTHORS);
    const report = join(root, 'report.json');
    const file = await input(root, 'items.json', [
      item(1, { authors: ['олена   ПЕТРЕНКО', 'Тарас Ковальчук'] }),
      item(2, { author: 'Тарас  Ковальчук', publisher: 'Міські вісті' }),
      // A repeat of the first item: not written, so its author is not created.
      { ...item(1, { author: 'Ніхто Невідомий' }), title: 'Повтор' },
      item(3, { author: 'Марʼяна Гнатюк' }),
    ]);
    const run = await ingest('--content', root, '--report', report, file);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const result = JSON.parse(await readFile(report, 'utf8')) as IngestReport;
    expect(result.counts).toMatchObject({ written: 3, duplicate: 1, error: 0 });
    expect(result.newAuthors).toEqual([
      { slug: 'taras-kovalchuk', name: 'Тарас Ковальчук' },
      { slug: 'mariana-hnatiuk', name: 'Марʼяна Гнатюк' },
    ]);
    expect(run.stdout).toContain(
      'Нові автори (додано до authors.yaml):\n  Тарас Ковальчук (taras-kovalchuk)\n  Марʼяна Гнатюк (mariana-hnatiuk)',
    );

    const authorsText = await readFile(join(root, 'authors.yaml'), 'utf8');
    expect(authorsText.startsWith(AUTHORS)).toBe(true);
    expect(parseAuthors(authorsText).map((a) => a.slug)).toEqual(['olena-petrenko', 'taras-kovalchuk', 'mariana-hnatiuk']);
    const texts = await articleTexts(root);
    expect(texts.map((text) => /^authors: .*$/m.exec(text)?.[0])).toEqual([
      'authors: [olena-petrenko, taras-kovalchuk]',
      'authors: [taras-kovalchuk]',
      'authors: [mariana-hnatiuk]',
    ]);
    // The outlet stays the source; the byline is not.
    expect(texts[1]).toMatch(/^source:\n {2}name: Міські вісті$/m);
    expect(await validateArchive(root, { relativeTo: root })).toEqual([]);

    // A second run with the same people in other spellings creates no one and leaves authors.yaml alone.
    const more = await input(root, 'more.json', [item(4, { authors: ['ТАРАС КОВАЛЬЧУК', 'Марʼяна  Гнатюк'] })]);
    const again = await ingest('--content', root, '--report', report, more);
    expect(again.code, again.stdout + again.stderr).toBe(0);
    expect((JSON.parse(await readFile(report, 'utf8')) as IngestReport).newAuthors).toBeUndefined();
    expect(again.stdout).not.toContain('Нові автори');
    expect(await readFile(join(root, 'authors.yaml'), 'utf8')).toBe(authorsText);
    expect((await articleTexts(root)).some((text) => text.includes('authors: [taras-kovalchuk, mariana-hnatiuk]'))).toBe(true);
  });

  test('an archive without authors.yaml gets one; a dry run only says which authors it would add', async () => {
    const root = await archive('no-file');
    const file = await input(root, 'items.json', [item(1, { author: 'Олена Петренко' })]);
    const dry = await ingest('--content', root, '--dry-run', file);
    expect(dry.code, dry.stdout + dry.stderr).toBe(0);
    expect(dry.stdout).toContain('Нові автори (було б додано до authors.yaml):\n  Олена Петренко (olena-petrenko)');
    await expect(readFile(join(root, 'authors.yaml'), 'utf8')).rejects.toThrow(/ENOENT/);

    const run = await ingest('--content', root, file);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(parseAuthors(await readFile(join(root, 'authors.yaml'), 'utf8'))).toEqual([{ slug: 'olena-petrenko', name: 'Олена Петренко' }]);
    expect(await validateArchive(root, { relativeTo: root })).toEqual([]);
  });

  test('a broken authors.yaml stops the run before anything is written, and says how to fix it', async () => {
    const root = await archive('broken', '- slug: Олена\n  name: Олена Петренко\n');
    const file = await input(root, 'items.json', [item(1, { author: 'Олена Петренко' })]);
    const run = await ingest('--content', root, file);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain(
      'authors.yaml: список авторів некоректний:\n  автор №1: slug: Слаг автора — малі латинські літери, цифри й дефіси.\nВиправте authors.yaml і запустіть знову.',
    );
    await expect(readdir(join(root, 'articles'))).rejects.toThrow(/ENOENT/);
  });
});
