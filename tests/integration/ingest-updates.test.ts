import { cp, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { validateArchive } from '#lib/archive/validate-archive.ts';
import type { IngestReport } from '../../scripts/lib/ingest/report.ts';
import { runCheck } from '../../scripts/lib/check/run-check.ts';
import { PROJECT_ROOT } from '../helpers/build-site.ts';
import { runNode } from '../helpers/run-node.ts';

/**
 * What the ingest does with articles already in the archive that people
 * have changed or that the news has moved on from: a renamed article's old
 * address is never given to a new one, and a later version of a story is a
 * possible update (reported with what changed), applied with `--update`.
 */

const OUT = join(PROJECT_ROOT, 'tests/.output/ingest-updates');

function ingest(...args: string[]) {
  return runNode(['scripts/ingest.ts', ...args], { cwd: PROJECT_ROOT, env: { ...process.env, NO_COLOR: '1' } });
}

async function emptyArchive(name: string): Promise<string> {
  const root = join(OUT, name);
  await rm(root, { recursive: true, force: true });
  await mkdir(root, { recursive: true });
  await cp(join(PROJECT_ROOT, 'content/topics.yaml'), join(root, 'topics.yaml'));
  return root;
}

async function readReport(path: string): Promise<IngestReport> {
  return JSON.parse(await readFile(path, 'utf8')) as IngestReport;
}

async function jsonl(name: string, items: object[]): Promise<string> {
  const path = join(OUT, name);
  await writeFile(path, `${items.map((item) => JSON.stringify(item)).join('\n')}\n`);
  return path;
}

/** Errors that `npm run check` and the build's validator find in the archive. */
async function archiveErrors(root: string): Promise<string[]> {
  const validated = await validateArchive(root, { relativeTo: OUT });
  const checked = (await runCheck({ root, cwd: OUT, today: '2026-11-25' })).problems;
  return [...validated, ...checked].filter((p) => p.severity === 'error').map((p) => `${p.file}:${p.line} ${p.rule} ${p.message}`);
}

beforeAll(async () => {
  await mkdir(OUT, { recursive: true });
});

test('a slug kept as an alias of a renamed article is not given to a new article', async () => {
  const root = await emptyArchive('alias');
  const first = await jsonl('alias-first.jsonl', [
    { title: 'Засідання ради', date: '2022-01-11', body: 'Рада Згорян зібралася на позачергове засідання через ремонт школи.' },
  ]);
  expect((await ingest('--content', root, first)).code).toBe(0);
  // Renamed as CONTRIBUTING.md says: the file moved, the old address kept in `aliases`.
  const day = join(root, 'articles/2022/01/11');
  const text = await readFile(join(day, 'zasidannia-rady.md'), 'utf8');
  await writeFile(join(day, 'zasidannia-rady.md'), text.replace('\n---\n', '\naliases: [/2022/01/11/zasidannia-rady/]\n---\n'));
  await rename(join(day, 'zasidannia-rady.md'), join(day, 'pozacherhove-zasidannia-rady-zghorian.md'));

  const second = await jsonl('alias-second.jsonl', [
    { title: 'Засідання ради', date: '2022-01-11', body: 'Рада Щастя обговорила тарифи на воду й вивезення сміття.' },
  ]);
  const report = join(OUT, 'alias.json');
  expect((await ingest('--content', root, '--report', report, second)).code).toBe(0);
  expect((await readReport(report)).items).toMatchObject([
    { outcome: 'written', path: 'articles/2022/01/11/zasidannia-rady-2.md', attention: true },
  ]);
  expect(await archiveErrors(root)).toEqual([]);
});

describe('a later version of an archived story', () => {
  const LEAD =
    'Унаслідок ракетного удару по Харкову загинули 5 людей, ще 16 поранено, повідомив голова обласної адміністрації Олег Синєгубов.';
  const SECOND =
    'Ракета влучила в будівельний гіпермаркет на околиці міста, де на той час перебували понад двісті відвідувачів і працівників.';
  const THIRD = 'На місці працюють рятувальники, поліція та медики; пожежу на площі понад десять тисяч квадратних метрів досі гасять.';
  const UPDATE = 'Оновлено 26 травня: рятувальники завершили розбирання завалів, пошук зниклих безвісти триває.';
  const PATH = 'articles/2024/05/25/unaslidok-obstrilu-kharkova-zahynuly-piatero-liudei.md';
  const original = {
    title: 'Унаслідок обстрілу Харкова загинули пʼятеро людей',
    date: '2024-05-25',
    body: [LEAD, SECOND, THIRD].join('\n\n'),
  };
  const corrected = {
    title: 'Унаслідок обстрілу Харкова загинули семеро людей',
    date: '2024-05-26',
    body: [LEAD.replace('5 людей', '7 людей'), SECOND, THIRD, UPDATE].join('\n\n'),
  };
  const CHANGES = [
    'заголовок: Унаслідок обстрілу Харкова загинули [-пʼятеро-] {+семеро+} людей',
    'змінено абзац 1: … удару по Харкову загинули [-5-] {+7+} людей, ще 16 поранено, …',
    `додано абзац 4: ${UPDATE}`,
  ];

  test('is reported as a possible update with what changed, and nothing is written', async () => {
    const root = await emptyArchive('possible-update');
    expect((await ingest('--content', root, await jsonl('v1.jsonl', [original]))).code).toBe(0);
    const before = await readFile(join(root, PATH), 'utf8');
    const report = join(OUT, 'possible.json');
    const run = await ingest('--content', root, '--report', report, await jsonl('v2.jsonl', [corrected]));
    expect(run.code).toBe(0);
    const { items, counts } = await readReport(report);
    expect(counts).toMatchObject({ written: 0, duplicate: 0, possibleUpdate: 1, updated: 0 });
    expect(items[0]).toMatchObject({ outcome: 'possible-update', path: PATH, updateOf: PATH, changes: CHANGES, attention: true });
    expect(run.stdout).toContain(
      [
        'Можливі оновлення (не записано; перегляньте зміни, а щоб замінити ними текст статті, запустіть імпорт ще раз з --update):',
        `  ${items[0]!.source} → ${PATH}: схоже на оновлення статті (схожість ${items[0]!.similarity!.toFixed(2)}): у новині є нові чи змінені абзаци`,
        ...CHANGES.map((change) => `      ${change}`),
      ].join('\n'),
    );
    expect(await readFile(join(root, PATH), 'utf8')).toBe(before);
  });

  test('--update rewrites the article in place: new text and title, same address, id and topics, updated set; a second run changes nothing', async () => {
    const root = await emptyArchive('update');
    expect((await ingest('--content', root, await jsonl('v1.jsonl', [original]))).code).toBe(0);
    const before = await readFile(join(root, PATH), 'utf8');
    const field = (text: string, name: string) => new RegExp(`^${name}: (.*)$`, 'm').exec(text)?.[1];
    const report = join(OUT, 'update.json');
    const run = await ingest('--content', root, '--update', '--report', report, await jsonl('v2.jsonl', [corrected]));
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect((await readReport(report)).items).toMatchObject([{ outcome: 'updated', path: PATH, changes: CHANGES }]);
    expect(run.stdout).toContain(`Оновлено:\n  ${join(OUT, 'v2.jsonl').slice(PROJECT_ROOT.length + 1)}:1 → ${PATH}\n`);

    const after = await readFile(join(root, PATH), 'utf8');
    expect(field(after, 'title')).toBe(corrected.title);
    expect(field(after, 'updated')).toBe('2024-05-26');
    for (const kept of ['date', 'id', 'topics', 'origin']) expect(field(after, kept), kept).toBe(field(before, kept));
    expect(after).toContain(`\n\n${UPDATE}\n`);
    expect(after).toContain('загинули 7 людей');
    expect(await archiveErrors(root)).toEqual([]);

    const again = await ingest('--content', root, '--update', '--report', report, await jsonl('v2.jsonl', [corrected]));
    expect(again.code).toBe(0);
    expect((await readReport(report)).items).toMatchObject([{ outcome: 'duplicate', path: PATH }]);
    expect(await readFile(join(root, PATH), 'utf8')).toBe(after);
  });
});
