import { placeAt, type Place } from '../problems.ts';

/** Why bytes are not UTF-8 text, where, and what to do about it. */
export interface EncodingError {
  place: Place;
  message: string;
  fix: string;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const LENIENT_UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });
const WINDOWS_1251 = new TextDecoder('windows-1251');
const RESAVE = 'Перезбережіть файл у UTF-8 (у редакторі: «Зберегти як…» → кодування UTF-8, без BOM).';

/**
 * Offset of the first byte where a well-formed UTF-8 sequence (Unicode,
 * table 3-7: no overlong forms, no surrogates, nothing above U+10FFFF)
 * cannot start or go on; -1 when every sequence is well formed.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i += 1;
      continue;
    }
    const extra = lead >= 0xc2 && lead <= 0xdf ? 1 : lead >= 0xe0 && lead <= 0xef ? 2 : lead >= 0xf0 && lead <= 0xf4 ? 3 : -1;
    if (extra < 0) return i;
    // The second byte's range is narrower after E0, ED, F0 and F4; every other continuation byte is 80–BF.
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    const second = bytes[i + 1] ?? 0;
    if (second < low || second > high) return i;
    for (let k = 2; k <= extra; k += 1) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += extra + 1;
  }
  return -1;
}

/** Line and column (in characters) of a byte offset. */
function bytePlace(bytes: Uint8Array, offset: number): Place {
  let line = 1;
  let lineStart = 0;
  for (let at = bytes.indexOf(0x0a); at >= 0 && at < offset; at = bytes.indexOf(0x0a, at + 1)) {
    line += 1;
    lineStart = at + 1;
  }
  return { line, column: LENIENT_UTF8.decode(bytes.subarray(lineStart, offset)).length + 1 };
}

/** Whether bytes read as Windows-1251 give mostly Cyrillic letters: a Ukrainian text saved by an old Windows editor. */
function looksLikeWindows1251(bytes: Uint8Array): boolean {
  const text = WINDOWS_1251.decode(bytes);
  const nonAscii = text.match(/[^\p{ASCII}]/gu)?.length ?? 0;
  const cyrillic = text.match(/[\u0400-\u04ff]/g)?.length ?? 0;
  return nonAscii > 0 && cyrillic / nonAscii > 0.9;
}

/**
 * The text of a file that must be UTF-8 without a BOM, or why it is not,
 * located: a byte order mark (UTF-8 or UTF-16), a byte that is not UTF-8
 * (with a hint when the file looks like Windows-1251), a NUL character.
 * Decoding never replaces anything: a file that is not exactly UTF-8 text
 * would reach the site with «�» in place of its letters.
 */
export function decodeUtf8Text(bytes: Uint8Array): string | EncodingError {
  const start = { line: 1, column: 1 };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { place: start, message: 'Файл збережено в кодуванні UTF-16, а не UTF-8', fix: RESAVE };
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { place: start, message: 'Файл починається з невидимої позначки порядку байтів (BOM)', fix: RESAVE };
  }
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    const bad = Math.max(0, firstInvalidUtf8(bytes));
    const guess = looksLikeWindows1251(bytes) ? ' (схоже, його збережено у Windows-1251)' : '';
    return { place: bytePlace(bytes, bad), message: `Файл не в кодуванні UTF-8${guess}: на сайті ці літери стали б «�»`, fix: RESAVE };
  }
  const nul = text.indexOf('\0');
  if (nul >= 0) {
    const place = placeAt(text, nul);
    return {
      place,
      message: 'Файл містить нульовий байт (NUL): це не текст',
      fix: 'Приберіть керувальні символи; збережіть файл як звичайний текст UTF-8.',
    };
  }
  return text;
}
