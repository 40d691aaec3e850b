import { describe, expect, test } from 'vitest';
import { decodeCbor } from '#lib/search/cbor.ts';

const bytes = (hex: string) => Uint8Array.from(hex.match(/../g)!.map((pair) => parseInt(pair, 16)));

describe('decodeCbor', () => {
  // Examples from RFC 8949, appendix A.
  test.each([
    ['00', 0],
    ['17', 23],
    ['1818', 24],
    ['1903e8', 1000],
    ['1a000f4240', 1000000],
    ['1b000000e8d4a51000', 1000000000000],
    ['20', -1],
    ['3903e7', -1000],
    ['f4', false],
    ['f5', true],
    ['f6', null],
    ['6161', 'a'],
    ['62c3bc', 'ü'],
    ['80', []],
    ['83010203', [1, 2, 3]],
    ['8301820203820405', [1, [2, 3], [4, 5]]],
  ])('reads %s', (hex, value) => {
    expect(decodeCbor(bytes(hex))).toEqual(value);
  });

  test('reads Cyrillic text, byte strings and maps', () => {
    const word = new TextEncoder().encode('мост');
    expect(decodeCbor(Uint8Array.from([0x60 + word.length, ...word]))).toBe('мост');
    expect(decodeCbor(bytes('4401020304'))).toEqual(Uint8Array.from([1, 2, 3, 4]));
    expect(decodeCbor(bytes('a201020304'))).toEqual(
      new Map([
        [1, 2],
        [3, 4],
      ]),
    );
  });

  test('starts at an offset', () => {
    expect(decodeCbor(bytes('ffff83010203'), 2)).toEqual([1, 2, 3]);
  });

  test('names the byte of what it cannot read', () => {
    expect(() => decodeCbor(bytes('8201f9'))).toThrowErrorMatchingInlineSnapshot(`[Error: Unsupported CBOR item 0xf9 at byte 2.]`);
    expect(() => decodeCbor(bytes('9f01ff'))).toThrowErrorMatchingInlineSnapshot(`[Error: Unsupported CBOR length 31 at byte 0.]`);
    expect(() => decodeCbor(bytes('8301'))).toThrowErrorMatchingInlineSnapshot(`[Error: CBOR data ends early at byte 2.]`);
  });
});
