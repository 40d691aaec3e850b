/**
 * Measures how well search finds inflected Ukrainian words: recall@10 and
 * precision@10 of plain Pagefind, of the `@orama/stemmers` Ukrainian stemmer,
 * and of the site's own query stemming, over a set of judged queries.
 *
 *   npm run eval:search                          # seed + press corpus through `npm run ingest`, indexed directly
 *   npm run eval:search -- --content <archive>   # an archive folder, indexed directly
 *   npm run eval:search -- --site dist           # a built site and its index (`npm run build` first)
 *   npm run eval:search -- --half a              # one half of the press corpus (a: even-numbered files, b: odd)
 *
 * Every option, with its default: `npm run eval:search -- --help`.
 *
 * Relevance comes from the text Pagefind indexed: a page is relevant to a
 * query when it uses one of the listed forms of every query word.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stemmer as oramaStemmer } from '@orama/stemmers/ukrainian';
import { readArchiveRecords } from './lib/search-eval/content-records.ts';
import {
  evaluateMethod,
  formatScores,
  judgeQueries,
  textWords,
  type JudgedQuery,
  type MethodScore,
  type QueryForms,
  type QueryScore,
} from './lib/search-eval/evaluation.ts';
import { foldText } from '#lib/text/typography.ts';
import { inParadigm, paradigmOf } from '#lib/search/paradigm.ts';
import { articleIdOf, openSearchIndex, type NodeSearchIndex } from './lib/search-eval/node-search.ts';
import { keepForms } from '#lib/search/word-forms.ts';
import { hasFoldedWordStartingWith, queryParadigms, rerank, RERANK_WINDOW } from '#lib/search/rerank.ts';
import { mergeByScore } from '#lib/search/merge-results.ts';
import { pagefindQuery, plainQuery, queryWords, searchPlan, SEARCH_RANKING } from '#lib/search/query.ts';
import { parseQuery } from '#lib/search/query-syntax.ts';
import type { PagefindRanking } from '#lib/search/pagefind-types.ts';
import { writeRecordIndex } from './lib/search-eval/record-index.ts';
import { defineCli, oneOf, readCommandLine } from './lib/cli/parse-args.ts';

/**
 * A search method: what it sends to Pagefind, whether it also searches the
 * alternating roots' terms (`SearchPlan.alternatives`), and whether it
 * reorders the first results (`rerank.ts`), or drops those that use no form of the words; `forms`
 * keeps, of all the results, those whose words in the index include a form of every query word, as the
 * search page does (`word-forms.ts`).
 */
export interface Method {
  rewrite(query: string): string;
  alternatives?: boolean;
  rerank?: boolean;
  drop?: boolean;
  forms?: boolean;
}

/** The methods compared; `plain` is what stock Pagefind searches for. */
export const METHODS: Record<string, Method> = {
  plain: { rewrite: plainQuery },
  'orama-uk': {
    rewrite: (query) =>
      queryWords(query)
        .map((word) => oramaStemmer(word))
        .join(' '),
  },
  'arkhiv-stem': { rewrite: pagefindQuery },
  'arkhiv-stem+alt': { rewrite: pagefindQuery, alternatives: true },
  'arkhiv-stem+alt+rerank': { rewrite: pagefindQuery, alternatives: true, rerank: true },
  'arkhiv-stem+alt+drop': { rewrite: pagefindQuery, alternatives: true, rerank: true, drop: true },
  'arkhiv-stem+alt+forms': { rewrite: pagefindQuery, alternatives: true, forms: true },
};

/** The method the search page uses. */
export const SITE_METHOD = 'arkhiv-stem+alt+forms';

/** Pagefind terms a method sends per query, on average (each is one search). */
export function termsPerQuery(method: Method, queries: readonly string[]): number {
  const terms = queries.map((query) => 1 + (method.alternatives ? searchPlan(parseQuery(query)).alternatives.length : 0));
  return terms.reduce((sum, n) => sum + n, 0) / Math.max(1, queries.length);
}

/**
 * Ids of the first ten results of the search page's method: every result of the
 * query's term and of its alternative terms, merged by score, of which those that
 * use a form of every word (`keepForms`).
 */
