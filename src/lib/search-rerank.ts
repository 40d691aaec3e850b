import { queryWords } from './search-query.ts';
import { isEnding, stemWord } from './search-stem.ts';

/**
 * A stem is a prefix, so it also matches longer words derived from it
 * (`громад` finds `громада` but also `громадськість`, `громадянин`). Pagefind
 * cannot tell them apart; the text of a loaded result can. A result "uses the
 * word" when, for every query word, its text holds a word that is the query's
 * stem plus one inflectional ending, or whose own stem equals the query's or
 * differs from it by an alternating consonant at the end (`допомог`/`допомо`).
 * Results that use every word rank first.
 */

/**
 * How many of the first results are loaded and reordered; the rest keep
 * Pagefind's order. Each costs one fragment request; on the press corpus 20
 * does as well as 30 or 50, and 15 loses precision.
 */
export const RERANK_WINDOW = 20;

/** Pagefind compares words without diacritics (ї → і, й → и) and without hyphens. */
function foldLikePagefind(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').replace(/-/g, '').normalize('NFC');
}

/** The consonants that `stemWord` may cut before `-і`, and their alternating partners. */
const ALTERNATING = /[гкхзцс]$/;

function sameWord(stem: string, queryStem: string): boolean {
  if (stem === queryStem) return true;
  const [short, long] = stem.length < queryStem.length ? [stem, queryStem] : [queryStem, stem];
  return long.length - short.length === 1 && long.startsWith(short) && ALTERNATING.test(long);
}

/** The stems of the query's words, folded as Pagefind folds them. */
export function queryStems(query: string): string[] {
  return queryWords(query).map((word) => foldLikePagefind(stemWord(word)));
}

/** Whether a text uses some form of every query word whose stem is given. */
export function usesQueryWords(text: string, stems: readonly string[]): boolean {
  const words = [...new Set(queryWords(text))].map((word) => ({ word: foldLikePagefind(word), stem: foldLikePagefind(stemWord(word)) }));
  return stems.every((queryStem) =>
    words.some(({ word, stem }) => sameWord(stem, queryStem) || (word.startsWith(queryStem) && isEnding(word.slice(queryStem.length)))),
  );
}

/**
 * Moves the results among the first `RERANK_WINDOW` whose text uses every
 * query word ahead of those that only share a prefix, keeping each group's order.
 */
export function rerank<T>(results: readonly T[], textOf: (result: T) => string | undefined, stems: readonly string[]): T[] {
  const window = results.slice(0, RERANK_WINDOW);
  const uses = window.map((result) => {
    const text = textOf(result);
    return text === undefined || usesQueryWords(text, stems);
  });
  return [...window.filter((_, i) => uses[i]), ...window.filter((_, i) => !uses[i]), ...results.slice(RERANK_WINDOW)];
}
