/**
 * `npm run bench -- [--articles 1000,10000,…] [--corpus <dir>] [--runs N] [--seed N]
 *   [--json <file>] [--work <folder>] [--no-search] [--no-incremental] [--photos] [--compare] [--keep] [--verbose]`
 *
 * Generates archives of the given sizes through the real ingest, builds the
 * real site and search index, measures time and whole-process-tree memory,
 * measures search in Chromium on loopback, and prints one table with growth
 * exponents. Figures are medians of `--runs` runs (default: 3 for sizes up to
 * 1,000 articles, 1 above). With `--compare`, each run is paired with a
 * build of the same articles by Hugo and the Pagefind CLI, and a second table
 * gives Arkhiv's times as multiples of theirs. With `--photos`, each run is
 * followed by one of the same articles with a lead photo each, and a third
 * table gives what the photos add to a full build once they are resized.
 * Search is timed on Arkhiv's page and on Pagefind's default UI over the
 * same index, and a last table gives the two side by side.
 */
import { statSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { splitSentences } from './lib/bench/generate-articles.ts';
import { defineCli, exitWithUsageError, positiveInteger, readCommandLine } from './lib/cli/parse-args.ts';
import { formatGrowth, formatPhotoTable, formatSearchTable, formatTable, growth, type PhotoFigures } from './lib/bench/report.ts';
import { COLD_QUERY, runSize, WARM_QUERIES, type SizeResult } from './lib/bench/run-size.ts';
import { medianTiming, type SearchTiming } from './lib/bench/search-timing.ts';
import { comparisonNote, formatComparison } from './lib/bench/compare-report.ts';
import {
  compare,
  HUGO_MISSING,
  hugoInstalled,
  hugoVersion,
  medianComparison,
  pagefindVersion,
  runReference,
  type Comparison,
} from './lib/bench/run-reference.ts';
import { median } from './lib/bench/stats.ts';

const root = resolve(import.meta.dirname, '..');
const CLI = defineCli({
  command: 'npm run bench --',
  name: 'bench',
  usage: '[параметри]',
  summary: `Генерує архіви заданих розмірів справжнім імпортом, збирає сайт і пошуковий індекс, міряє час
і памʼять усього дерева процесів, міряє пошук у Chromium і друкує таблицю з показниками росту.`,
  options: {
    articles: {
      type: 'string',
      value: '<n,n,…>',
      description: 'розміри архівів (кількість статей) через кому',
      default: '100,1000,5000',
      check: (value) =>
        value.split(',').every((size) => /^[1-9]\d*$/.test(size.trim()))
          ? undefined
          : `--articles приймає цілі числа через кому, наприклад --articles 1000,10000 (отримано «${value}»)`,
    },
    corpus: {
      type: 'string',
      value: '<тека>',
      description: 'тека з .txt, з речень яких складати статті',
      defaultText: 'вбудований словник',
      check: (value) =>
        statSync(value, { throwIfNoEntry: false })?.isDirectory()
          ? undefined
          : `--corpus: теки «${value}» немає; дайте теку з файлами .txt`,
    },
    runs: {
      type: 'string',
      value: '<n>',
      description: 'запусків на розмір; цифри — медіани',
      defaultText: '3 до 1000 статей, 1 понад',
      check: positiveInteger('--runs'),
    },
    seed: {
      type: 'string',
      value: '<n>',
      description: 'зерно генератора статей',
      default: '20260126',
      check: (value) => (/^\d+$/.test(value) ? undefined : `--seed приймає ціле число, наприклад --seed 1 (отримано «${value}»)`),
    },
    json: {
      type: 'string',
      value: '<файл>',
      description: 'куди записати цифри, у JSON',
      default: join(root, 'bench/results/latest.json'),
      defaultText: 'bench/results/latest.json',
    },
    shards: {
      type: 'string',
      value: '<n>',
      description: 'на скільки процесів ділити збірку (npm run build -- --shards)',
      defaultText: 'як у npm run build: кількість ядер',
      check: positiveInteger('--shards'),
    },
    'no-search': { type: 'boolean', description: 'не міряти пошук у Chromium' },
    'no-incremental': { type: 'boolean', description: 'не міряти повторні збірки після нової, зміненої й вилученої статті' },
    photos: {
      type: 'boolean',
      description:
        'ще раз з головним фото в кожній статті: перша збірка (зменшує фото) і збірка з уже зменшеними фото проти збірки без фото',
    },
    compare: { type: 'boolean', description: 'зібрати ті самі статті Hugo з Pagefind CLI і порівняти часи (потрібен hugo)' },
    work: {
      type: 'string',
      value: '<тека>',
      description: 'де генерувати архіви й збирати сайти',
      default: join(root, 'bench/out'),
      defaultText: 'bench/out',
    },
    keep: { type: 'boolean', description: 'залишити згенеровані архіви й сайти в теці --work' },
    verbose: { type: 'boolean', description: 'показувати вивід імпорту та збірки' },
  },
  exitCodes: [
    [0, 'виміри записано'],
    [1, 'збірка, імпорт чи вимір не вдалися'],
    [2, 'неправильні параметри або для --compare немає Hugo'],
  ],
});
const { values } = readCommandLine(CLI);
const sizes = values.articles.split(',').map((s) => Number(s.trim()));

/** Sentences of every `.txt` file in `folder`; none when it holds no prose. */
async function loadCorpus(folder: string): Promise<string[]> {
  const names = (await readdir(folder)).filter((name) => name.endsWith('.txt')).sort();
  const texts = await Promise.all(names.map((name) => readFile(join(folder, name), 'utf8')));
  return texts.flatMap(splitSentences);
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
  row.editMs = pick((r) => r.editMs);
  row.removeMs = pick((r) => r.removeMs);
  for (const key of ['search', 'pagefindUi'] as const) {
    const timings = runs.map((r) => r[key]).filter((t): t is SearchTiming => t !== undefined);
    if (timings.length > 0) row[key] = medianTiming(timings);
  }
  return row;
}

/** What the photos add, from runs paired with the runs without photos (median of the pairs' ratios). */
function photoFigures(plain: readonly SizeResult[], withPhotos: readonly SizeResult[]): PhotoFigures {
  const pick = (get: (r: SizeResult) => number | undefined) => median(withPhotos.map(get).filter((v): v is number => v !== undefined));
  return {
    firstBuildMs: pick((r) => r.buildMs),
    cachedBuildMs: pick((r) => r.cachedPhotosBuildMs),
    overhead: median(withPhotos.map((r, i) => r.cachedPhotosBuildMs! / plain[i]!.buildMs)),
    ...(withPhotos[0]!.incrementalMs === undefined ? {} : { incrementalMs: pick((r) => r.incrementalMs) }),
    outputFiles: pick((r) => r.outputFiles),
    outputBytes: pick((r) => r.outputBytes),
  };
}

const corpusSentences = values.corpus ? await loadCorpus(resolve(values.corpus)) : undefined;
if (corpusSentences?.length === 0) exitWithUsageError(CLI, `--corpus: у «${values.corpus}» немає файлів .txt з реченнями`);
if (values.compare && !hugoInstalled()) exitWithUsageError(CLI, HUGO_MISSING);
const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memory: `${Math.round(totalmem() / 1024 ** 3)} GB`,
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
};
console.log(`Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memory}, Node ${machine.node}`);
if (corpusSentences) console.log(`Corpus: ${corpusSentences.length} sentences from ${values.corpus}`);
/** Where each size's archive, site and caches go (`--work`). */
const workRoot = resolve(values.work);
const reference = values.compare ? { hugo: hugoVersion(), pagefind: await pagefindVersion(root) } : undefined;
if (reference) console.log(`Compared with: Hugo ${reference.hugo} + Pagefind ${reference.pagefind} CLI`);