async function runFormsMethod(index: NodeSearchIndex, method: Method, query: string): Promise<string[]> {
  const plan = searchPlan(parseQuery(query));
  // As the engine does: a word that begins no indexed word makes the query find nothing.
  if (!(await Promise.all(plan.inflected.map((word) => index.wordIndexed(word)))).every(Boolean)) return [];
  const lists = [await index.matches(method.rewrite(query))];
  for (const { term, prefix } of plan.alternatives) {
    // As the engine does: an alternative is searched only when the index holds a word with its prefix.
    if (await index.hasIndexedWord(prefix)) lists.push(await index.matches(term));
  }
  const results = mergeByScore(lists);
  const pageNumbers = new Map(await Promise.all(results.map(async (r) => [r.id, await index.pageNumber(r.id)] as const)));
  const forms = await Promise.all(plan.inflected.map((word) => index.pagesWithForms(word)));
  const kept = keepForms(results, (r) => pageNumbers.get(r.id) ?? -1, forms).slice(0, 10);
  return (await Promise.all(kept.map((r) => r.data()))).map((d) => articleIdOf(d.url));
}

/** Ids of the first ten results of one method, as the search page would show them. */
export async function runMethod(index: NodeSearchIndex, method: Method, query: string): Promise<string[]> {
  if (method.forms) return runFormsMethod(index, method, query);
  const limit = method.rerank ? RERANK_WINDOW : 10;
  const lists = [await index.results(method.rewrite(query), limit)];
  if (method.alternatives) {
    // As the engine does: an alternative counts only when its best result holds a word with its prefix.
    for (const { term, prefix } of searchPlan(parseQuery(query)).alternatives) {
      const results = await index.results(term, limit);
      if (results[0] && hasFoldedWordStartingWith(results[0].content, prefix)) lists.push(results);
    }
  }
  const results = mergeByScore(lists);
  const ranked = method.rerank ? rerank(results, (r) => r.content, queryParadigms(query), method.drop) : results;
  return ranked.slice(0, 10).map((r) => r.id);
}

const INGEST = fileURLToPath(new URL('ingest.ts', import.meta.url));

/**
 * One half of the press corpus, copied into `dir`: of its `.txt` files in
 * name order, the even-numbered (`a`) or the odd-numbered (`b`). Names begin
 * with the publication, so each half holds texts of every publication.
 */
async function corpusHalf(corpus: string, half: 'a' | 'b', dir: string): Promise<string> {
  if (!existsSync(corpus)) throw new Error(`${corpus} does not exist: pass --corpus <folder>.`);
  const files = (await readdir(corpus)).filter((f) => f.endsWith('.txt')).sort();
  await mkdir(dir, { recursive: true });
  for (const [i, file] of files.entries()) {
    if (i % 2 === (half === 'a' ? 0 : 1)) await copyFile(join(corpus, file), join(dir, file));
  }
  return dir;
}

/** Runs the project's ingest (`npm run ingest`) on the seed and the press corpus into a new archive folder. */
async function ingestCorpus(corpus: string, seed: string, contentDir: string): Promise<void> {
  for (const path of [corpus, seed]) {
    if (!existsSync(path)) throw new Error(`${path} does not exist: pass --corpus <folder> and --seed <file>, or --content / --site.`);
  }
  await mkdir(contentDir, { recursive: true });
  await copyFile(resolve('content/topics.yaml'), join(contentDir, 'topics.yaml'));
  // Press texts carry only a year in their file names; the date does not matter to search.
  const runs = [
    ['--date', '2016-01-01', seed],
    ['--one-per-file', '--date', '2016-01-01', corpus],
  ];
  for (const args of runs) {
    const result = spawnSync(process.execPath, [INGEST, '--content', contentDir, ...args], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`npm run ingest failed on ${args.at(-1)}:\n${result.stderr || result.stdout.slice(-2000)}`);
  }
}

/**
 * Why a query's first results are not perfect, for `--verbose`: the relevant
 * articles left out (with the forms they use) and the results shown that use
 * no listed form of some word (with the words the paradigm took for forms).
 */
function explainMisses(score: QueryScore, judged: JudgedQuery, pages: ReadonlyArray<{ id: string; content: string }>): string {
  const wordsOf = new Map(pages.map((page) => [page.id, textWords(page.content)]));
  const found = new Set(score.found);
  const paradigms = queryWords(judged.query).map((word) => paradigmOf(word));
  const lines: string[] = [];
  for (const id of judged.expected.filter((id) => !found.has(id)).slice(0, 10 - score.hits)) {
    const words = wordsOf.get(id)!;
    lines.push(
      `\t  left out ${id}: ${judged.forms.map((forms) => forms.filter((form) => words.has(foldText(form))).join('/')).join(' + ')}`,
    );
  }
  for (const id of score.found.filter((id) => !judged.expected.includes(id))) {
    const taken = [...(wordsOf.get(id) ?? [])].filter((word) => paradigms.some((paradigm) => inParadigm(word, paradigm)));
    lines.push(`\t  shown    ${id}: ${taken.join(', ') || '(no word the paradigm takes)'}`);
  }
  return lines.join('\n');
}

