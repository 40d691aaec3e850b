import { createWriteStream } from 'node:fs';
import { appendFile, copyFile, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import { MEDIA_CACHE_FOLDER } from '#lib/media/variant-plan.ts';
import { photoPool, withPhotos } from './bench-photos.ts';
import { folderSize } from './folder-size.ts';
import { generateArticles, LAST_YEAR, type GeneratedItem } from './generate-articles.ts';
import { measureRun, type RunMeasure } from './process-tree.ts';
import { ARKHIV_SEARCH, PAGEFIND_UI_SEARCH, serveSearchPages } from './search-pages.ts';
import { measureSearch, type SearchTiming } from './search-timing.ts';

export interface SizeOptions {
  articles: number;
  seed: number;
  projectRoot: string;
  workDir: string;
  corpusSentences?: readonly string[];
  /** Also time publishing one new article, editing it and removing it, each with its rebuild. */
  incremental: boolean;
  /** Processes `npm run build` splits the build into; the build's own default (one per core) when absent. */
  shards?: number;
  /** Measure search in Chromium: Arkhiv's search page, then Pagefind's default UI on the same index. */
  search: boolean;
  /**
   * Give every article a lead photo of its own, and also time a full build
   * whose resized photos are already cached (everything else cleared).
   */
  photos?: boolean;
  echo: boolean;
}

export interface SizeResult {
  articles: number;
  written: number;
  ingestMs: number;
  ingestPeak: number;
  buildMs: number;
  buildPeak: number;
  indexMs: number;
  indexPeak: number;
  totalMs: number;
  peakMemory: number;
  outputBytes: number;
  outputFiles: number;
  indexBytes: number;
  indexFiles: number;
  /** A new article of the newest year: its ingest and the rebuild. */
  incrementalMs?: number;
  /** That article's text changed in place, and the rebuild. */
  editMs?: number;
  /** That article deleted, and the rebuild. */
  removeMs?: number;
  /** Arkhiv's search page. */
  search?: SearchTiming;
  /** Pagefind's default UI on the same site and index, timed the same way (`search-pages.ts`). */
  pagefindUi?: SearchTiming;
  /** With `photos`: a full build from empty caches but the resized photos'. */
  cachedPhotosBuildMs?: number;
}

/**
 * Words that the generated archive certainly contains, each in a form that
 * occurs in its text, so that Pagefind's default UI, which matches words
 * only as written (it has no Ukrainian stemming), finds them as Arkhiv's
 * page does, and the two are timed on the same searches.
 */
export const COLD_QUERY = 'енергосистеми';
export const WARM_QUERIES = [
  'мостів',
  'Харкові',
  'переселенцям',
  'бюджет',
  'залізниця',
  'лікарні',
  'фермерів',
  'укриттів',
  'зерно',
  'театру',
];

const ITEMS_PER_FILE = 5_000;

async function writeInputs(items: Iterable<GeneratedItem> | AsyncIterable<GeneratedItem>, folder: string): Promise<void> {
  await mkdir(folder, { recursive: true });
  let file: ReturnType<typeof createWriteStream> | undefined;
  let count = 0;
  for await (const item of items) {
    if (count % ITEMS_PER_FILE === 0) {
      file?.end();
      if (file) await once(file, 'finish');
      file = createWriteStream(join(folder, `items-${String(count / ITEMS_PER_FILE).padStart(3, '0')}.jsonl`));
    }
    if (!file!.write(`${JSON.stringify(item)}\n`)) await once(file!, 'drain');
    count += 1;
  }
  file?.end();
  if (file) await once(file, 'finish');
}

/** Empties a build cache but for its resized photos (`MEDIA_CACHE_FOLDER`, shared by the shards). */
async function clearAllButPhotos(folder: string): Promise<void> {
  for (const entry of await readdir(folder))
    if (entry !== MEDIA_CACHE_FOLDER) await rm(join(folder, entry), { recursive: true, force: true });
}

/** `run` when it succeeded; an error with the end of its output otherwise. */
export function check(step: string, run: RunMeasure): RunMeasure {
  if (run.code !== 0) {
    const tail = `${run.stdout}\n${run.stderr}`.trim().split('\n').slice(-30).join('\n');
    throw new Error(`Benchmark step "${step}" failed with exit code ${run.code}:\n${tail}`);
  }
  return run;
}

/** One row of the benchmark: generate, ingest, build, index and search an archive of one size. */
export async function runSize(options: SizeOptions): Promise<SizeResult> {
  const { projectRoot, workDir } = options;
  const node = process.execPath;
  const input = join(workDir, 'input');
  const archive = join(workDir, 'archive');
  const site = join(workDir, 'site');
  const cache = join(workDir, 'cache');
  await rm(workDir, { recursive: true, force: true });
  await mkdir(join(archive, 'articles'), { recursive: true });
  await copyFile(join(projectRoot, 'content/topics.yaml'), join(archive, 'topics.yaml'));
  const generated = generateArticles({ count: options.articles, seed: options.seed, corpusSentences: options.corpusSentences });
  const pool = options.photos ? await photoPool() : [];
  await writeInputs(options.photos ? withPhotos(generated, archive, pool) : generated, input);

  const env = {
    ...process.env,
    ARKHIV_CONTENT: archive,
    ARKHIV_CACHE_DIR: cache,
    ARKHIV_BUILD_ID: `bench-${options.articles}-${Date.now()}`,
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  const run = (step: string, args: string[], extraEnv: NodeJS.ProcessEnv = {}) =>
    measureRun(node, args, { cwd: projectRoot, env: { ...env, ...extraEnv }, echo: options.echo }).then((r) => check(step, r));

  const reportFile = join(workDir, 'ingest-report.json');
  const ingest = await run('ingest', ['scripts/ingest.ts', '--content', archive, '--report', reportFile, input]);
  // `npm run build` as a reader runs it: site and search index together, in shards (one per core by default).
  const buildArgs = ['scripts/build.ts', '--outDir', site, ...(options.shards ? ['--shards', String(options.shards)] : [])];
  const build = await run('build', buildArgs);
  const index = { wallMs: 0, peakTreeRss: 0 };
  const output = await folderSize(site);
  const indexSize = await folderSize(join(site, 'pagefind'));
  const { default: report } = (await import(reportFile, { with: { type: 'json' } })) as { default: { items?: Array<{ outcome: string }> } };
  const written = report.items?.filter((item) => item.outcome === 'written').length ?? 0;

  const result: SizeResult = {
    articles: options.articles,
    written,
    ingestMs: ingest.wallMs,
    ingestPeak: ingest.peakTreeRss,
    buildMs: build.wallMs,
    buildPeak: build.peakTreeRss,
    indexMs: index.wallMs,
    indexPeak: index.peakTreeRss,
    totalMs: ingest.wallMs + build.wallMs + index.wallMs,
    peakMemory: Math.max(ingest.peakTreeRss, build.peakTreeRss, index.peakTreeRss),
    outputBytes: output.bytes,
    outputFiles: output.files,
    indexBytes: indexSize.bytes,
    indexFiles: indexSize.files,
  };

  if (options.photos) {
    // As a clean build, but with the photos resized by the build before: what every later full build costs.
    await rm(site, { recursive: true, force: true });
    await clearAllButPhotos(cache);
    result.cachedPhotosBuildMs = (await run('build with cached photos', buildArgs)).wallMs;
  }

  if (options.incremental) {
    // A newsroom publishes into the newest year: the one article is dated there.
    const extra = join(workDir, 'one-more');
    const extraReport = join(workDir, 'one-more-report.json');
    const one = generateArticles({ count: 1, seed: options.seed + 1_000_003, firstYear: LAST_YEAR, lastYear: LAST_YEAR });
    await writeInputs(options.photos ? withPhotos(one, archive, pool.slice(1), options.articles) : one, extra);
    let started = performance.now();
    await run('ingest one more', ['scripts/ingest.ts', '--content', archive, '--report', extraReport, extra]);
    await run('rebuild', buildArgs);
    result.incrementalMs = performance.now() - started;

    const written = (JSON.parse(await readFile(extraReport, 'utf8')) as { items?: Array<{ outcome: string; path?: string }> }).items?.find(
      (item) => item.outcome === 'written' && item.path,
    );
    if (written?.path) {
      const file = join(archive, written.path);
      started = performance.now();
      await appendFile(file, '\nРедакція доповнила цю статтю одним абзацом.\n');
      await run('rebuild after an edit', buildArgs);
      result.editMs = performance.now() - started;
      started = performance.now();
      await rm(file);
      await run('rebuild after a removal', buildArgs);
      result.removeMs = performance.now() - started;
    }
  }

  if (options.search) {
    const server = await serveSearchPages(site);
    try {
      result.search = await measureSearch(server.url, ARKHIV_SEARCH, COLD_QUERY, WARM_QUERIES);
      result.pagefindUi = await measureSearch(server.url, PAGEFIND_UI_SEARCH, COLD_QUERY, WARM_QUERIES);
    } finally {
      await server.close();
    }
  }
  return result;
}
