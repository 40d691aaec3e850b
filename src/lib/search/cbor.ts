/**
 * A reader for the part of CBOR (RFC 8949) that Pagefind's index files use:
 * unsigned and negative integers, byte and text strings, arrays and maps of
 * definite length, `false`, `true` and `null`. Anything else is reported as
 * an error with its offset, so a change of Pagefind's format fails loudly.
 */
export type CborValue = number | string | Uint8Array | boolean | null | CborValue[] | Map<CborValue, CborValue>;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Text of `bytes[start, end)`: short ASCII strings (Pagefind's hashes, years) without a TextDecoder call each. */
function readText(bytes: Uint8Array, start: number, end: number): string {
  if (end - start > 32) return utf8.decode(bytes.subarray(start, end));
  let text = '';
  for (let i = start; i < end; i++) {
    const byte = bytes[i]!;
    if (byte >= 0x80) return utf8.decode(bytes.subarray(start, end));
    text += String.fromCharCode(byte);
  }
  return text;
}

export function decodeCbor(bytes: Uint8Array, offset = 0): CborValue {
  let at = offset;

  function length(info: number): number {
    if (info < 24) return info;
    const size = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : info === 27 ? 8 : 0;
    if (size === 0) throw new Error(`Unsupported CBOR length ${info} at byte ${at - 1}.`);
    if (at + size > bytes.length) throw new Error(`CBOR data ends early at byte ${bytes.length}.`);
    let value = 0;
    // Big-endian; multiplication rather than shifts keeps values above 2³¹ exact.
    for (let i = 0; i < size; i++) value = value * 256 + bytes[at + i]!;
    at += size;
    return value;
  }

  function item(): CborValue {
    if (at >= bytes.length) throw new Error(`CBOR data ends early at byte ${at}.`);
    const head = bytes[at++]!;
    const major = head >> 5;
    const info = head & 31;
    switch (major) {
      case 0:
        return length(info);
      case 1:
        return -1 - length(info);
      case 2:
      case 3: {
        const size = length(info);
        if (at + size > bytes.length) throw new Error(`CBOR data ends early at byte ${bytes.length}.`);
        const start = at;
        at += size;
        return major === 2 ? bytes.subarray(start, at) : readText(bytes, start, at);
      }
      case 4: {
        const size = length(info);
        const list: CborValue[] = new Array(size);
        for (let i = 0; i < size; i++) list[i] = item();
        return list;
      }
      case 5: {
        const size = length(info);
        const map = new Map<CborValue, CborValue>();
        for (let i = 0; i < size; i++) map.set(item(), item());
        return map;
      }
      case 7:
        if (info === 20) return false;
        if (info === 21) return true;
        if (info === 22) return null;
    }
    throw new Error(`Unsupported CBOR item 0x${head.toString(16)} at byte ${at - 1}.`);
  }

  return item();
}
