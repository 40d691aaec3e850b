import { fromUsLayout } from './keyboard-layout.ts';
import { foldLikePagefind, inParadigm, paradigmOf } from './paradigm.ts';
import type { QueryPart } from './query-syntax.ts';
import { cyrillicSpellings } from './transliteration.ts';

/**
 * Which words of a query to search in Cyrillic. A word typed without
 * Cyrillic letters may be a Ukrainian word in Latin transliteration
 * (`Kyiv`, `Kharkov`) or typed in the wrong keyboard layout (`rb]d`), or a
 * word that is Latin in the archive too (`COVID`, `iPhone`, a domain). The
 * rule: a word that the index holds as typed stays as typed; otherwise its
 * Cyrillic readings (transliteration spellings, cheapest first, then the
 * keyboard layout) are tried in order, and the first that the index holds
 * replaces it, unless a costlier reading that the index also holds has it
 * among its own forms: `Kharkov` reads first as «харков», which the index
 * holds as the start of «Харкова», a form of «Харків»; the search is for
 * «Харків». A word that nothing reads into a known word stays as typed.
 * Words in quotes are never replaced: quotes mean "exactly this".
 */

export interface Resolution {
  /** The parts to search: replaced words in Cyrillic, everything else as typed. */
  parts: QueryPart[];
  /** Whether any word was replaced. */
  converted: boolean;
  /** The typed parts with each replaced word in quotes: the query that searches exactly what was typed. */
  literal: QueryPart[];
}

const CYRILLIC = /[\u0400-\u04FF]/;

/** Whether a typed word could be a Ukrainian word written with Latin keys: a Latin letter, no Cyrillic one. */
export function mayBeMisspelledCyrillic(word: string): boolean {
  return /[a-z]/i.test(word) && !CYRILLIC.test(word);
}

/**
 * The Cyrillic words a typed word may stand for, most likely first: the
 * transliteration's spellings of its letters (punctuation around it
 * ignored), then the keyboard-layout reading of every key. Lower case.
 */
export function cyrillicReadings(word: string): string[] {
  if (!mayBeMisspelledCyrillic(word)) return [];
  const letters = word.replace(/^[^a-z]+|[^a-z']+$/gi, '');
  const layout = fromUsLayout(word)?.toLowerCase();
  return [...new Set([...cyrillicSpellings(letters), ...(layout ? [layout] : [])])];
}

/** A reading in the case of the typed word: `Kyiv` → «Київ», `NATO` → «НАТО». */
function matchCase(typed: string, reading: string): string {
  const letters = typed.replace(/[^a-z]/gi, '');
  if (letters.length > 1 && letters === letters.toUpperCase()) return reading.toUpperCase();
  return /^[^a-z]*[A-Z]/.test(typed) ? reading.charAt(0).toUpperCase() + reading.slice(1) : reading;
}

/**
 * The first of the later readings that has `found` among its forms and that
 * the index holds, or `found` itself. A reading that Pagefind takes for the
 * same word (`харкїв` for `харків`: it folds ї into і) is no other word.
 */
async function ownWord(found: string, later: readonly string[], isFound: (word: string) => Promise<boolean>): Promise<string> {
  const same = foldLikePagefind(found);
  for (const reading of later) {
    if (foldLikePagefind(reading) !== same && inParadigm(found, paradigmOf(reading)) && (await isFound(reading))) return reading;
  }
  return found;
}

/**
 * Resolves every unquoted word of a query. `isFound` says whether the index
 * holds a word (any form of it, as the search would find it).
 */
export async function resolveQuery(parts: readonly QueryPart[], isFound: (word: string) => Promise<boolean>): Promise<Resolution> {
  const resolved = await Promise.all(
    parts.map(async (part): Promise<string | null> => {
      if (part.quoted || !mayBeMisspelledCyrillic(part.text) || (await isFound(part.text))) return null;
      const readings = cyrillicReadings(part.text);
      for (const [i, reading] of readings.entries()) {
        if (await isFound(reading)) return matchCase(part.text, await ownWord(reading, readings.slice(i + 1), isFound));
      }
      return null;
    }),
  );
  return {
    parts: parts.map((part, i) => ({ ...part, text: resolved[i] ?? part.text })),
    converted: resolved.some((text) => text !== null),
    literal: parts.map((part, i) => (resolved[i] === null ? part : { ...part, quoted: true })),
  };
}
