import { cp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { archiveTexts, paragraphCoverage } from '../helpers/paragraph-coverage.ts';
import type { IngestReport } from '../../scripts/lib/ingest/report.ts';
import { PROJECT_ROOT } from '../helpers/build-site.ts';
import { runNode } from '../helpers/run-node.ts';

const OUT = join(PROJECT_ROOT, 'tests/.output/ingest-cli');
const FIXTURES = 'tests/fixtures/ingest';
const SEED = 'examples/seed/000_62e7a2a410e01d5e.txt';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI (`node scripts/ingest.ts …`) from the project root. */
function ingest(...args: string[]): Promise<Run> {
  return runNode(['scripts/ingest.ts', ...args], { cwd: PROJECT_ROOT });
}

/** A fresh empty archive with the project's taxonomy. */
async function emptyArchive(name: string): Promise<string> {
  const root = join(OUT, name);
  await rm(root, { recursive: true, force: true });
  await mkdir(root, { recursive: true });
  await cp(join(PROJECT_ROOT, 'content/topics.yaml'), join(root, 'topics.yaml'));
  return root;
}

/** Every file of an archive with its content and modification time. */
async function snapshot(root: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(root, { recursive: true })) {
    const path = join(root, entry);
    const info = await stat(path);
    if (info.isFile()) files[relative(root, path)] = `${info.mtimeMs} ${await readFile(path, 'utf8')}`;
  }
  return files;
}

async function readReport(path: string): Promise<IngestReport> {
  return JSON.parse(await readFile(path, 'utf8')) as IngestReport;
}

beforeEach(async () => {
  await mkdir(OUT, { recursive: true });
});

describe('the seed', () => {
  test('becomes 11 articles and 4 reported duplicates; every line is in exactly one article; a second run changes nothing', async () => {
    const root = await emptyArchive('seed');
    const report = join(root, 'report.json');
    const first = await ingest('--content', root, '--date', '2026-01-26', '--report', report, SEED);
    expect(first.code, first.stdout + first.stderr).toBe(0);
    const firstReport = await readReport(report);
    expect(firstReport.counts).toMatchObject({ read: 15, written: 11, duplicate: 4, error: 0, unchanged: 0 });
    expect(firstReport.items.filter((i) => i.outcome === 'duplicate').map((i) => [i.source, i.duplicateOf])).toEqual(
      [17, 18, 19, 20].map((line) => [`${SEED}:${line}`, `${SEED}:${line - 10}`]),
    );
    // Dated from --date, so every written article is listed with its reason.
    for (const item of firstReport.items.filter((i) => i.outcome === 'written')) expect(item.reason).toMatch(/^дата з --date 2026-01-26/);

    const coverage = paragraphCoverage(await readFile(join(PROJECT_ROOT, SEED), 'utf8'), await archiveTexts(root));
    expect(coverage).toEqual({ paragraphs: 20, missing: [], repeated: [] });

    const before = await snapshot(join(root, 'articles'));
    const second = await ingest('--content', root, '--date', '2026-01-26', '--report', report, SEED);
    expect(second.code).toBe(0);
    expect((await readReport(report)).counts).toMatchObject({ read: 15, written: 0, unchanged: 11, duplicate: 4 });
    expect(await snapshot(join(root, 'articles'))).toEqual(before);
  });
});

