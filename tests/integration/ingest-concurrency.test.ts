import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { generateArticles } from '../../scripts/lib/bench/generate-articles.ts';
import { validateArchive } from '#lib/archive/validate-archive.ts';
import { LOCK_NAME } from '../../scripts/lib/ingest/ingest-lock.ts';
import type { IngestReport } from '../../scripts/lib/ingest/report.ts';
import { runCheck } from '../../scripts/lib/check/run-check.ts';
import { PROJECT_ROOT } from '../helpers/build-site.ts';
import { filesUnder, runCli } from '../fixtures/hostile/run-cli.ts';

/**
 * The ingest never replaces a file it did not read at the start of its run:
 * two ingests into one archive take turns (the lock), a file saved at a
 * target while an ingest runs is kept and the item reported, and the lock
 * is released however the run ends. All with real processes.
 */

const OUT = join(PROJECT_ROOT, 'tests/.output/ingest-concurrency');
const TIMEOUT = 240_000;
const ITEMS = 600;

async function freshArchive(name: string): Promise<string> {
  const root = join(OUT, name);
  await rm(root, { recursive: true, force: true });
  await mkdir(join(root, 'articles'), { recursive: true });
  await cp(join(PROJECT_ROOT, 'content/topics.yaml'), join(root, 'topics.yaml'));
  return root;
}

function ingest(root: string, report: string, inputs: string[], extra: string[] = [], onSpawn?: (pid: number) => void) {
  return runCli('scripts/ingest.ts', ['--content', root, '--report', report, ...extra, ...inputs], TIMEOUT, onSpawn ? { onSpawn } : {});
}

async function readReport(path: string): Promise<IngestReport> {
  return JSON.parse(await readFile(path, 'utf8')) as IngestReport;
}

async function articleFiles(root: string): Promise<string[]> {
  return (await filesUnder(join(root, 'articles'))).filter((file) => /\.mdx?$/.test(file));
}

/** Resolves once `check` holds, looking every few milliseconds; rejects after `ms`. */
async function waitFor(check: () => boolean, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((tick) => setTimeout(tick, 2));
  }
}

/** The lock of a live ingest (this test's own process), taken at `started`, written into `root`; returns its path and text. */
async function holdLock(root: string, started: string): Promise<{ lock: string; held: string }> {
  const lock = join(root, LOCK_NAME);
  const held = JSON.stringify({ pid: process.pid, host: hostname(), started });
  await writeFile(lock, held);
  return { lock, held };
}

/** What a command that writes into the archive says when `holdLock`'s lock does not come free. */
const busyMessage = (lock: string, started: string) =>
  `${lock}: архів зараз змінює імпорт (процес ${process.pid} на ${hostname()}, запущено ${started}). Дочекайтеся, поки він завершиться, або дайте більше часу: --wait <секунд>. Якщо жоден імпорт не працює (процес ${process.pid} — вже не імпорт або інша машина), видаліть ${lock}.\n`;

/** The pid of a process that has already exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid!;
}

/** Generated items with the titles and dates of seed 31 and bodies of `seed`: two seeds give the same paths and different articles. */
async function writeInput(name: string, seed: number): Promise<string> {
  const generate = (from: number) => [...generateArticles({ count: ITEMS, seed: from, firstYear: 2020, lastYear: 2021 })];
  const headings = generate(31);
  const items = generate(seed).map((item, n) => ({ ...item, title: headings[n]!.title, date: headings[n]!.date }));
  const path = join(OUT, name);
  await writeFile(path, `${items.map((item) => JSON.stringify(item)).join('\n')}\n`);
  return path;
}

let inputA = '';
let inputB = '';

beforeAll(async () => {
  await rm(OUT, { recursive: true, force: true });
  await mkdir(OUT, { recursive: true });
  inputA = await writeInput('a.jsonl', 31);
  inputB = await writeInput('b.jsonl', 32);
});

test('two ingests started at once with the same titles and dates lose no article', { timeout: TIMEOUT * 2 }, async () => {
  const root = await freshArchive('two-at-once');
  // Each waits as long as the other may take on a busy machine.
  const wait = ['--wait', String(TIMEOUT / 1000)];
  const [a, b] = await Promise.all([
    ingest(root, join(OUT, 'two-a.json'), [inputA], wait),
    ingest(root, join(OUT, 'two-b.json'), [inputB], wait),
  ]);
  expect(a.code, a.stderr).toBe(0);
  expect(b.code, b.stderr).toBe(0);
  const reports = [await readReport(join(OUT, 'two-a.json')), await readReport(join(OUT, 'two-b.json'))];
  const written = reports.flatMap((report) => report.items.filter((item) => item.outcome === 'written'));
  // Every article either run reports written is on disk, under its own path, with its own id.
  expect(new Set(written.map((item) => item.path)).size).toBe(written.length);
  for (const item of written) expect(await readFile(join(root, item.path!), 'utf8'), item.path).toContain(`id: ${item.id}`);
  expect(await articleFiles(root)).toHaveLength(written.length);
  expect(written.length).toBeGreaterThan(ITEMS * 1.9);
  expect(existsSync(join(root, LOCK_NAME))).toBe(false);
  expect(await validateArchive(root, { relativeTo: OUT })).toEqual([]);
});

