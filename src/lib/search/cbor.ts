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

const TEXT = 3;
const ARRAY = 4;

/** Bytes of the argument that follow a head with additional information `info` (RFC 8949, 3.1); -1 for a length this reader does not take. */
function argumentSize(info: number): number {
  return info < 24 ? 0 : info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : info === 27 ? 8 : -1;
}

/**
 * Reads CBOR items one after another from `offset` on. Besides decoding an
 * item whole (`value`), it can step into a list (`listLength`) and step over
 * an item without building it (`skip`), so that a file's few needed values
 * are read without decoding the rest: an index chunk holds every page and
 * place of hundreds of words, of which a query reads a few.
 */
export class CborReader {
  private readonly bytes: Uint8Array;
  /** Where the next item starts. */
  offset: number;

  constructor(bytes: Uint8Array, offset = 0) {
    this.bytes = bytes;
    this.offset = offset;
  }

  /** The major type of the next item, without reading it. */
  private peekMajor(): number {
    if (this.offset >= this.bytes.length) throw new Error(`CBOR data ends early at byte ${this.offset}.`);
    return this.bytes[this.offset]! >> 5;
  }

  /** Reads an item's head: its major type and its argument (a value, or a length). */
  private head(): { major: number; info: number; argument: number } {
    if (this.offset >= this.bytes.length) throw new Error(`CBOR data ends early at byte ${this.offset}.`);
    const head = this.bytes[this.offset++]!;
    const major = head >> 5;
    const info = head & 31;
    if (major === 7) return { major, info, argument: 0 };
    if (info < 24) return { major, info, argument: info };
    const size = argumentSize(info);
    if (size < 0) throw new Error(`Unsupported CBOR length ${info} at byte ${this.offset - 1}.`);
    if (this.offset + size > this.bytes.length) throw new Error(`CBOR data ends early at byte ${this.bytes.length}.`);
    let argument = 0;
    // Big-endian; multiplication rather than shifts keeps values above 2³¹ exact.
    for (let i = 0; i < size; i++) argument = argument * 256 + this.bytes[this.offset + i]!;
    this.offset += size;
    return { major, info, argument };
  }

  /** Moves past a string's bytes, returning where they start. */
  private stringBytes(size: number): number {
    if (this.offset + size > this.bytes.length) throw new Error(`CBOR data ends early at byte ${this.bytes.length}.`);
    const start = this.offset;
    this.offset += size;
    return start;
  }

  private unsupported(at: number): never {
    throw new Error(`Unsupported CBOR item 0x${this.bytes[at]!.toString(16)} at byte ${at}.`);
  }

  /** The next item, decoded whole. */
  value(): CborValue {
    const at = this.offset;
    const { major, info, argument } = this.head();
    switch (major) {
      case 0:
        return argument;
      case 1:
        return -1 - argument;
      case 2:
      case TEXT: {
        const start = this.stringBytes(argument);
        return major === 2 ? this.bytes.subarray(start, this.offset) : readText(this.bytes, start, this.offset);
      }
      case ARRAY: {
        const list: CborValue[] = new Array(argument);
        for (let i = 0; i < argument; i++) list[i] = this.value();
        return list;
      }
      case 5: {
        const map = new Map<CborValue, CborValue>();
        for (let i = 0; i < argument; i++) map.set(this.value(), this.value());
        return map;
      }
      case 7:
        if (info === 20) return false;
        if (info === 21) return true;
        if (info === 22) return null;
    }
    return this.unsupported(at);
  }

  /** Moves past the next item, whatever it holds, checking it as `value` would. */
  skip(): void {
    const { bytes } = this;
    let items = 1;
    // Inline rather than through `head`: an index chunk's pages are thousands of small integers, each one item.
    while (items > 0) {
      items -= 1;
      const at = this.offset;
      if (at >= bytes.length) throw new Error(`CBOR data ends early at byte ${at}.`);
      const head = bytes[at]!;
      const major = head >> 5;
      const info = head & 31;
      if (major === 0 || major === 1) {
        const size = argumentSize(info);
        if (size < 0) throw new Error(`Unsupported CBOR length ${info} at byte ${at}.`);
        if (at + 1 + size > bytes.length) throw new Error(`CBOR data ends early at byte ${bytes.length}.`);
        this.offset = at + 1 + size;
        continue;
      }
      const { argument } = this.head();
      if (major === 2 || major === TEXT) this.stringBytes(argument);
      else if (major === ARRAY) items += argument;
      else if (major === 5) items += 2 * argument;
      else if (major === 6 || (major === 7 && (info < 20 || info > 22))) this.unsupported(at);
    }
  }

  /** When the next item is a list: its length, stepping to its first item; otherwise `undefined`, and nothing is read. */
  listLength(): number | undefined {
    return this.peekMajor() === ARRAY ? this.head().argument : undefined;
  }

  /** When the next item is a text string: the text, read; otherwise `undefined`, and nothing is read. */
  text(): string | undefined {
    if (this.peekMajor() !== TEXT) return undefined;
    const start = this.stringBytes(this.head().argument);
    return readText(this.bytes, start, this.offset);
  }
}

export function decodeCbor(bytes: Uint8Array, offset = 0): CborValue {
  return new CborReader(bytes, offset).value();
}
