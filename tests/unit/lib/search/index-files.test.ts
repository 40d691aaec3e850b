import { describe, expect, test } from 'vitest';
import { decodeIndexChunk, placeInMetadata } from '#lib/search/index-files.ts';

type Item = number | string | Item[];

/** CBOR of `item` (integers, text, lists), as Pagefind writes its files. */
function cbor(item: Item): number[] {
  const head = (major: number, value: number): number[] => {
    if (value < 24) return [(major << 5) | value];
    if (value < 256) return [(major << 5) | 24, value];
    return [(major << 5) | 25, value >> 8, value & 255];
  };
  if (typeof item === 'number') return item < 0 ? head(1, -1 - item) : head(0, item);
  if (typeof item === 'string') {
    const bytes = new TextEncoder().encode(item);
    return [...head(3, bytes.length), ...bytes];
  }
  return [...head(4, item.length), ...item.flatMap(cbor)];
}

/** An inflated index chunk holding `words`. */
const chunk = (words: Item[]) => Uint8Array.from([...new TextEncoder().encode('pagefind_dcd'), ...cbor([words])]);

describe('decodeIndexChunk', () => {
  test('reads the words, then each word’s pages and places when asked, in page order', () => {
    const words = decodeIndexChunk(
      chunk([
        // Pages 2 (places 5, 8) and 3 (place 4); the spelling `київ` adds pages 1 and 4.
        [
          'киів',
          [
            [2, [5, 3]],
            [1, [4]],
          ],
          [
            [
              'київ',
              [
                [1, [7]],
                [3, [1]],
              ],
            ],
          ],
        ],
        // Page 0: place 2 in the text, place 3 in the first metadata field.
        ['мост', [[0, [2], [-1, 3]]]],
        ['оберіг', 'not a list of pages'],
      ]),
    );
    expect(words.map((word) => word.word)).toEqual(['киів', 'мост', 'оберіг']);
    expect([...words[0]!.pages]).toEqual([1, 2, 3, 4]);
    expect(words[0]!.places.map((places) => [...places])).toEqual([[7], [5, 8], [4], [1]]);
    expect([...words[1]!.pages]).toEqual([0]);
    expect([...words[1]!.places[0]!]).toEqual([2, placeInMetadata(0, 3)]);
    // A word's pages are read only when asked for, and a fault in them is reported then.
    expect(() => words[2]!.pages).toThrow('the pages of a word is not a list');
  });

  test('names the file when its layout is not Pagefind’s', () => {
    expect(() => decodeIndexChunk(chunk(['мост']), 'index/uk_1.pf_index')).toThrow(
      'index/uk_1.pf_index: a word is not a list (layout of Pagefind 1.6 expected).',
    );
    expect(() => decodeIndexChunk(chunk([[7]]), 'index/uk_1.pf_index')).toThrow('index/uk_1.pf_index: a word is not a string');
    expect(() => decodeIndexChunk(Uint8Array.from([...chunk([['мост', [[0, [2]]]]])].slice(0, -2)))).toThrow('CBOR data ends early');
    expect(() => decodeIndexChunk(Uint8Array.from([1, 2, 3]), 'index/uk_1.pf_index')).toThrow('no pagefind_dcd signature');
  });
});
