import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { HUGO_PATH, hugoInstalled, runReference } from '../../scripts/lib/bench/run-reference.ts';
import { buildEnvironment, PROJECT_ROOT, withBuildLock } from '../helpers/build-site.ts';
import { benchArgs } from '../helpers/bench-args.ts';
import { runNode } from '../helpers/run-node.ts';

const scratch = await mkdtemp(join(tmpdir(), 'arkhiv-bench-compare-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

/** Outside CI a missing Hugo skips these tests with a message; in CI (`CI=true`) it is an error. */
function hugoAvailable(): boolean {
  if (hugoInstalled()) return true;
  if (process.env.CI) throw new Error(`Hugo is required in CI but ${HUGO_PATH} is missing: install it with "apt-get install -y hugo".`);
  console.warn(`Skipping the comparison with Hugo: no Hugo at ${HUGO_PATH} (install it with "apt-get install -y hugo", or set HUGO_PATH).`);
  return false;
}

interface BenchFile {
  reference?: { hugo: string; pagefind: string; note: string };
  rows: Array<{
    articles: number;
    reference?: Record<string, number>;
  }>;
}

describe.skipIf(!hugoAvailable())('the comparison with Hugo + Pagefind', () => {
  // A smoke test: it fails on errors and missing figures, never on time.
  test('--compare prints and saves Arkhiv’s times against Hugo + Pagefind’s', async () => {
    const json = join(scratch, 'bench.json');
    const args = benchArgs(200, json, join(scratch, 'work'), '--no-search', '--compare');
    const run = await withBuildLock(() => runNode(args, { cwd: PROJECT_ROOT, env: buildEnvironment() }));
    const output = run.stdout + run.stderr;

    expect(run.code, output.slice(-3000)).toBe(0);
    expect(output).toContain('Against Hugo + Pagefind:');
    expect(output).toMatch(/\| Hugo build \| Pagefind index \| Hugo \+ Pagefind \|/);
    expect(output).toMatch(/^\| 200 \|.*×.*×.*×/m);
    const result = JSON.parse(await readFile(json, 'utf8')) as BenchFile;
    expect(result.reference?.hugo).toMatch(/^v\d+\./);
    expect(result.reference?.pagefind).toMatch(/^\d+\./);
    const figures = result.rows[0]?.reference;
    for (const key of [
      'hugoMs',
      'hugoPeak',
      'pagefindMs',
      'pagefindPeak',
      'totalMs',
      'peakMemory',
      'buildIndexRatio',
      'totalRatio',
      'incrementalRatio',
    ]) {
      expect(figures?.[key], key).toBeGreaterThan(0);
    }
    expect(figures?.pages).toBe(200);
    expect(figures?.indexedPages).toBe(200);
  }, 900_000);

  test('Hugo writes one page per article and Pagefind indexes each of them', async () => {
    const workDir = join(scratch, 'reference');
    const result = await runReference({ articles: 120, seed: 7, projectRoot: PROJECT_ROOT, workDir, echo: false });

    const site = join(workDir, 'public');
    const files = (await readdir(join(site, 'posts'), { recursive: true })).map((path) => path.replace(/\\/g, '/'));
    expect(files.filter((path) => /^\d{4}\/\d{2}\/\d{2}\/\d+\/index\.html$/.test(path))).toHaveLength(120);
    const entry = JSON.parse(await readFile(join(site, 'pagefind/pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(Object.keys(entry.languages)).toEqual(['uk']);
    expect(entry.languages.uk?.page_count).toBe(120);
    expect(result).toMatchObject({ pages: 120, indexedPages: 120 });
    // Only article bodies are indexed, as in Arkhiv: list pages carry no `data-pagefind-body`.
    const list = await readFile(join(site, 'index.html'), 'utf8');
    expect(list).not.toContain('data-pagefind-body');
    expect(await readFile(join(site, 'sitemap.xml'), 'utf8')).toContain('<urlset');
  }, 300_000);
});
