/**
 * The comparable form of a text for near-duplicate detection: lower-case
 * words separated by single spaces, apostrophes dropped, so that quotes,
 * dashes and apostrophe forms never make two texts differ. (Cheaper than
 * the full normaliser, which archived text has been through.)
 */

// Every form of apostrophe: dropped, so «пам'ять» and «памʼять» compare equal.
const APOSTROPHES = /['\u2019\u02BC\u0060\u00B4\u2018\u02B9\u2032]/g;

/** `text` reduced to lower-case words of letters and digits, separated by single spaces. */
export function comparableText(text: string): string {
  return plainComparableText(text) ?? unicodeComparableText(text);
}

function unicodeComparableText(text: string): string {
  const lower = text.normalize('NFC').toLowerCase().replace(APOSTROPHES, '');
  // The Unicode-property pattern is slow; text of only ASCII, Cyrillic and punctuation takes an equivalent plain range.
  const words = OUTSIDE_FAST_RANGES.test(lower)
    ? lower.replace(/[^\p{L}\p{N}]+/gu, ' ')
    : lower.replace(/[^a-z0-9\u0400-\u0481\u048A-\u04FF]+/g, ' ');
  return words.trim();
}

/**
 * A character outside the ranges whose letters and digits are exactly
 * `a-z`, `0-9` and the Cyrillic letters (U+0400–0481, U+048A–04FF):
 * ASCII, Latin-1 punctuation and symbols (not ª ² ³ µ ¹ º ¼ ½ ¾), Cyrillic,
 * General Punctuation.
 */
// eslint-disable-next-line no-control-regex -- the range starts at NUL: every ASCII character is in the fast path
const OUTSIDE_FAST_RANGES = /[^\x00-\x7F\u00A0-\u00A9\u00AB-\u00B1\u00B4\u00B6-\u00B8\u00BB\u00BF\u0400-\u04FF\u2000-\u206F]/;

const WORD_UNIT = 1;
const SEPARATOR_UNIT = 2;
const APOSTROPHE_UNIT = 3;
/** What each unit of the fast ranges (and the apostrophes) becomes; 0 for any other unit. Filled from the expressions above. */
const UNIT_KIND = new Uint8Array(0x2070);
/** The lower case of each word unit. */
const UNIT_LOWER = new Uint16Array(0x2070);
for (let unit = 0; unit < 0x2070; unit += 1) {
  const char = String.fromCharCode(unit);
  if (APOSTROPHES.test(char)) UNIT_KIND[unit] = APOSTROPHE_UNIT;
  else if (!OUTSIDE_FAST_RANGES.test(char)) {
    const lower = char.toLowerCase();
    const word = lower.length === 1 && /[a-z0-9\u0400-\u0481\u048A-\u04FF]/.test(lower);
    UNIT_KIND[unit] = word ? WORD_UNIT : SEPARATOR_UNIT;
    if (word) UNIT_LOWER[unit] = lower.charCodeAt(0);
  }
  APOSTROPHES.lastIndex = 0;
}

let units = new Uint16Array(4096);

/**
 * `comparableText` in one pass for text made only of the fast ranges and
 * apostrophes, where NFC and lower case act unit by unit (NFC changes only
 * U+2000/U+2001, into other spaces); `undefined` for any other text.
 */
function plainComparableText(text: string): string | undefined {
  if (units.length < text.length) units = new Uint16Array(Math.max(text.length, units.length * 2));
  let size = 0;
  let space = false;
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    const kind = unit < 0x2070 ? UNIT_KIND[unit]! : 0;
    if (kind === WORD_UNIT) {
      if (space) units[size++] = 0x20;
      space = false;
      units[size++] = UNIT_LOWER[unit]!;
    } else if (kind === SEPARATOR_UNIT) space = size > 0;
    else if (kind === 0) return undefined;
  }
  return unitsToString(units.subarray(0, size));
}

// Decoding the units' memory as UTF-16 is the fastest way to a string; it is their order only on little-endian machines.
const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;
const utf16 = new TextDecoder('utf-16le');

function unitsToString(text: Uint16Array): string {
  if (LITTLE_ENDIAN) return utf16.decode(text);
  let out = '';
  for (let start = 0; start < text.length; start += 8192)
    out += String.fromCharCode.apply(null, text.subarray(start, start + 8192) as unknown as number[]);
  return out;
}