describe('every input format', () => {
  test('good items are written, bad ones are errors with file:line, and the report lists every item', async () => {
    const root = await emptyArchive('formats');
    const report = join(root, 'report.json');
    const run = await ingest('--content', root, '--date', '2022-09-01', '--report', report, `${FIXTURES}/formats`);
    expect(run.code).toBe(1);
    const { items, counts } = await readReport(report);
    expect(counts).toEqual({
      read: 21,
      written: 17,
      updated: 0,
      unchanged: 0,
      duplicate: 1,
      possibleUpdate: 0,
      error: 3,
      skipped: 0,
      attention: expect.any(Number),
    });
    expect(items.filter((i) => i.outcome === 'error').map((i) => i.source)).toEqual([
      `${FIXTURES}/formats/feed.rss:14`,
      `${FIXTURES}/formats/items.jsonl:3`,
      `${FIXTURES}/formats/items.jsonl:4`,
    ]);
    expect(run.stdout).toContain(`${FIXTURES}/formats/items.jsonl:4: рядок не є коректним JSON`);
    for (const item of items.filter((i) => i.outcome === 'written')) {
      const text = await readFile(join(root, item.path!), 'utf8');
      expect(text).toContain(`origin: ${item.source}`);
    }
    const written = items.filter((i) => i.outcome === 'written').map((i) => i.path);
    expect(written).toEqual(
      expect.arrayContaining([
        'articles/2022/05/01/vesnianyi-yarmarok-u-shchasti.md',
        'articles/2022/04/20/yurii-yizhakevych-ocholyv-radu-molodi.md',
        'articles/2022/07/01/vystavka-starykh-fotohrafii-kyieva.md',
        'articles/2022/05/10/u-shchasti-vysadyly-sto-kashtaniv.md',
        'articles/2022/05/12/u-zghoranakh-vidremontuvaly-mist-cherez-richku.md',
        'articles/2022/03/15/u-kyievi-zapustyly-novyi-troleibusnyi-marshrut.md',
      ]),
    );
  });

  test('--one-per-file reads a text file as one article with subheadings', async () => {
    const root = await emptyArchive('one-per-file');
    const run = await ingest('--content', root, '--one-per-file', '--date', '2022-09-01', `${FIXTURES}/formats/piece.txt`);
    expect(run.code).toBe(0);
    const text = await readFile(join(root, 'articles/2022/09/01/yak-shchastia-vidnovliuie-biblioteku.md'), 'utf8');
    expect(text).toContain('\n## Читачі повернулися\n');
    expect(text).toContain('\nГанна Коваль\n');
  });
});

