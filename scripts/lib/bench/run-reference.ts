import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { folderSize } from './folder-size.ts';
import { generateArticles } from './generate-articles.ts';
import { writeHugoSite } from './hugo-site.ts';
import { measureRun } from './process-tree.ts';
import { median } from './stats.ts';
import { check, type SizeResult } from './run-size.ts';

/** The Hugo binary the comparison runs (`HUGO_PATH` overrides it). */
export const HUGO_PATH = process.env.HUGO_PATH ?? '/usr/bin/hugo';

/** The line `--compare` fails with when Hugo is missing. */
export const HUGO_MISSING = `--compare потребує Hugo, а ${HUGO_PATH} немає: встановіть його командою «apt-get install -y hugo» (або вкажіть шлях у HUGO_PATH)`;

export function hugoInstalled(): boolean {
  return existsSync(HUGO_PATH);
}

/** `hugo version` in short, e.g. `v0.111.3+extended`. */
export function hugoVersion(): string {
  const text = execFileSync(HUGO_PATH, ['version'], { encoding: 'utf8' });
  return /v\d+\.\d+\.\d+\S*/.exec(text)?.[0] ?? text.trim();
}

/** Version of the Pagefind package both sides index with. */
export async function pagefindVersion(projectRoot: string): Promise<string> {
  const manifest = JSON.parse(await readFile(join(projectRoot, 'node_modules/pagefind/package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

export interface ReferenceOptions {
  articles: number;
  seed: number;
  projectRoot: string;
  workDir: string;
  corpusSentences?: readonly string[];
  echo: boolean;
}

/** Hugo and the Pagefind CLI on the same generated articles as an Arkhiv run. */
export interface ReferenceResult {
  hugoMs: number;
  hugoPeak: number;
  pagefindMs: number;
  pagefindPeak: number;
  /** Hugo + Pagefind: the reference full build. */
  totalMs: number;
  peakMemory: number;
  /** Article pages in Hugo's output. */
  pages: number;
  /** Pages Pagefind indexed. */
  indexedPages: number;
  outputBytes: number;
  outputFiles: number;
  indexBytes: number;
}

/** A reference run with Arkhiv's times as multiples of its full build (above 1: Arkhiv is slower). */
export interface Comparison extends ReferenceResult {
  /** Arkhiv's site build + index over Hugo + Pagefind. */
  buildIndexRatio: number;
  /** Arkhiv's ingest + site build + index over Hugo + Pagefind. */
  totalRatio: number;
  /** Arkhiv's add-one-article rebuild over Hugo + Pagefind's full build. */
  incrementalRatio?: number;
}

/** Article pages (`posts/<yyyy>/<mm>/<dd>/<n>/index.html`) of a built Hugo site. */
export async function hugoArticlePages(site: string): Promise<number> {
  const paths = await readdir(join(site, 'posts'), { recursive: true }).catch(() => []);
  return paths.filter((path) => /^\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/.test(path.replace(/\\/g, '/'))).length;
}

/** Pages in a Pagefind index, from its `pagefind-entry.json`. */
export async function indexedPageCount(site: string): Promise<number> {
  const entry = JSON.parse(await readFile(join(site, 'pagefind/pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}

/**
 * Writes the Hugo site of the articles an Arkhiv run of the same size and
 * seed generates (untimed, as generating its input is), then times `hugo`
 * and `pagefind --site` on its output, each with its process tree's peak memory.
 */
export async function runReference(options: ReferenceOptions): Promise<ReferenceResult> {
  const { workDir } = options;
  const source = join(workDir, 'hugo');
  const site = join(workDir, 'public');
  await rm(workDir, { recursive: true, force: true });
  await writeHugoSite(generateArticles({ count: options.articles, seed: options.seed, corpusSentences: options.corpusSentences }), source);
  const run = (step: string, command: string, args: string[]) =>
    measureRun(command, args, { cwd: options.projectRoot, echo: options.echo }).then((r) => check(step, r));
  const hugo = await run('hugo', HUGO_PATH, ['--quiet', '--source', source, '--destination', site, '--cacheDir', join(workDir, 'cache')]);
  const pagefindCli = join(options.projectRoot, 'node_modules/.bin/pagefind');
  const pagefind = await run('pagefind', process.execPath, [pagefindCli, '--site', site, '--force-language', 'uk']);
  const output = await folderSize(site);
  return {
    hugoMs: hugo.wallMs,
    hugoPeak: hugo.peakTreeRss,
    pagefindMs: pagefind.wallMs,
    pagefindPeak: pagefind.peakTreeRss,
    totalMs: hugo.wallMs + pagefind.wallMs,
    peakMemory: Math.max(hugo.peakTreeRss, pagefind.peakTreeRss),
    pages: await hugoArticlePages(site),
    indexedPages: await indexedPageCount(site),
    outputBytes: output.bytes,
    outputFiles: output.files,
    indexBytes: (await folderSize(join(site, 'pagefind'))).bytes,
  };
}

/** Arkhiv's run against the reference run paired with it. */
export function compare(arkhiv: SizeResult, reference: ReferenceResult): Comparison {
  const comparison: Comparison = {
    ...reference,
    buildIndexRatio: (arkhiv.buildMs + arkhiv.indexMs) / reference.totalMs,
    totalRatio: arkhiv.totalMs / reference.totalMs,
  };
  if (arkhiv.incrementalMs !== undefined) comparison.incrementalRatio = arkhiv.incrementalMs / reference.totalMs;
  return comparison;
}

/** Median of each figure across paired runs; a ratio is the median of the pairs' ratios, so drift between pairs cancels. */
export function medianComparison(runs: readonly Comparison[]): Comparison {
  const pick = (get: (c: Comparison) => number | undefined) => {
    const list = runs.map(get).filter((v): v is number => v !== undefined);
    return list.length > 0 ? median(list) : undefined;
  };
  const row: Comparison = { ...runs[0]! };
  for (const key of [
    'hugoMs',
    'hugoPeak',
    'pagefindMs',
    'pagefindPeak',
    'totalMs',
    'peakMemory',
    'buildIndexRatio',
    'totalRatio',
  ] as const) {
    row[key] = pick((c) => c[key])!;
  }
  const incrementalRatio = pick((c) => c.incrementalRatio);
  if (incrementalRatio === undefined) delete row.incrementalRatio;
  else row.incrementalRatio = incrementalRatio;
  return row;
}
