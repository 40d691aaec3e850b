import { queryWords, searchPlan } from './query.ts';
import { parseQuery } from './query-syntax.ts';
import { isEnding, stemWord } from './stem.ts';

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
 * How many of the first results may be reordered; the rest keep Pagefind's
 * order. On the press corpus 20 does as well as 30 or 50, and 15 loses
 * precision. Reading a result's text costs a fragment request, so the page
 * reads beyond the results it shows only when one of them does not use the
 * query words (`rerankedHead`).
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

/** Stems (`SearchPlan.stems`) folded as Pagefind folds them, as `usesQueryWords` compares them. */
export function rerankStems(stems: readonly string[]): string[] {
  return stems.map(foldLikePagefind);
}

/** The stems of the query's words, folded as Pagefind folds them; excluded words are not among them. */
export function queryStems(query: string): string[] {
  return rerankStems(searchPlan(parseQuery(query)).stems);
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

/**
 * The first `count` results in the order `rerank` gives, reading texts only
 * as far as that order needs. When the first `count` results all use the
 * query words they stay first after reranking, and the rest of the window is
 * never read; otherwise the whole window is read and reranked.
 */
export async function rerankedHead<T>(
  results: readonly T[],
  count: number,
  textOf: (result: T) => Promise<string | undefined>,
  stems: readonly string[],
): Promise<T[]> {
  const texts = new Map<T, Promise<string | undefined>>();
  const read = (result: T) => {
    if (!texts.has(result)) texts.set(result, textOf(result));
    return texts.get(result)!;
  };
  const uses = async (result: T) => {
    const text = await read(result);
    return text === undefined || usesQueryWords(text, stems);
  };
  const head = results.slice(0, Math.min(count, RERANK_WINDOW));
  if (count <= RERANK_WINDOW && (await Promise.all(head.map(uses))).every(Boolean)) return head;
  const window = results.slice(0, RERANK_WINDOW);
  const windowTexts = await Promise.all(window.map(read));
  const known = new Map(window.map((result, i) => [result, windowTexts[i]]));
  return rerank(results, (result) => known.get(result), stems).slice(0, count);
}
