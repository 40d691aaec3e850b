import type { ChunkWords, IndexChunkRef } from './index-files.ts';
import { foldLikePagefind, inParadigm, paradigmOf, type Paradigm } from './paradigm.ts';
import { stemWord } from './stem.ts';

/**
 * Which pages use a form of a query word, read from Pagefind's own index.
 *
 * Pagefind matches a stem as a prefix, so `казахстан` also finds the pages
 * that only have `казахстанський`. Its index chunks list every indexed word
 * with the pages that use it, so the words a prefix reaches can be judged one
 * by one (`inParadigm`, `paradigm.ts`) before any result is read: the pages
 * that use a form of every query word are exactly known, and with them the
 * number of results, their filter counts and the timeline. The search page
 * lists only those (`keepForms`).
 */

/** One part of an index (the whole index, or one part of an index built in parts). */
export interface IndexPart {
  /** The part's index chunks (`IndexMeta.indexChunks`). */
  chunks: readonly IndexChunkRef[];
  /** The first page number of the part in the joined index (`IndexUnion.offsets`). */
  offset: number;
  /** The words of one of its chunks, by hash. */
  words(hash: string): Promise<ChunkWords>;
}

/** One query word and the prefixes every form of it begins with. */
export interface WordForms {
  paradigm: Paradigm;
  /**
   * The folded stem, the word itself and the roots of its paradigm: every
   * form (`inParadigm`) begins with one of them, and every result Pagefind
   * finds for the word holds a word that begins with one of them.
   */
  prefixes: string[];
}

/** The forms to look for of a word searched in any form (an included word outside phrases, `SearchPlan.inflected`). */
export function wordForms(word: string): WordForms {
  const paradigm = paradigmOf(word);
  const prefixes = [foldLikePagefind(stemWord(word.toLowerCase())), paradigm.word, ...paradigm.roots.map((r) => r.root)];
  // A prefix that begins with another one adds no word.
  const unique = [...new Set(prefixes)].filter((p) => p !== '').sort();
  return { paradigm, prefixes: unique.filter((p, i) => !unique.slice(0, i).some((q) => p.startsWith(q))) };
}

/**
 * The chunks that may hold a word beginning with `prefix`. A chunk holds
 * words in Pagefind's order (that of code points, which JavaScript's string
 * order keeps for the letters of these words), from `from` on, up to `to` and
 * the words that begin with `to`: Pagefind cuts each bound between two
 * chunks to the letters that tell them apart (`appl`…`app`, then `apr`…).
 */
export function chunksFor(chunks: readonly IndexChunkRef[], prefix: string): IndexChunkRef[] {
  return chunks.filter(
    (chunk) => (prefix <= chunk.to || prefix.startsWith(chunk.to)) && (chunk.from <= prefix || chunk.from.startsWith(prefix)),
  );
}

/** The words of a chunk that begin with `prefix` (the chunk lists its words in order). */
function wordsFrom(words: ChunkWords, prefix: string): ChunkWords {
  let low = 0;
  let high = words.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (words[middle]!.word < prefix) low = middle + 1;
    else high = middle;
  }
  const found: ChunkWords = [];
  for (let i = low; i < words.length && words[i]!.word.startsWith(prefix); i++) found.push(words[i]!);
  return found;
}

/**
 * The pages where `words[at]` stands as a word of its own. Pagefind indexes a
 * hyphenated word whole and each of its parts at the same place
 * (`Івано-Франківськ`: `іванофранківськ`, `івано`, `франківськ`); a first part
 * is no word of its own (`івано` is no form of `Іван`), and the whole word,
 * which begins with it, follows it among `words` (in order). A word is also
 * indexed with the punctuation that follows it (`держава»`), which makes no
 * whole word of it.
 */
function ownPages(words: ChunkWords, at: number): number[] {
  const { word, pages, places } = words[at]!;
  /** By the index of a page in `pages`: the word's places on it where a longer word stands too. */
  const taken: Array<Set<number> | undefined> = [];
  for (let i = at + 1; i < words.length && words[i]!.word.startsWith(word); i++) {
    const longer = words[i]!;
    if (!LETTER.test(longer.word.slice(word.length))) continue;
    // Both lists of pages are in order: walk them side by side.
    let j = 0;
    for (let k = 0; k < longer.pages.length; k++) {
      const page = longer.pages[k]!;
      while (j < pages.length && pages[j]! < page) j += 1;
      if (pages[j] !== page) continue;
      for (const place of longer.places[k]!) if (places[j]!.includes(place)) (taken[j] ??= new Set()).add(place);
    }
  }
  return [...pages].filter((_, j) => {
    const shared = taken[j];
    return !shared || places[j]!.some((place) => !shared.has(place));
  });
}

/** A letter or digit: the whole of a hyphenated word goes on with some after its first part, punctuation alone does not. */
const LETTER = /[\p{L}\p{N}]/u;

/** The page numbers (of the joined index) of the pages that use a form of the word. */
export async function pagesWithForms(forms: WordForms, parts: readonly IndexPart[]): Promise<Set<number>> {
  const pages = new Set<number>();
  await Promise.all(
    parts.map(async (part) => {
      const chunks = new Map<string, Promise<ChunkWords>>();
      const read = (hash: string) => chunks.get(hash) ?? chunks.set(hash, part.words(hash)).get(hash)!;
      for (const prefix of forms.prefixes) {
        // The words that begin with the prefix, from every chunk that holds some, in order.
        const words = (
          await Promise.all(chunksFor(part.chunks, prefix).map(async (chunk) => wordsFrom(await read(chunk.hash), prefix)))
        ).flat();
        words.forEach(({ word }, at) => {
          if (inParadigm(word, forms.paradigm)) for (const page of ownPages(words, at)) pages.add(page + part.offset);
        });
      }
    }),
  );
  return pages;
}

/**
 * Whether some part of the index holds a word that begins with `prefix` (as
 * Pagefind folds words): then Pagefind's results for the prefix are pages
 * with such words, not the pages of a shorter word it falls back to.
 */
export async function hasIndexedWordStartingWith(prefix: string, parts: readonly IndexPart[]): Promise<boolean> {
  if (prefix === '') return false;
  const found = await Promise.all(
    parts.flatMap((part) =>
      chunksFor(part.chunks, prefix).map(async (chunk) => wordsFrom(await part.words(chunk.hash), prefix).length > 0),
    ),
  );
  return found.some(Boolean);
}

/**
 * Whether the index holds any word that begins like a form of the query
 * word (its stem, itself or a root of its paradigm). When it holds none, no
 * page can have the word, though Pagefind answers a query with it with the
 * pages of its other words, or of a shorter word it does hold (`в` for
 * `вщлщ`).
 */
export async function isIndexed(forms: WordForms, parts: readonly IndexPart[]): Promise<boolean> {
  const found = await Promise.all(forms.prefixes.map((prefix) => hasIndexedWordStartingWith(prefix, parts)));
  return found.some(Boolean);
}

/**
 * The results that use a form of every word (`pages[i]`: the pages that use a
 * form of word `i`), in their order. When none does (a word that inflection
 * rules do not describe, a word still being typed, a query whose words never
 * meet in their own forms), every result is kept, as prefix matching found it.
 */
export function keepForms<T>(results: readonly T[], pageOf: (result: T) => number, pages: ReadonlyArray<ReadonlySet<number>>): T[] {
  if (pages.length === 0) return [...results];
  const kept = results.filter((result) => {
    const page = pageOf(result);
    return pages.every((set) => set.has(page));
  });
  return kept.length > 0 ? kept : [...results];
}