describe('bad input', () => {
  test('each bad file is one clear error with its line; the good file is still written; exit code 1; no temp files', async () => {
    const root = await emptyArchive('bad');
    const inputs = join(OUT, 'bad-inputs');
    await rm(inputs, { recursive: true, force: true });
    await mkdir(inputs, { recursive: true });
    await cp(join(PROJECT_ROOT, FIXTURES, 'bad'), inputs, { recursive: true });
    await writeFile(join(inputs, 'empty.txt'), '\n\n');
    await writeFile(join(inputs, 'binary.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x0a]));
    // «Київ» in Windows-1251 on line 2.
    await writeFile(
      join(inputs, 'cp1251.txt'),
      Buffer.concat([Buffer.from('Перший рядок.\n'), Buffer.from([0xca, 0xe8, 0xbf, 0xe2, 0x0a])]),
    );
    await writeFile(join(inputs, 'good.txt'), 'Добра новина з Щастя\nУ Щасті відкрили бібліотеку після ремонту.\n');
    const report = join(root, 'report.json');
    const run = await ingest('--content', root, '--date', '2022-09-01', '--report', report, inputs);
    expect(run.code).toBe(1);
    const shown = relative(PROJECT_ROOT, inputs);
    const errors = (await readReport(report)).items.filter((i) => i.outcome === 'error').map((i) => `${i.source} ${i.reason}`);
    expect(errors).toEqual([
      `${shown}/binary.txt:1 файл двійковий (містить нульові байти), а не текст. Передайте текстовий файл.`,
      expect.stringMatching(new RegExp(`^${shown}/broken-front-matter\\.md:2 front matter не розбирається: `)),
      expect.stringMatching(new RegExp(`^${shown}/broken\\.json:3 файл не є коректним JSON `)),
      `${shown}/cp1251.txt:2 файл не в UTF-8 (неправильний байт 0xca у цьому рядку; можливо, це Windows-1251). Перекодуйте його, наприклад: iconv -f WINDOWS-1251 -t UTF-8 файл > файл.utf8`,
      `${shown}/empty.txt:1 файл порожній. Видаліть його або додайте текст.`,
      `${shown}/not-a-feed.xml:1 файл не є стрічкою RSS чи Atom: він не починається з <rss> або <feed>. Збережіть саму стрічку (XML), а не сторінку сайту.`,
    ]);
    expect(run.stdout).toContain('Помилки (ці новини не записано):');
    const files = await readdir(root, { recursive: true });
    expect(files.filter((f) => f.endsWith('.md'))).toEqual(['articles/2022/09/01/dobra-novyna-z-shchastia.md']);
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  test('an item without a date and without --date is an error, not a guess', async () => {
    const root = await emptyArchive('no-date');
    const run = await ingest('--content', root, `${FIXTURES}/formats/dump.txt`);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      `${FIXTURES}/formats/dump.txt:1: немає дати: ні метадані, ні назва файлу, ні текст не дають повної дати. Додайте дату до джерела або запустіть з --date РРРР-ММ-ДД.`,
    );
    expect(await readdir(root)).toEqual(['topics.yaml']);
  });

  test('bad options exit with 2 and say how to fix them; --help prints the usage', async () => {
    expect(await ingest('--date', '26.01.2026', SEED)).toMatchObject({
      code: 2,
      stderr: 'ingest: --date «26.01.2026» не є датою. Запишіть її як РРРР-ММ-ДД, наприклад --date 2026-01-26.\n',
    });
    expect((await ingest()).code).toBe(2);
    const help = await ingest('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Використання: npm run ingest -- \[параметри\] <файл\|тека>…/);
  });

  test('an archive without topics.yaml stops the run before anything is read', async () => {
    const root = join(OUT, 'no-topics');
    await rm(root, { recursive: true, force: true });
    await mkdir(root, { recursive: true });
    const run = await ingest('--content', root, '--date', '2022-09-01', SEED);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `ingest: ${join(root, 'topics.yaml')}: немає таксономії тем. Укажіть архів через --content <тека> (у ньому мають бути topics.yaml і articles/).\n`,
    );
  });
});

describe('the archive on disk', () => {
  test('--dry-run reports what would happen and writes nothing', async () => {
    const root = await emptyArchive('dry-run');
    const run = await ingest('--content', root, '--dry-run', '--date', '2026-01-26', SEED);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('було б записано: 11');
    expect(await readdir(root)).toEqual(['topics.yaml']);
  });

  test('a republished item with small edits is a duplicate of the archived article', async () => {
    const root = await emptyArchive('near-duplicate');
    const original = join(OUT, 'original.jsonl');
    const edited = join(OUT, 'edited.jsonl');
    const body =
      'Депутати сільської ради Згорян ухвалили бюджет громади на наступний рік, у якому найбільше коштів передбачено на ремонт школи та доріг. Голосування тривало понад три години, а засідання транслювали онлайн.';
    await writeFile(original, `${JSON.stringify({ title: 'Рада Згорян ухвалила бюджет', date: '2022-01-11', body })}\n`);
    await writeFile(
      edited,
      `${JSON.stringify({ title: 'Згоряни мають бюджет', date: '2022-01-12', body: body.replace('передбачено', 'передбачили').replace(', а засідання', '; засідання') })}\n`,
    );
    expect((await ingest('--content', root, original)).code).toBe(0);
    const report = join(root, 'report.json');
    expect((await ingest('--content', root, '--report', report, edited)).code).toBe(0);
    const [item] = (await readReport(report)).items;
    expect(item).toMatchObject({
      outcome: 'duplicate',
      duplicateOf: 'articles/2022/01/11/rada-zghorian-ukhvalyla-biudzhet.md',
      path: 'articles/2022/01/11/rada-zghorian-ukhvalyla-biudzhet.md',
    });
    expect(item!.similarity).toBeGreaterThanOrEqual(0.8);
  });

  test('a title already taken gets a numbered slug, and the clash is reported', async () => {
    const root = await emptyArchive('slug-clash');
    const items = join(OUT, 'same-title.jsonl');
    await writeFile(
      items,
      [
        { title: 'Засідання ради', date: '2022-01-11', body: 'Рада Згорян зібралася на позачергове засідання через ремонт школи.' },
        { title: 'Засідання ради', date: '2022-01-12', body: 'Рада Щастя обговорила тарифи на воду й вивезення сміття.' },
      ]
        .map((item) => JSON.stringify(item))
        .join('\n'),
    );
    const report = join(root, 'report.json');
    await ingest('--content', root, '--report', report, items);
    const written = (await readReport(report)).items;
    expect(written.map((i) => i.path)).toEqual(['articles/2022/01/11/zasidannia-rady.md', 'articles/2022/01/12/zasidannia-rady-2.md']);
    expect(written[1]).toMatchObject({
      attention: true,
      reason: 'слаг «zasidannia-rady-2»: такий заголовок уже є в архіві, додано суфікс',
    });
  });
});
