import { queryWords, searchPlan } from './query.ts';
import { parseQuery } from './query-syntax.ts';
import { foldLikePagefind, inParadigm, paradigmOf, type Paradigm } from './paradigm.ts';

/**
 * A stem is a prefix, so it also matches longer words made from it
 * (`громад` finds `громада` but also `громадськість`; `львів` finds
 * `львівський`). Pagefind cannot tell them apart; the text of a loaded result
 * can. A result "uses the words" when, for every query word, its text holds a
 * form of that word (`inParadigm`, `paradigm.ts`: the word's roots, alternating
 * vowels and consonants included, plus one inflectional ending). Results that
 * use every word rank first. The search page judges the words of the index
 * instead, and lists only those results (`word-forms.ts`); the evaluation
 * compares it with reranking the text of the first results, as the page did before.
 */

/** How many of the first results may be reordered; the rest keep Pagefind's order. */
export const RERANK_WINDOW = 20;

/** The paradigms of a plan's words (`SearchPlan.words`), as `usesQueryWords` takes them. */
export function wordParadigms(words: readonly string[]): Paradigm[] {
  return words.map(paradigmOf);
}

/** The paradigms of the query's words; excluded words are not among them. */
export function queryParadigms(query: string): Paradigm[] {
  return wordParadigms(searchPlan(parseQuery(query)).words);
}

/**
 * Whether a text holds a word that begins with a stem, letter for letter:
 * unlike Pagefind, й and ї count as letters of their own, so that `киів`
 * is not taken for `київ`.
 */
export function hasWordStartingWith(text: string, stem: string): boolean {
  const prefix = queryWords(stem).join(' ');
  return prefix !== '' && queryWords(text).some((word) => word.startsWith(prefix));
}

/** Whether a text holds a word that begins with a prefix, compared as Pagefind compares words (ї as і, й as и). */
export function hasFoldedWordStartingWith(text: string, prefix: string): boolean {
  return prefix !== '' && queryWords(text).some((word) => foldLikePagefind(word).startsWith(prefix));
}

/** Whether a text uses some form of every query word whose paradigm is given. */
export function usesQueryWords(text: string, paradigms: readonly Paradigm[]): boolean {
  const words = [...new Set(queryWords(text))];
  return paradigms.every((paradigm) => words.some((word) => inParadigm(word, paradigm)));
}

/**
 * Moves the results among the first `RERANK_WINDOW` whose text uses every
 * query word ahead of those that only share a prefix, keeping each group's
 * order. With `drop`, those in the window that do not use the words are left
 * out, as long as one result there does: a window with no form of the query
 * words (a word that inflection rules do not describe) keeps Pagefind's order.
 */
export function rerank<T>(
  results: readonly T[],
  textOf: (result: T) => string | undefined,
  paradigms: readonly Paradigm[],
  drop = false,
): T[] {
  const window = results.slice(0, RERANK_WINDOW);
  const uses = window.map((result) => {
    const text = textOf(result);
    return text === undefined || usesQueryWords(text, paradigms);
  });
  const others = drop && uses.some(Boolean) ? [] : window.filter((_, i) => !uses[i]);
  return [...window.filter((_, i) => uses[i]), ...others, ...results.slice(RERANK_WINDOW)];
}