/** Load average (1 minute) when each size started and ended: other work on the machine inflates wall times. */
const rows: Array<SizeResult & { runs: number; loadAverage: [number, number]; reference?: Comparison; photos?: PhotoFigures }> = [];

async function saveFigures(): Promise<void> {
  await mkdir(resolve(values.json, '..'), { recursive: true });
  const figures = {
    date: new Date().toISOString(),
    machine,
    corpus: values.corpus ? 'external corpus' : 'built-in lexicon',
    seed: Number(values.seed),
    ...(reference ? { reference: { ...reference, note: comparisonNote(reference.hugo, reference.pagefind) } } : {}),
    rows,
    growth: growth(rows),
  };
  await writeFile(values.json, `${JSON.stringify(figures, null, 2)}\n`);
}
for (const articles of sizes) {
  const runs = values.runs ? Number(values.runs) : articles <= 1000 ? 3 : 1;
  const results: SizeResult[] = [];
  const comparisons: Comparison[] = [];
  const photoRuns: SizeResult[] = [];
  const loadBefore = loadavg()[0]!;
  for (let run = 1; run <= runs; run += 1) {
    process.stderr.write(`\n▶ ${articles} articles, run ${run}/${runs}\n`);
    const workDir = join(workRoot, String(articles));
    const result = await runSize({
      articles,
      seed: Number(values.seed),
      projectRoot: root,
      workDir,
      corpusSentences,
      incremental: !values['no-incremental'],
      ...(values.shards ? { shards: Number(values.shards) } : {}),
      search: !values['no-search'],
      echo: values.verbose,
    });
    results.push(result);
    if (!values.keep) await rm(workDir, { recursive: true, force: true });
    if (values.photos) {
      process.stderr.write(`▶ ${articles} articles, run ${run}/${runs}: with a lead photo each\n`);
      const photoDir = join(workRoot, `${articles}-photos`);
      photoRuns.push(
        await runSize({
          articles,
          seed: Number(values.seed),
          projectRoot: root,
          workDir: photoDir,
          corpusSentences,
          incremental: !values['no-incremental'],
          ...(values.shards ? { shards: Number(values.shards) } : {}),
          search: false,
          photos: true,
          echo: values.verbose,
        }),
      );
      if (!values.keep) await rm(photoDir, { recursive: true, force: true });
    }
    if (reference) {
      // Right after the Arkhiv run it is paired with, so that drift in the machine's load affects both alike.
      process.stderr.write(`▶ ${articles} articles, run ${run}/${runs}: Hugo + Pagefind\n`);
      const referenceDir = join(workRoot, `${articles}-hugo`);
      const options = {
        articles,
        seed: Number(values.seed),
        projectRoot: root,
        workDir: referenceDir,
        corpusSentences,
        echo: values.verbose,
      };
      comparisons.push(compare(result, await runReference(options)));
      if (!values.keep) await rm(referenceDir, { recursive: true, force: true });
    }
  }
  const row = { ...medianRow(results), runs, loadAverage: [loadBefore, loadavg()[0]!] as [number, number] };
  rows.push({
    ...row,
    ...(comparisons.length > 0 ? { reference: medianComparison(comparisons) } : {}),
    ...(photoRuns.length > 0 ? { photos: photoFigures(results, photoRuns) } : {}),
  });
  // Each finished size is printed and saved at once, so a long run that is stopped keeps its figures.
  console.log(`${formatTable(rows.slice(-1)).split('\n').at(-1)}  (load average ${loadBefore.toFixed(1)} → ${loadavg()[0]!.toFixed(1)})`);
  if (reference) console.log(formatComparison(rows.slice(-1)).split('\n').at(-1));
  if (values.photos) console.log(formatPhotoTable(rows.slice(-1)).split('\n').at(-1));
  if (rows.at(-1)!.pagefindUi) console.log(formatSearchTable(rows.slice(-1)).split('\n').at(-1));
  await saveFigures();
}

console.log('');
console.log(formatTable(rows));
console.log('');
const exponents = growth(rows);
console.log(formatGrowth(exponents));
console.log(`Runs per size: ${rows.map((r) => `${r.articles}: ${r.runs}`).join(', ')} (figures are medians).`);
if (reference) {
  console.log('');
  console.log('Against Hugo + Pagefind:');
  console.log('');
  console.log(formatComparison(rows));
  console.log('');
  console.log(comparisonNote(reference.hugo, reference.pagefind));
}
if (rows.some((row) => row.pagefindUi)) {
  console.log('');
  console.log(
    `Search, Arkhiv's page against Pagefind's default UI on the same index (cold query «${COLD_QUERY}», ${WARM_QUERIES.length} warm queries):`,
  );
  console.log('');
  console.log(formatSearchTable(rows));
}
if (values.photos) {
  console.log('');
  console.log('With a lead photo in every article:');
  console.log('');
  console.log(formatPhotoTable(rows));
}

await saveFigures();
console.log(`Figures written to ${values.json}`);