test(
  'a file saved at a target while the ingest runs is kept, and its item is reported with what to do',
  { timeout: TIMEOUT * 2 },
  async () => {
    const root = await freshArchive('saved-mid-run');
    // Where each item would go, as the real run will plan it.
    const plan = await ingest(root, join(OUT, 'saved-plan.json'), [inputA], ['--dry-run']);
    expect(plan.code, plan.stderr).toBe(0);
    const target = (await readReport(join(OUT, 'saved-plan.json'))).items.findLast((item) => item.outcome === 'written')!.path!;
    // A temporary file of a dead process: the run removes it when it lists the archive, which tells
    // that the listing is done and the target can no longer be seen as taken while planning.
    const stale = join(root, `articles/.x.md.${deadPid()}.0123abcd.tmp`);
    await writeFile(stale, '');
    const running = ingest(root, join(OUT, 'saved.json'), [inputA]);
    await waitFor(() => !existsSync(stale), TIMEOUT, 'the ingest to list the archive');
    const saved = '---\ntitle: Збережено вручну\n---\n\nТекст, який не можна втратити.\n';
    await mkdir(join(root, target, '..'), { recursive: true });
    await writeFile(join(root, target), saved);
    const run = await running;

    expect(await readFile(join(root, target), 'utf8')).toBe(saved);
    expect(run.code).toBe(1);
    const report = await readReport(join(OUT, 'saved.json'));
    const item = report.items.find((entry) => entry.path === target)!;
    expect(item).toMatchObject({
      outcome: 'error',
      reason: `файл ${target} зʼявився під час імпорту (його записав не цей імпорт): новину не записано, щоб не затерти його. Перегляньте цей файл і запустіть імпорт ще раз: новина стане повтором або отримає іншу адресу.`,
    });
    expect(run.stdout).toContain(`${item.source}: файл ${target} зʼявився під час імпорту`);
    expect(report.counts.error).toBe(1);
  },
);

test(
  'a live lock stops a second ingest with a message naming it; a lock of a dead process is taken over',
  { timeout: TIMEOUT },
  async () => {
    const root = await freshArchive('lock');
    const started = '2026-01-26T10:00:00.000Z';
    const { lock } = await holdLock(root, started);
    const busy = await ingest(root, join(OUT, 'busy.json'), [inputA], ['--wait', '0']);
    expect(busy.code).toBe(1);
    expect(busy.stderr).toBe(`ingest: ${busyMessage(lock, started)}`);
    expect(await articleFiles(root)).toEqual([]);

    await writeFile(lock, JSON.stringify({ pid: deadPid(), host: hostname(), started }));
    const taken = await ingest(root, join(OUT, 'taken.json'), [inputA]);
    expect(taken.code, taken.stderr).toBe(0);
    expect(existsSync(lock)).toBe(false);
    // The lock lies outside articles/: neither the validator nor the check sees it.
    await writeFile(lock, JSON.stringify({ pid: process.pid, host: hostname(), started }));
    expect(await validateArchive(root, { relativeTo: OUT })).toEqual([]);
    expect((await runCheck({ root, cwd: OUT, today: '2026-11-25' })).problems.filter((p) => p.severity === 'error')).toEqual([]);
  },
);

test('Ctrl-C (SIGINT) ends the run and releases the lock', { timeout: TIMEOUT }, async () => {
  const root = await freshArchive('interrupted');
  const lock = join(root, LOCK_NAME);
  let pid = 0;
  const running = ingest(root, join(OUT, 'interrupted.json'), [inputA, inputB], [], (spawned) => (pid = spawned));
  await waitFor(() => pid > 0 && existsSync(lock), 60_000, 'the lock');
  process.kill(pid, 'SIGINT');
  const run = await running;
  expect(run.signal).toBe('SIGINT');
  expect(existsSync(lock)).toBe(false);
  expect((await filesUnder(root)).filter((file) => file.endsWith('.tmp'))).toEqual([]);
});

test(
  'npm run new writes under the lock: a running ingest’s lock stops it with the same message, and it leaves no lock',
  { timeout: TIMEOUT },
  async () => {
    const root = await freshArchive('new-article');
    const started = '2026-01-26T10:00:00.000Z';
    const { lock, held } = await holdLock(root, started);
    const args = ['--content', root, '--title', 'Громада відкрила укриття', '--date', '2026-01-20'];
    const busy = await runCli('scripts/new.ts', [...args, '--wait', '0'], TIMEOUT);
    expect(busy.code).toBe(1);
    expect(busy.stderr).toBe(busyMessage(lock, started));
    expect(await articleFiles(root)).toEqual([]);
    expect(await readFile(lock, 'utf8')).toBe(held);

    await rm(lock);
    const written = await runCli('scripts/new.ts', args, TIMEOUT);
    expect(written.code, written.stderr).toBe(0);
    expect(await articleFiles(root)).toHaveLength(1);
    expect(existsSync(lock)).toBe(false);
  },
);
