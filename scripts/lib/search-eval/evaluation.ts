import { foldText } from '#lib/text/typography.ts';

/**
 * Recall and precision of the first results of a search method over a set of
 * judged queries. A judged query lists, for each of its words, every form of
 * that word (`forms`), and the articles that use a form of every word
 * (`expected`, article ids `yyyy/mm/dd/slug` or bare slugs).
 */
export interface JudgedQuery {
  query: string;
  /** One list of word forms per query word; an article is relevant when it uses a form of each. */
  forms: string[][];
  expected: string[];
}

export interface QueryScore {
  query: string;
  /** Ids of the first `k` results, best first. */
  found: string[];
  hits: number;
  recall: number;
  /** `null` when the method returned nothing: precision of no results is undefined. */
  precision: number | null;
}

export interface MethodScore {
  method: string;
  queries: number;
  /** Queries with at least one result. */
  answered: number;
  /** Mean over all queries of relevant results in the top k / min(k, relevant articles). */
  recall: number;
  /** Mean over answered queries of relevant results in the top k / results in the top k. */
  precision: number;
  perQuery: QueryScore[];
}

/** A query with the forms of its words, before judging it against an archive. */
export type QueryForms = Omit<JudgedQuery, 'expected'>;

/** The words of a text as `foldText` leaves them: what a form must equal. */
export function textWords(text: string): Set<string> {
  return new Set(
    foldText(text)
      .split(/[^\p{L}\p{N}\u02BC]+/u)
      .filter(Boolean),
  );
}

/**
 * Judges queries against the indexed text of every page: a page is relevant
 * when it uses some form of each query word, exactly as a whole word.
 */
export function judgeQueries(queries: readonly QueryForms[], pages: ReadonlyArray<{ id: string; content: string }>): JudgedQuery[] {
  const words = pages.map((page) => ({ id: page.id, words: textWords(page.content) }));
  return queries.map((q) => {
    const groups = q.forms.map((forms) => forms.map((form) => foldText(form)));
    const expected = words.filter((page) => groups.every((forms) => forms.some((form) => page.words.has(form)))).map((page) => page.id);
    return { ...q, expected: expected.sort() };
  });
}

/** Runs one query and returns the ids of its results, best first. */
export type SearchRun = (query: string) => Promise<string[]>;

/** Scores one query's ranked results against its judgement. */
export function scoreQuery(judged: JudgedQuery, ranked: readonly string[], k: number): QueryScore {
  const found = ranked.slice(0, k);
  const expected = new Set(judged.expected);
  const hits = found.filter((id) => expected.has(id)).length;
  return {
    query: judged.query,
    found,
    hits,
    recall: expected.size === 0 ? 1 : hits / Math.min(k, expected.size),
    precision: found.length === 0 ? null : hits / found.length,
  };
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** Evaluates one method over all queries, one query at a time. */
export async function evaluateMethod(method: string, queries: readonly JudgedQuery[], run: SearchRun, k = 10): Promise<MethodScore> {
  const perQuery: QueryScore[] = [];
  for (const judged of queries) perQuery.push(scoreQuery(judged, await run(judged.query), k));
  const answered = perQuery.filter((q) => q.precision !== null);
  return {
    method,
    queries: perQuery.length,
    answered: answered.length,
    recall: mean(perQuery.map((q) => q.recall)),
    precision: mean(answered.map((q) => q.precision!)),
    perQuery,
  };
}

/** A plain-text table of the scores, one method a row. */
export function formatScores(scores: readonly MethodScore[], k = 10): string {
  const rows = scores.map(
    (s) =>
      `${s.method.padEnd(24)} ${s.recall.toFixed(3).padStart(9)} ${s.precision.toFixed(3).padStart(12)} ${`${s.answered}/${s.queries}`.padStart(9)}`,
  );
  return [`${'method'.padEnd(24)} ${`recall@${k}`.padStart(9)} ${`precision@${k}`.padStart(12)} ${'answered'.padStart(9)}`, ...rows].join(
    '\n',
  );
}
