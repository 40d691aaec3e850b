/**
 * `npm run bench -- [--articles 1000,10000,…] [--corpus <dir>] [--runs N] [--seed N]
 *   [--json <file>] [--no-search] [--no-incremental] [--keep] [--verbose]`
 *
 * Generates archives of the given sizes through the real ingest, builds the
 * real site and search index, measures time and whole-process-tree memory,
 * measures search in Chromium on loopback, and prints one table with growth
 * exponents. Figures are medians of `--runs` runs (default: 3 for sizes up to
 * 1,000 articles, 1 above).
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { splitSentences } from './lib/bench/generate-articles.ts';
import { formatGrowth, formatTable, growth } from './lib/bench/report.ts';
import { runSize, type SizeResult } from './lib/bench/run-size.ts';
import { median } from './lib/bench/stats.ts';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '100,1000,5000' },
    corpus: { type: 'string' },
    runs: { type: 'string' },
    seed: { type: 'string', default: '20260126' },
    json: { type: 'string', default: join(root, 'bench/results/latest.json') },
    'no-search': { type: 'boolean', default: false },
    'no-incremental': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  console.log(`Usage: npm run bench -- [--articles 1000,10000,20000,100000] [--corpus <dir of .txt>] [--runs N]
  [--seed N] [--json <file>] [--no-search] [--no-incremental] [--keep] [--verbose]`);
  process.exit(0);
}

const sizes = values.articles.split(',').map((s) => Number(s.trim()));
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) {
  console.error(`--articles takes whole numbers separated by commas, e.g. --articles 1000,10000 (got "${values.articles}").`);
  process.exit(2);
}

async function loadCorpus(folder: string): Promise<string[]> {
  const names = (await readdir(folder)).filter((name) => name.endsWith('.txt')).sort();
  const texts = await Promise.all(names.map((name) => readFile(join(folder, name), 'utf8')));
  const sentences = texts.flatMap(splitSentences);
  if (sentences.length === 0) throw new Error(`No usable sentences in ${folder}: expected .txt files of prose.`);
  return sentences;
}

/** Median of each figure across runs (the row of the first run for everything else). */
function medianRow(runs: readonly SizeResult[]): SizeResult {
  const first = runs[0]!;
  const pick = (get: (r: SizeResult) => number | undefined) => {
    const list = runs.map(get).filter((v): v is number => v !== undefined);
    return list.length > 0 ? median(list) : undefined;
  };
  const row: SizeResult = { ...first };
  for (const key of ['ingestMs', 'ingestPeak', 'buildMs', 'buildPeak', 'indexMs', 'indexPeak', 'totalMs', 'peakMemory'] as const) {
    row[key] = pick((r) => r[key])!;
  }
  row.incrementalMs = pick((r) => r.incrementalMs);
  if (first.search) {
    row.search = {
      ...first.search,
      coldBytes: pick((r) => r.search?.coldBytes)!,
      coldMs: pick((r) => r.search?.coldMs)!,
      warmMedianMs: pick((r) => r.search?.warmMedianMs)!,
    };
  }
  return row;
}

const corpusSentences = values.corpus ? await loadCorpus(resolve(values.corpus)) : undefined;
const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memory: `${Math.round(totalmem() / 1024 ** 3)} GB`,
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
};
console.log(`Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memory}, Node ${machine.node}`);
if (corpusSentences) console.log(`Corpus: ${corpusSentences.length} sentences from ${values.corpus}`);

/** Load average (1 minute) when each size started and ended: other work on the machine inflates wall times. */
const rows: Array<SizeResult & { runs: number; loadAverage: [number, number] }> = [];

async function saveFigures(): Promise<void> {
  await mkdir(resolve(values.json, '..'), { recursive: true });
  const figures = { date: new Date().toISOString(), machine, corpus: values.corpus ? 'external corpus' : 'built-in lexicon', seed: Number(values.seed), rows, growth: growth(rows) };
  await writeFile(values.json, `${JSON.stringify(figures, null, 2)}\n`);
}
for (const articles of sizes) {
  const runs = values.runs ? Number(values.runs) : articles <= 1000 ? 3 : 1;
  const results: SizeResult[] = [];
  const loadBefore = loadavg()[0]!;
  for (let run = 1; run <= runs; run += 1) {
    process.stderr.write(`\n▶ ${articles} articles, run ${run}/${runs}\n`);
    const workDir = join(root, 'bench/out', String(articles));
    const result = await runSize({
      articles,
      seed: Number(values.seed),
      projectRoot: root,
      workDir,
      corpusSentences,
      incremental: !values['no-incremental'],
      search: !values['no-search'],
      echo: values.verbose,
    });
    results.push(result);
    if (!values.keep) await rm(workDir, { recursive: true, force: true });
  }
  rows.push({ ...medianRow(results), runs, loadAverage: [loadBefore, loadavg()[0]!] });
  // Each finished size is printed and saved at once, so a long run that is stopped keeps its figures.
  console.log(`${formatTable(rows.slice(-1)).split('\n').at(-1)}  (load average ${loadBefore.toFixed(1)} → ${loadavg()[0]!.toFixed(1)})`);
  await saveFigures();
}

console.log('');
console.log(formatTable(rows));
console.log('');
const exponents = growth(rows);
console.log(formatGrowth(exponents));
console.log(`Runs per size: ${rows.map((r) => `${r.articles}: ${r.runs}`).join(', ')} (figures are medians).`);

await saveFigures();
console.log(`Figures written to ${values.json}`);
