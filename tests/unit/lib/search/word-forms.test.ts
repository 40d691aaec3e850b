import { describe, expect, test } from 'vitest';
import type { ChunkWords } from '#lib/search/index-files.ts';
import { chunksFor, hasIndexedWordStartingWith, keepForms, pagesWithForms, wordForms, type IndexPart } from '#lib/search/word-forms.ts';

const chunks = [
  { from: 'а', to: 'казахстан', hash: 'one' },
  { from: 'казахстані', to: 'львів', hash: 'two' },
  { from: 'львівськии', to: 'шкіл', hash: 'three' },
];

describe('chunksFor', () => {
  test('gives every chunk that may hold a word beginning with the prefix', () => {
    expect(chunksFor(chunks, 'казахстан').map((c) => c.hash)).toEqual(['one', 'two']);
    expect(chunksFor(chunks, 'львів').map((c) => c.hash)).toEqual(['two', 'three']);
    expect(chunksFor(chunks, 'бюджет').map((c) => c.hash)).toEqual(['one']);
    expect(chunksFor(chunks, 'яма')).toEqual([]);
  });

  test('reads the bounds as Pagefind cuts them: the words that begin with the last bound belong to its chunk', () => {
    // The chunks hold «apple», «application» | «apricot», «banana» | «peach».
    const cut = [
      { from: 'apple', to: 'app', hash: 'one' },
      { from: 'apr', to: 'b', hash: 'two' },
      { from: 'p', to: 'peach', hash: 'three' },
    ];
    expect(chunksFor(cut, 'appl').map((c) => c.hash)).toEqual(['one']);
    expect(chunksFor(cut, 'ap').map((c) => c.hash)).toEqual(['one', 'two']);
    expect(chunksFor(cut, 'bana').map((c) => c.hash)).toEqual(['two']);
    expect(chunksFor(cut, 'pe').map((c) => c.hash)).toEqual(['three']);
    expect(chunksFor(cut, 'c')).toEqual([]);
  });
});

describe('wordForms', () => {
  test('looks where every form begins: the stem, the word and the alternating roots', () => {
    expect(wordForms('казахстані').prefixes).toEqual(['казахстан']);
    expect(wordForms('львова').prefixes).toEqual(['львов', 'львів']);
    expect(wordForms('київ').prefixes).toEqual(['києв', 'киів']);
  });
});

describe('pagesWithForms', () => {
  /** Words with their pages, each word at a place of its own on every page (the n-th word at place n). */
  const words = (list: Array<[string, number[]]>): ChunkWords =>
    list.map(([word, pages], n) => ({ word, pages: Uint32Array.from(pages), places: pages.map(() => Uint32Array.of(n)) }));
  const part = (offset: number, byHash: Record<string, ChunkWords>): IndexPart => ({
    chunks: chunks.filter((c) => c.hash in byHash),
    offset,
    words: async (hash) => byHash[hash]!,
  });

  test('takes the pages of the forms, never of the longer words, in every part', async () => {
    const parts = [
      part(0, {
        one: words([['казахстан', [0, 3]]]),
        two: words([
          ['казахстані', [1]],
          ['казахстанськии', [2, 3]],
          ['казахстанці', [4]],
        ]),
      }),
      part(10, { two: words([['казахстану', [0]]]) }),
    ];
    expect([...(await pagesWithForms(wordForms('казахстані'), parts))].sort((a, b) => a - b)).toEqual([0, 1, 3, 10]);
  });

  test('tells whether any part holds a word that begins with a prefix (hasIndexedWordStartingWith)', async () => {
    const parts = [part(0, { one: words([['казахстан', [0]]]) }), part(10, { three: words([['львівськии', [0]]]) })];
    expect(await hasIndexedWordStartingWith('казах', parts)).toBe(true);
    expect(await hasIndexedWordStartingWith('львів', parts)).toBe(true);
    expect(await hasIndexedWordStartingWith('львов', parts)).toBe(false);
    expect(await hasIndexedWordStartingWith('', parts)).toBe(false);
  });

  test('finds the forms of an alternating root that the stem does not begin', async () => {
    // Words in Pagefind's order, that of code points: о before і.
    const parts = [
      part(0, {
        two: words([
          ['львова', [1]],
          ['львів', [0]],
        ]),
        three: words([['львівськии', [2]]]),
      }),
    ];
    expect([...(await pagesWithForms(wordForms('львова'), parts))].sort()).toEqual([0, 1]);
  });
  test('does not take the first part of a hyphenated word for a word of its own', async () => {
    // Page 0: «Івано-Франківськ» alone (the whole word and its parts at place 7); page 1: «Івано-Франківськ» and «Івана» (place 3).
    const chunk: ChunkWords = [
      { word: 'івана', pages: Uint32Array.of(1), places: [Uint32Array.of(3)] },
      { word: 'івано', pages: Uint32Array.of(0, 1), places: [Uint32Array.of(7), Uint32Array.of(7)] },
      { word: 'іванофранківськ', pages: Uint32Array.of(0, 1), places: [Uint32Array.of(7), Uint32Array.of(7)] },
    ];
    const parts = [{ chunks: [{ from: 'івана', to: 'іванофранківськ', hash: 'one' }], offset: 0, words: async () => chunk }];
    expect([...(await pagesWithForms(wordForms('Івана'), parts))]).toEqual([1]);
    // The same word standing on its own elsewhere on the page counts.
    chunk[1] = { word: 'івано', pages: Uint32Array.of(0), places: [Uint32Array.of(2, 7)] };
    chunk[2] = { word: 'іванофранківськ', pages: Uint32Array.of(0), places: [Uint32Array.of(7)] };
    expect([...(await pagesWithForms(wordForms('Івано'), parts))].sort()).toEqual([0, 1]);
  });
});

describe('keepForms', () => {
  const page = (n: number) => n;

  test('keeps the results that use a form of every word, in their order', () => {
    expect(keepForms([5, 1, 4, 2], page, [new Set([1, 2, 5]), new Set([2, 5, 9])])).toEqual([5, 2]);
  });

  test('keeps every result when none uses a form of every word, or when no word is inflected', () => {
    expect(keepForms([5, 1], page, [new Set([1]), new Set([5])])).toEqual([5, 1]);
    expect(keepForms([5, 1], page, [])).toEqual([5, 1]);
  });
});
