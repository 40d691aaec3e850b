/**
 * Measures how well search finds inflected Ukrainian words: recall@10 and
 * precision@10 of plain Pagefind, of the `@orama/stemmers` Ukrainian stemmer,
 * and of the site's own query stemming, over a set of judged queries.
 *
 *   npm run eval:search                          # seed + press corpus, indexed directly
 *   npm run eval:search -- --content <archive>   # an archive folder (e.g. after `npm run ingest`)
 *   npm run eval:search -- --site dist           # a built site and its index
 *
 * Options: --corpus <folder of .txt> (default ../shared/corpus/bruk-press),
 * --seed <file> (default ../shared/seed/000_62e7a2a410e01d5e.txt),
 * --queries <json> (default tests/fixtures/search-eval/press-queries.json),
 * --verbose (every query that a method does not answer perfectly).
 *
 * Relevance comes from the text Pagefind indexed: a page is relevant to a
 * query when it uses one of the listed forms of every query word.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { stemmer as oramaStemmer } from '@orama/stemmers/ukrainian';
import { readArchiveRecords } from '../src/lib/search-content-records.ts';
import { evaluateMethod, formatScores, judgeQueries, type MethodScore, type QueryForms } from '../src/lib/search-evaluation.ts';
import { openSearchIndex, type NodeSearchIndex } from '../src/lib/search-node.ts';
import { rerank, queryStems, RERANK_WINDOW } from '../src/lib/search-rerank.ts';
import { pagefindQuery, plainQuery, queryWords, SEARCH_RANKING } from '../src/lib/search-query.ts';
import type { PagefindRanking } from '../src/lib/search-pagefind-types.ts';
import { writeRecordIndex, type ArticleRecord } from '../src/lib/search-record-index.ts';
import { normalizeText } from '../src/lib/typography.ts';

/** A search method: what it sends to Pagefind, and whether it reorders the first results (see search-rerank.ts). */
export interface Method {
  rewrite(query: string): string;
  rerank?: boolean;
}

/** The methods compared; `plain` is what stock Pagefind searches for. */
export const METHODS: Record<string, Method> = {
  plain: { rewrite: plainQuery },
  'orama-uk': { rewrite: (query) => queryWords(query).map((word) => oramaStemmer(word)).join(' ') },
  'arkhiv-stem': { rewrite: pagefindQuery },
  'arkhiv-stem+rerank': { rewrite: pagefindQuery, rerank: true },
};

/** Ids of the first ten results of one method, as the search page would show them. */
export async function runMethod(index: NodeSearchIndex, method: Method, query: string): Promise<string[]> {
  if (!method.rerank) return (await index.results(method.rewrite(query), 10)).map((r) => r.id);
  const results = await index.results(method.rewrite(query), RERANK_WINDOW);
  return rerank(results, (r) => r.content, queryStems(query)).slice(0, 10).map((r) => r.id);
}

function slugOf(file: string): string {
  return basename(file, '.txt').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** A press text (no headline, paragraphs split by blank lines; the year ends the file name) as a record. */
function pressRecord(file: string, text: string): ArticleRecord {
  const paragraphs = text.split(/\n\s*\n/).map(normalizeText).filter(Boolean);
  const year = basename(file).match(/_(\d{4})\.txt$/)?.[1] ?? '2000';
  const first = paragraphs[0] ?? '';
  return { id: `${year}/01/01/${slugOf(file)}`, title: first.split(/(?<=[.!?])\s/)[0]!.slice(0, 120), date: `${year}-01-01`, summary: '', topicNames: [], paragraphs };
}

/** The seed's lines as separate items; repeated lines are indexed once. */
function seedRecords(text: string): ArticleRecord[] {
  const lines = [...new Set(text.split('\n').map(normalizeText).filter(Boolean))];
  return lines.map((line, i) => ({ id: `2022/01/11/seed-${i + 1}`, title: line.slice(0, 80), date: '2022-01-11', summary: '', topicNames: [], paragraphs: [line] }));
}

async function corpusRecords(corpus: string, seed: string): Promise<ArticleRecord[]> {
  for (const path of [corpus, seed]) {
    if (!existsSync(path)) throw new Error(`${path} does not exist: pass --corpus <folder> and --seed <file>, or --content / --site.`);
  }
  const files = (await readdir(corpus)).filter((f) => f.endsWith('.txt')).sort();
  const press = await Promise.all(files.map(async (f) => pressRecord(f, await readFile(join(corpus, f), 'utf8'))));
  return [...seedRecords(await readFile(seed, 'utf8')), ...press];
}

/** Evaluates every method on the index of `siteDir`; prints and returns the scores. */
export async function evaluateSite(siteDir: string, queries: readonly QueryForms[], verbose = false, ranking: PagefindRanking = SEARCH_RANKING): Promise<MethodScore[]> {
  const index = await openSearchIndex(siteDir, { ranking });
  try {
    const pages = await index.pages();
    const judged = judgeQueries(queries, pages).filter((q) => q.expected.length > 0);
    const scores: MethodScore[] = [];
    for (const [name, method] of Object.entries(METHODS)) {
      scores.push(await evaluateMethod(name, judged, (query) => runMethod(index, method, query)));
    }
    console.log(`${pages.length} indexed pages, ${judged.length} of ${queries.length} queries with relevant pages\n`);
    console.log(formatScores(scores));
    if (verbose) {
      for (const score of scores) {
        for (const q of score.perQuery.filter((p) => p.recall < 1 || (p.precision ?? 1) < 1)) {
          console.log(`${score.method}\t${q.query} → «${METHODS[score.method]!.rewrite(q.query)}»\trecall ${q.recall.toFixed(2)}\tprecision ${q.precision?.toFixed(2) ?? '—'}`);
        }
      }
    }
    return scores;
  } finally {
    await index.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      site: { type: 'string' },
      content: { type: 'string' },
      corpus: { type: 'string', default: '../shared/corpus/bruk-press' },
      seed: { type: 'string', default: '../shared/seed/000_62e7a2a410e01d5e.txt' },
      queries: { type: 'string', default: 'tests/fixtures/search-eval/press-queries.json' },
      verbose: { type: 'boolean', default: false },
    },
  });
  const queries = JSON.parse(await readFile(resolve(values.queries), 'utf8')) as QueryForms[];
  if (values.site) {
    await evaluateSite(resolve(values.site), queries, values.verbose);
    return;
  }
  const records = values.content ? await readArchiveRecords(resolve(values.content)) : await corpusRecords(resolve(values.corpus), resolve(values.seed));
  const siteDir = await mkdtemp(join(tmpdir(), 'arkhiv-eval-'));
  try {
    await writeRecordIndex(records, siteDir);
    await evaluateSite(siteDir, queries, values.verbose);
  } finally {
    await rm(siteDir, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.cause ? `${error.message}\n${String(error.cause)}` : error.message) : error);
    process.exit(1);
  });
}