/** Evaluates every method on the index of `siteDir`; prints and returns the scores. */
export async function evaluateSite(
  siteDir: string,
  queries: readonly QueryForms[],
  verbose = false,
  ranking: PagefindRanking = SEARCH_RANKING,
): Promise<MethodScore[]> {
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
    const asked = judged.map((q) => q.query);
    console.log(
      `\nPagefind searches per query: ${Object.entries(METHODS)
        .map(([name, method]) => `${name} ${termsPerQuery(method, asked).toFixed(2)}`)
        .join(', ')}`,
    );
    if (verbose) {
      for (const score of scores) {
        for (const q of score.perQuery.filter((p) => p.recall < 1 || (p.precision ?? 1) < 1)) {
          console.log(
            `${score.method}\t${q.query} → «${METHODS[score.method]!.rewrite(q.query)}»\trecall ${q.recall.toFixed(2)}\tprecision ${q.precision?.toFixed(2) ?? '—'}`,
          );
          if (score.method === SITE_METHOD)
            console.log(
              explainMisses(
                q,
                judged.find((j) => j.query === q.query)!,
                pages,
              ),
            );
        }
      }
    }
    return scores;
  } finally {
    await index.close();
  }
}

const CLI = defineCli({
  command: 'npm run eval:search --',
  name: 'eval:search',
  usage: '[параметри]',
  summary: `Міряє, як пошук знаходить змінені форми українських слів: recall@10 і precision@10 простого Pagefind,
стемера @orama/stemmers і власного стемінгу сайту на наборі оцінених запитів. Без --site і --content
індексує сід і корпус преси, пропущені через npm run ingest.`,
  options: {
    site: { type: 'string', value: '<тека>', description: 'зібраний сайт з його індексом: спершу npm run build' },
    content: { type: 'string', value: '<тека>', description: 'тека архіву, проіндексована напряму' },
    corpus: {
      type: 'string',
      value: '<тека>',
      description: 'корпус преси для імпорту: тека з .txt',
      default: '../shared/corpus/bruk-press',
    },
    seed: { type: 'string', value: '<файл>', description: 'сід для імпорту', default: '../shared/seed/000_62e7a2a410e01d5e.txt' },
    queries: {
      type: 'string',
      value: '<файл.json>',
      description: 'оцінені запити',
      default: 'tests/fixtures/search-eval/press-queries.json',
    },
    half: {
      type: 'string',
      value: '<a|b>',
      description: 'лише половина корпусу преси: парні (a) чи непарні (b) файли за назвою',
      check: oneOf('--half', ['a', 'b']),
    },
    verbose: { type: 'boolean', description: 'показати кожен запит, на який метод відповідає не ідеально' },
  },
  exitCodes: [
    [0, 'оцінки надруковано'],
    [1, 'оцінка не вдалася (немає корпусу, сайту чи запитів)'],
    [2, 'неправильні параметри'],
  ],
});

async function main(): Promise<void> {
  const { values } = readCommandLine(CLI);
  const queries = JSON.parse(await readFile(resolve(values.queries), 'utf8')) as QueryForms[];
  if (values.site) {
    await evaluateSite(resolve(values.site), queries, values.verbose);
    return;
  }
  const work = await mkdtemp(join(tmpdir(), 'arkhiv-eval-'));
  try {
    const content = values.content ? resolve(values.content) : join(work, 'content');
    if (!values.content) {
      const half = values.half as 'a' | 'b' | undefined;
      const corpus = half ? await corpusHalf(resolve(values.corpus), half, join(work, `corpus-${half}`)) : resolve(values.corpus);
      await ingestCorpus(corpus, resolve(values.seed), content);
    }
    await writeRecordIndex(await readArchiveRecords(content), join(work, 'site'));
    await evaluateSite(join(work, 'site'), queries, values.verbose);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.cause ? `${error.message}\n${String(error.cause)}` : error.message) : error);
    process.exit(1);
  });
}
