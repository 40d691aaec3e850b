import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeEach, expect, test } from 'vitest';
import type { ReportItem } from '../../../../scripts/lib/ingest/report.ts';
import { writePlanned } from '../../../../scripts/lib/ingest/write-plan.ts';

const OUT = join(import.meta.dirname, '../../../.output/ingest-write-plan');
const utf8 = new TextEncoder();

beforeEach(async () => {
  await rm(OUT, { recursive: true, force: true });
  await mkdir(join(OUT, 'articles'), { recursive: true });
});

afterAll(async () => {
  await rm(OUT, { recursive: true, force: true });
});

test('new files are created and updates made over the bytes they were planned on', async () => {
  await writeFile(join(OUT, 'articles/old.md'), 'стара версія\n');
  const items: ReportItem[] = [
    { source: 'a.txt:1', outcome: 'written', path: 'articles/new.md' },
    { source: 'a.txt:2', outcome: 'updated', path: 'articles/old.md' },
  ];
  writePlanned(OUT, [
    { path: 'articles/new.md', content: utf8.encode('нова\n'), items: [items[0]!] },
    { path: 'articles/old.md', content: utf8.encode('нова версія\n'), unchangedFrom: utf8.encode('стара версія\n'), items: [items[1]!] },
  ]);
  expect(await readFile(join(OUT, 'articles/new.md'), 'utf8')).toBe('нова\n');
  expect(await readFile(join(OUT, 'articles/old.md'), 'utf8')).toBe('нова версія\n');
  expect(items.map((item) => item.outcome)).toEqual(['written', 'updated']);
});

test('a file that appeared or changed since planning is kept, and the items of its write become errors that say what to do', async () => {
  await writeFile(join(OUT, 'articles/taken.md'), 'збережено людиною\n');
  await writeFile(join(OUT, 'articles/edited.md'), 'виправлено людиною\n');
  const written: ReportItem = { source: 'a.txt:1', outcome: 'written', path: 'articles/taken.md', attention: true };
  const updated: ReportItem = { source: 'a.txt:2', outcome: 'updated', path: 'articles/edited.md' };
  const after: ReportItem = { source: 'a.txt:3', outcome: 'written', path: 'articles/free.md' };
  writePlanned(OUT, [
    { path: 'articles/taken.md', content: utf8.encode('з імпорту\n'), items: [written] },
    { path: 'articles/edited.md', content: utf8.encode('з імпорту\n'), unchangedFrom: utf8.encode('як прочитано\n'), items: [updated] },
    { path: 'articles/free.md', content: utf8.encode('з імпорту\n'), items: [after] },
  ]);
  expect(await readFile(join(OUT, 'articles/taken.md'), 'utf8')).toBe('збережено людиною\n');
  expect(await readFile(join(OUT, 'articles/edited.md'), 'utf8')).toBe('виправлено людиною\n');
  expect(written).toEqual({
    source: 'a.txt:1',
    outcome: 'error',
    path: 'articles/taken.md',
    reason:
      'файл articles/taken.md зʼявився під час імпорту (його записав не цей імпорт): новину не записано, щоб не затерти його. Перегляньте цей файл і запустіть імпорт ще раз: новина стане повтором або отримає іншу адресу.',
  });
  expect(updated).toMatchObject({
    outcome: 'error',
    reason:
      'статтю articles/edited.md змінено або видалено під час імпорту: оновлення не записано, щоб не затерти цих змін. Перегляньте статтю й запустіть імпорт із --update ще раз.',
  });
  expect(after.outcome).toBe('written');
  expect((await readdir(join(OUT, 'articles'))).sort()).toEqual(['edited.md', 'free.md', 'taken.md']);
});
