import { describe, expect, test } from 'vitest';
import { CborReader, decodeCbor } from '#lib/search/cbor.ts';

const bytes = (hex: string) =>
  Uint8Array.from(
    hex
      .replace(/ /g, '')
      .match(/../g)!
      .map((pair) => parseInt(pair, 16)),
  );

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

describe('CborReader', () => {
  test('steps into lists, reads text and steps over items it does not build', () => {
    // ["мост", [1, [2, 3], {4: "a"}, h'0102', 1000000, -1000, true], "кінець"]
    const word = [...new TextEncoder().encode('мост')];
    const end = [...new TextEncoder().encode('кінець')];
    const data = Uint8Array.from([
      0x83,
      0x60 + word.length,
      ...word,
      ...bytes('87018202 03a10461 61420102 1a000f42 403903e7 f5'),
      0x60 + end.length,
      ...end,
    ]);
    const reader = new CborReader(data);
    expect(reader.listLength()).toBe(3);
    expect(reader.text()).toBe('мост');
    const skipped = reader.offset;
    reader.skip();
    expect(decodeCbor(data, skipped)).toEqual([1, [2, 3], new Map([[4, 'a']]), Uint8Array.from([1, 2]), 1000000, -1000, true]);
    expect(reader.text()).toBe('кінець');
    expect(reader.offset).toBe(data.length);
  });

  test('reads nothing when the next item is not what is asked for', () => {
    const reader = new CborReader(bytes('6161 83010203'));
    expect(reader.listLength()).toBeUndefined();
    expect(reader.text()).toBe('a');
    expect(reader.text()).toBeUndefined();
    expect(reader.value()).toEqual([1, 2, 3]);
  });

  test('names the byte of what it cannot step over', () => {
    expect(() => new CborReader(bytes('8201f9')).skip()).toThrowErrorMatchingInlineSnapshot(
      `[Error: Unsupported CBOR item 0xf9 at byte 2.]`,
    );
    expect(() => new CborReader(bytes('82c101')).skip()).toThrowErrorMatchingInlineSnapshot(
      `[Error: Unsupported CBOR item 0xc1 at byte 1.]`,
    );
    expect(() => new CborReader(bytes('821c')).skip()).toThrowErrorMatchingInlineSnapshot(`[Error: Unsupported CBOR length 28 at byte 1.]`);
    expect(() => new CborReader(bytes('83011a0001')).skip()).toThrowErrorMatchingInlineSnapshot(`[Error: CBOR data ends early at byte 5.]`);
    expect(() => new CborReader(bytes('830101')).skip()).toThrowErrorMatchingInlineSnapshot(`[Error: CBOR data ends early at byte 3.]`);
    expect(() => new CborReader(bytes('6461')).skip()).toThrowErrorMatchingInlineSnapshot(`[Error: CBOR data ends early at byte 2.]`);
  });
});
