import { foldText } from '../text/typography.ts';
import { stemWord } from './stem.ts';
import type { PagefindRanking } from './pagefind-types.ts';

/**
 * Turns what a reader typed into what Pagefind searches for. The typed text
 * goes through `foldText`, the same normaliser the ingest applies to articles
 * (one apostrophe, Cyrillic for Latin look-alikes, lower case), so that typed
 * and stored words meet; then every word loses its inflectional ending, and
 * Pagefind's prefix matching finds all its forms.
 */

/** A word: letters, digits, the apostrophe, and hyphens inside it (`ІТ-технології`). */
const WORD = /[\p{L}\p{N}\u02BC]+(?:-[\p{L}\p{N}\u02BC]+)*/gu;

/** The normalised words of a query, in order. */
export function queryWords(input: string): string[] {
  return foldText(input).match(WORD) ?? [];
}

/** A query in double quotes asks Pagefind for the exact phrase: it is passed on unstemmed. */
function isPhrase(input: string): boolean {
  return /^\s*["«„“].+["»“”]\s*$/u.test(input);
}

/** The query string for Pagefind's `search()`; empty when nothing searchable was typed. */
export function pagefindQuery(input: string): string {
  const words = queryWords(input);
  if (isPhrase(input)) return words.length > 0 ? `"${words.join(' ')}"` : '';
  return words.map((word) => stemWord(word)).join(' ');
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
