import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { generateArticles } from '../../scripts/lib/bench/generate-articles.ts';
import { validateArchive } from '#lib/archive/validate-archive.ts';
import type { IngestReport } from '../../scripts/lib/ingest/report.ts';
import { runCheck } from '../../scripts/lib/check/run-check.ts';
import { PROJECT_ROOT } from '../helpers/build-site.ts';
import { FUZZ_SEED } from '../fixtures/hostile/fuzz-inputs.ts';
import { filesUnder, runCli } from '../fixtures/hostile/run-cli.ts';

/**
 * An ingest killed with SIGKILL while it writes leaves an archive that is
 * still valid (no partial article; at most the one hidden temporary file of
 * the dead process, which no build reads), and running it again completes
 * the job: the result is the archive an uninterrupted run makes, nothing
 * duplicated, nothing lost.
 */

const OUT = join(PROJECT_ROOT, 'tests/.output/interrupt-ingest');
const INPUT = join(OUT, 'news.jsonl');
const ITEMS = 1500;
const TIMEOUT = 300_000;
const TEMP = /(^|\/)\.[^/]+\.(\d+)\.[0-9a-f]{8}\.tmp$/;

async function freshArchive(name: string): Promise<string> {
  const root = join(OUT, name);
  await rm(root, { recursive: true, force: true });
  await mkdir(join(root, 'articles'), { recursive: true });
  await cp(join(PROJECT_ROOT, 'content/topics.yaml'), join(root, 'topics.yaml'));
  return root;
}

async function articleFiles(root: string): Promise<string[]> {
  return (await filesUnder(join(root, 'articles'))).filter((file) => /\.mdx?$/.test(file) && !TEMP.test(file));
}

async function contents(root: string): Promise<Map<string, string>> {
  const files = await articleFiles(root);
  return new Map(await Promise.all(files.map(async (file) => [file, await readFile(join(root, 'articles', file), 'utf8')] as const)));
}

/** How many article files exist, counted quickly enough to poll while the ingest writes. */
async function countArticles(root: string): Promise<number> {
  const entries = await readdir(join(root, 'articles'), { recursive: true }).catch(() => []);
  return entries.filter((name) => /\.mdx?$/.test(name)).length;
}

function ingest(root: string, report: string, onSpawn?: (pid: number) => void) {
  return runCli('scripts/ingest.ts', ['--content', root, '--report', report, INPUT], TIMEOUT, onSpawn ? { onSpawn } : {});
}

interface Interrupted {
  archive: string;
  expected: Map<string, string>;
  left: Map<string, string>;
}
let interrupted: Interrupted | undefined;

test('an ingest killed mid-write leaves a valid archive of complete articles', { timeout: TIMEOUT * 2 }, async () => {
  await rm(OUT, { recursive: true, force: true });
  await mkdir(OUT, { recursive: true });
  const lines = [...generateArticles({ count: ITEMS, seed: FUZZ_SEED + 7, firstYear: 2016, lastYear: 2024 })].map((item) =>
    JSON.stringify(item),
  );
  await writeFile(INPUT, `${lines.join('\n')}\n`);

  // The reference: the same input ingested without interruption.
  const reference = await freshArchive('reference');
  const straight = await ingest(reference, join(OUT, 'reference.json'));
  expect(straight.code, straight.stderr).toBe(0);
  const expected = await contents(reference);
  expect(expected.size).toBeGreaterThan(ITEMS * 0.9);

  // The interrupted run: SIGKILL once the first articles are on disk. Writing takes a fraction of a
  // second, so the poll must not wait for many: a slow poll on a busy machine would miss the window.
  const KILL_AFTER = 20;
  const archive = await freshArchive('archive');
  let pid = 0;
  const running = ingest(archive, join(OUT, 'killed.json'), (spawned) => (pid = spawned));
  let atKill = 0;
  const poll = (async () => {
    for (;;) {
      await new Promise((tick) => setTimeout(tick, 2));
      atKill = await countArticles(archive);
      if (atKill >= KILL_AFTER && pid) {
        process.kill(pid, 'SIGKILL');
        return;
      }
    }
  })();
  const killed = await Promise.race([running, poll.then(() => running)]);
  expect(killed.signal, 'the ingest finished before it could be interrupted; raise ITEMS').toBe('SIGKILL');
  const left = await contents(archive);
  expect(left.size, 'killed genuinely mid-run').toBeLessThan(expected.size);

  // What the kill left: complete articles only, each exactly as the uninterrupted run wrote it.
  for (const [file, text] of left) expect(text, file).toBe(expected.get(file));
  const temps = (await filesUnder(join(archive, 'articles'))).filter((file) => TEMP.test(file));
  expect(temps.length).toBeLessThanOrEqual(1);
  for (const temp of temps) expect(Number(TEMP.exec(temp)![2])).toBe(pid);
  expect(await validateArchive(archive, { relativeTo: OUT })).toEqual([]);
  expect((await runCheck({ root: archive, cwd: OUT, today: '2026-11-25' })).problems.filter((p) => p.severity === 'error')).toEqual([]);
  console.info(
    `interrupt: killed with ${left.size} of ${expected.size} articles written (${atKill} seen at the kill), ${temps.length} temporary file left.`,
  );
  interrupted = { archive, expected, left };
});

test('running the ingest again completes the job: no temporary file, nothing lost', { timeout: TIMEOUT }, async () => {
  if (!interrupted) throw new Error('needs the interrupted archive of the previous test');
  const { archive, expected, left } = interrupted;
  const rerun = await ingest(archive, join(OUT, 'rerun.json'));
  expect(rerun.code, rerun.stderr).toBe(0);
  const report = JSON.parse(await readFile(join(OUT, 'rerun.json'), 'utf8')) as IngestReport;
  expect(report.counts.unchanged).toBe(left.size);
  const final = await contents(archive);
  for (const [file, text] of expected) expect(final.get(file), file).toBe(text);
  expect((await filesUnder(join(archive, 'articles'))).filter((file) => TEMP.test(file))).toEqual([]);
  expect(await validateArchive(archive, { relativeTo: OUT })).toEqual([]);
});

// Idempotence: once the archive is complete, the same input writes nothing (for near duplicates see also fuzz-ingest.test.ts).
test('running the same input once more writes nothing', { timeout: TIMEOUT }, async () => {
  if (!interrupted) throw new Error('needs the interrupted archive of the previous test');
  const again = await runCli(
    'scripts/ingest.ts',
    ['--content', interrupted.archive, '--dry-run', '--report', join(OUT, 'again.json'), INPUT],
    TIMEOUT,
  );
  expect(again.code, again.stderr).toBe(0);
  const report = JSON.parse(await readFile(join(OUT, 'again.json'), 'utf8')) as IngestReport;
  expect(report.counts.written).toBe(0);
});
