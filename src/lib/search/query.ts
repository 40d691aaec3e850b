import { foldText } from '../text/typography.ts';
import { alternatingPrefixes } from './paradigm.ts';
import { stemWord } from './stem.ts';
import type { PagefindRanking } from './pagefind-types.ts';
import { parseQuery, type QueryPart } from './query-syntax.ts';

/**
 * Turns what a reader typed into what Pagefind searches for. The typed text
 * goes through `foldText`, the same normaliser the ingest applies to articles
 * (one apostrophe, Cyrillic for Latin look-alikes, lower case), so that typed
 * and stored words meet; then every word loses its inflectional ending, and
 * Pagefind's prefix matching finds all its forms. Phrases in quotes are
 * matched exactly, and excluded words and phrases are searched on their own
 * (`query-syntax.ts`).
 */

/** A word: letters, digits, the apostrophe, and hyphens inside it (`ІТ-технології`). */
const WORD = /[\p{L}\p{N}\u02BC]+(?:-[\p{L}\p{N}\u02BC]+)*/gu;

/** The normalised words of a query, in order. */
export function queryWords(input: string): string[] {
  return foldText(input).match(WORD) ?? [];
}

/** What Pagefind is asked for a query (`parseQuery`), in terms that each take one `search()`. */
export interface SearchPlan {
  /** Terms every result matches: the stemmed words as one term, each phrase as its own quoted term. None: every page. */
  include: string[];
  /** Terms of the excluded words (one each, stemmed) and phrases: a result that one of them finds is left out. */
  exclude: string[];
  /** Stems of the included words and of the phrases' words, for highlighting. */
  stems: string[];
  /** The included words and the phrases' words as typed (normalised), whose paradigms rerank the results (`rerank.ts`). */
  words: string[];
  /** The included words outside phrases as typed (normalised): a result must use a form of each (`word-forms.ts`). */
  inflected: string[];
  /**
   * Terms whose pages join those of the first included term: the stemmed words
   * with one word's stem replaced by a prefix of its alternating root
   * (`Львова` → `львів`, `бібліотека` → `бібліотеці`, `paradigm.ts`), which the
   * stem does not find. `prefix` is that root: the engine uses a term only when
   * the index holds a word that begins with it.
   */
  alternatives: Array<{ term: string; prefix: string }>;
}

/**
 * Most alternative terms per query: each costs a Pagefind search. Words
 * usually have one or two alternating roots.
 */
export const MAX_ALTERNATIVES = 4;

/** The Pagefind term of a phrase: its normalised words in quotes, unstemmed (Pagefind matches them exactly, in order). */
function phraseTerm(text: string): string | null {
  const words = queryWords(text);
  return words.length > 0 ? `"${words.join(' ')}"` : null;
}

export function searchPlan(parts: readonly QueryPart[]): SearchPlan {
  const plan: SearchPlan = { include: [], exclude: [], stems: [], words: [], inflected: [], alternatives: [] };
  const wordStems: string[] = [];
  const searchedWords: string[] = [];
  for (const part of parts) {
    const words = queryWords(part.text);
    const stems = words.map((word) => stemWord(word));
    const phrase = part.quoted ? phraseTerm(part.text) : null;
    if (part.excluded) {
      // Each excluded word on its own: a result that uses any one of them is left out.
      plan.exclude.push(...(part.quoted ? (phrase ? [phrase] : []) : stems));
      continue;
    }
    if (phrase) plan.include.push(phrase);
    else if (!part.quoted) {
      wordStems.push(...stems);
      searchedWords.push(...words);
    }
    plan.stems.push(...stems);
    plan.words.push(...words);
  }
  if (wordStems.length > 0) plan.include.unshift(wordStems.join(' '));
  plan.inflected = searchedWords;
  plan.alternatives = alternativeTerms(searchedWords, wordStems);
  return plan;
}

/** The words' term with one stem at a time replaced by each prefix of its alternating roots, up to `MAX_ALTERNATIVES`. */
function alternativeTerms(words: readonly string[], stems: readonly string[]): SearchPlan['alternatives'] {
  const terms: SearchPlan['alternatives'] = [];
  words.forEach((word, i) => {
    for (const prefix of alternatingPrefixes(word, stems[i]!)) {
      const replaced = stems.map((stem, j) => (j === i ? prefix : stem));
      terms.push({ term: replaced.join(' '), prefix });
    }
  });
  return terms.slice(0, MAX_ALTERNATIVES);
}

/** Whether a plan asks Pagefind anything: a query of punctuation alone does not. */
export function hasTerms(plan: SearchPlan): boolean {
  return plan.include.length > 0 || plan.exclude.length > 0;
}

/**
 * One Pagefind term for a query, for the evaluation and the tests that run
 * Pagefind directly: the stemmed words, or a phrase alone in quotes. The
 * search page runs the whole `searchPlan` instead.
 */
export function pagefindQuery(input: string): string {
  return searchPlan(parseQuery(input)).include.join(' ');
}

/** The query without stemming: what stock Pagefind would search for (the baseline of the evaluation). */
export function plainQuery(input: string): string {
  return queryWords(input).join(' ');
}

/**
 * Pagefind's ranking for the site (and the evaluation). A stem matches its
 * word's forms and longer derived words alike; weighting term similarity
 * ranks forms close in length to the stem (the same word) above derived words.
 */
export const SEARCH_RANKING: PagefindRanking = { termSimilarity: 2 };
