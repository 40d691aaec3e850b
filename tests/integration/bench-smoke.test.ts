import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { browserAvailable } from '../helpers/browser.ts';
import { buildEnvironment, PROJECT_ROOT, withBuildLock } from '../helpers/build-site.ts';
import { benchArgs } from '../helpers/bench-args.ts';
import { runNode } from '../helpers/run-node.ts';

const scratch = await mkdtemp(join(tmpdir(), 'arkhiv-bench-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

interface SearchFigures {
  coldBytes: number;
  coldBytesAtResults: number;
  warmRuns: number;
  coldResults: number;
}

interface BenchFile {
  rows: Array<{
    articles: number;
    written: number;
    totalMs: number;
    peakMemory: number;
    outputFiles: number;
    indexFiles: number;
    search?: SearchFigures;
    pagefindUi?: SearchFigures;
  }>;
  growth: { time: number | null };
}

// A smoke test of the real pipeline at about 1,000 articles: it fails on errors, never on time.
test('the benchmark runs end to end on 1,000 generated articles', async () => {
  const json = join(scratch, 'bench.json');
  const args = benchArgs(1000, json, join(scratch, 'work'), '--no-incremental');
  const withSearch = browserAvailable();
  if (!withSearch) args.push('--no-search');
  const run = await withBuildLock(() => runNode(args, { cwd: PROJECT_ROOT, env: buildEnvironment() }));
  const code = run.code;
  const output = run.stdout + run.stderr;

  expect(code, output.slice(-3000)).toBe(0);
  expect(output).toMatch(/\| 1,000 \|/);
  const result = JSON.parse(await readFile(json, 'utf8')) as BenchFile;
  const [row] = result.rows;
  expect(row?.articles).toBe(1000);
  // The generator varies every sentence, so nearly every item is new to the ingest.
  expect(row!.written).toBeGreaterThan(950);
  expect(row!.outputFiles).toBeGreaterThan(row!.written);
  expect(row!.indexFiles).toBeGreaterThan(0);
  expect(row!.peakMemory).toBeGreaterThan(0);
  if (withSearch) {
    // Arkhiv's search page and Pagefind's default UI on the same index, side by side: figures present and sane, never timed.
    for (const figures of [row!.search, row!.pagefindUi]) {
      expect(figures).toBeDefined();
      expect(figures!.coldResults).toBeGreaterThan(0);
      expect(figures!.coldBytes).toBeGreaterThan(0);
      expect(figures!.coldBytesAtResults).toBeGreaterThan(0);
      expect(figures!.coldBytesAtResults).toBeLessThanOrEqual(figures!.coldBytes);
      expect(figures!.warmRuns).toBe(10);
    }
    expect(output).toContain("Arkhiv's page against Pagefind's default UI");
  }
}, 900_000);

// With --photos each size is built again with a lead photo in every article: first resizing them, then with them cached.
test('the benchmark measures what lead photos add to a build', async () => {
  const json = join(scratch, 'bench-photos.json');
  const args = benchArgs(40, json, join(scratch, 'work'), '--no-incremental', '--no-search', '--photos');
  const run = await withBuildLock(() => runNode(args, { cwd: PROJECT_ROOT, env: buildEnvironment() }));
  expect(run.code, (run.stdout + run.stderr).slice(-3000)).toBe(0);
  expect(run.stdout).toContain('With a lead photo in every article:');
  const result = JSON.parse(await readFile(json, 'utf8')) as {
    rows: Array<{
      outputFiles: number;
      buildMs: number;
      photos?: { firstBuildMs: number; cachedBuildMs: number; overhead: number; outputFiles: number };
    }>;
  };
  const [row] = result.rows;
  const photos = row!.photos!;
  expect(photos.firstBuildMs).toBeGreaterThan(0);
  expect(photos.cachedBuildMs).toBeGreaterThan(0);
  expect(photos.overhead).toBeCloseTo(photos.cachedBuildMs / row!.buildMs, 5);
  // Each of about 40 articles gets its photo in four sizes (640 pixels wide: two lead, two thumbnail sizes).
  expect(photos.outputFiles - row!.outputFiles).toBeGreaterThanOrEqual(4 * 38);
}, 900_000);
