/**
 * One text normaliser for the whole project: the ingest applies it to every
 * article, `check` reports text that it would change, and search applies it
 * to queries, so that stored words and typed words always meet.
 */

/** The single apostrophe form of the archive (U+02BC MODIFIER LETTER APOSTROPHE). */
export const APOSTROPHE = '\u02BC';

const CYRILLIC = '\\u0400-\\u04FF';
const LETTER = `\\p{L}`;

// Every character that writers use as an apostrophe inside a word.
const APOSTROPHE_LIKE = /['\u2019\u02BC\u0060\u00B4\u2018\u02B9\u2032]/g;
const APOSTROPHE_IN_WORD = new RegExp(`(?<=[${CYRILLIC}])['\\u2019\\u02BC\\u0060\\u00B4\\u2018\\u02B9\\u2032](?=[${CYRILLIC}])`, 'gu');

// Latin letters that look like Cyrillic ones, mapped to the Cyrillic letter.
// prettier-ignore
const LOOKALIKES: Record<string, string> = {
  a: 'а', c: 'с', e: 'е', i: 'і', o: 'о', p: 'р', x: 'х', y: 'у',
  A: 'А', B: 'В', C: 'С', E: 'Е', H: 'Н', I: 'І', K: 'К', M: 'М', O: 'О', P: 'Р', T: 'Т', X: 'Х',
};
const MIXED_WORD = new RegExp(`[${LETTER}]*[${CYRILLIC}][${LETTER}]*`, 'gu');

function fixLookalikes(text: string): string {
  if (!/[A-Za-z]/.test(text)) return text;
  return text.replace(MIXED_WORD, (word) => {
    if (!/[A-Za-z]/.test(word)) return word;
    const latin = [...word].filter((ch) => /[A-Za-z]/.test(ch));
    // Only a word whose Latin letters all have Cyrillic twins is a disguised Cyrillic word.
    if (!latin.every((ch) => ch in LOOKALIKES)) return word;
    return [...word].map((ch) => LOOKALIKES[ch] ?? ch).join('');
  });
}

/** Quote nesting carried from one piece of a block to the next (see `normalizeTextParts`). */
interface QuoteState {
  depth: number;
  /** The character before the piece being normalised; a space at the start of a block. */
  before: string;
}

// A quote mark after one of these (or at the start) opens a quotation.
const OPENS_AFTER = /[\s([{\u2014\u2013\-«„/]/;

const QUOTE_MARK = /["«»„“”]/g;

function fixQuotes(text: string, state: QuoteState): string {
  // Every double quote becomes «outer» or „inner“ by nesting depth; «» already
  // present count towards the depth, so a second pass changes nothing.
  // Text between quote marks is copied in slices: most paragraphs have none.
  let out = '';
  let copied = 0;
  for (const match of text.matchAll(QUOTE_MARK)) {
    const i = match.index;
    const mark = match[0];
    const before = i === 0 ? state.before : text[i - 1]!;
    let opening: boolean;
    if (mark === '«' || mark === '„') opening = true;
    else if (mark === '»') opening = false;
    // “ opens after a space in English typography, but inside „ it is the Ukrainian closing mark this rule writes.
    else opening = OPENS_AFTER.test(before) && !(mark === '”' && state.depth > 0) && !(mark === '“' && state.depth > 1);
    out += text.slice(copied, i);
    copied = i + 1;
    if (opening) {
      state.depth += 1;
      out += state.depth === 1 ? '«' : '„';
    } else {
      out += state.depth <= 1 ? '»' : '“';
      state.depth = Math.max(0, state.depth - 1);
    }
  }
  if (text.length > 0) state.before = text[text.length - 1]!;
  return copied === 0 ? text : out + text.slice(copied);
}

// C0 controls but tab, line feed and carriage return (layout the other rules handle), and DEL.
// eslint-disable-next-line no-control-regex -- control characters are what is removed
const C0_CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

// The guards below skip a rule when the text cannot change under it: most text needs few of them, and each is a pass over it.
// Characters of the first three rules (controls, invisible marks, unusual spaces); NFC makes none of them out of other characters.
const RARE_CHARACTER =
  // eslint-disable-next-line no-control-regex -- control characters are among what is looked for
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u00AD\u200B-\u200D\u2060\uFEFF\t\u00A0\u2000-\u200A\u202F\u205F\u3000]/;
// Apostrophe forms other than the archive's own, which the apostrophe rule would replace by itself.
const FOREIGN_APOSTROPHE = /['\u2019\u0060\u00B4\u2018\u02B9\u2032]/;
// What the dash rule changes: a hyphen or another dash, or an em dash with two spaces on a side (« — » stays as it is).
const DASH_TO_FIX = /[-\u2012\u2013\u2015]| {2}\u2014|\u2014 {2}/;
// A dash between digits, the range rule's target.
const DIGIT_DASH = /(\d) ?(?:-|\u2013|\u2014) ?(\d)/g;
// Hyphens between digits that do not mark a range, and so stay hyphens (each pattern is looked for on its own: they overlap).
const NOT_A_RANGE = [
  // An ISO date or date-time with its offset: 2026-01-26, 2026-01-26T10:30:00-05:00.
  /\d{4}-\d{2}-\d{2}(?:[Tt]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?/g,
  // A time with seconds and an offset: 23:30:00-05:00.
  /\d{2}:\d{2}:\d{2}(?:[.,]\d+)?[+-]\d{2}:?\d{2}/g,
  // Three or more groups of digits: phone numbers, ISBN, registry codes (044-123-45-67).
  /\d+(?:-\d+){2,}/g,
  // Digits that follow a letter: model and series codes (A320-200).
  /\p{L}\d+(?:-\d+)+/gu,
];

/** A dash between digits becomes an en-dash range, except where the hyphens are part of a date, a time or a code. */
function fixRanges(text: string): string {
  const kept = NOT_A_RANGE.flatMap((pattern) =>
    [...text.matchAll(pattern)].map((match) => [match.index, match.index + match[0].length] as const),
  );
  return text.replace(DIGIT_DASH, (match: string, before: string, after: string, offset: number) =>
    kept.some(([start, end]) => offset >= start && offset + match.length <= end) ? match : `${before}\u2013${after}`,
  );
}

/** All rules on one piece; edges are left to the caller, which knows what surrounds the piece. */
function normalizePiece(input: string, state: QuoteState, blockStart: boolean): string {
  const rare = RARE_CHARACTER.test(input);
  // NUL and other control characters never belong in text; dropped before NFC so that what they separated composes.
  let text = (rare ? input.replace(C0_CONTROLS, '') : input).normalize('NFC');
  if (rare) {
    text = text.replace(/[\u00AD\u200B-\u200D\u2060\uFEFF]/g, ''); // soft hyphens, zero-width marks
    text = text.replace(/[\t\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, ' ');
  }
  text = fixLookalikes(text);
  if (FOREIGN_APOSTROPHE.test(text)) text = text.replace(APOSTROPHE_IN_WORD, APOSTROPHE);
  text = fixQuotes(text, state);
  // A dash between spaces is the Ukrainian тире; between digits it is a range.
  if (DASH_TO_FIX.test(text)) text = text.replace(/ +(?:-{1,3}|\u2013|\u2014|\u2012|\u2015) +/g, ' — ');
  if (blockStart) text = text.replace(/^ *(?:-{1,2}|\u2013|\u2014) +/, '— ');
  if (/\d ?[-\u2013\u2014] ?\d/.test(text)) text = fixRanges(text);
  if (text.includes('...')) text = text.replace(/\.\.\./g, '…');
  if (text.includes('  ')) text = text.replace(/ {2,}/g, ' ');
  text = text.replace(/ +([,.;:!?…»)])/g, '$1').replace(/([«(]) +/g, '$1');
  return text;
}

/** Normalises typography of one paragraph or title; idempotent. */
export function normalizeText(input: string): string {
  return normalizePiece(input, { depth: 0, before: ' ' }, true).trim();
}

/**
 * Normalises the text pieces of one block (a paragraph split by emphasis,
 * links or code) as one text: quotes pair across pieces, a space at a
 * piece's edge stays one space, and the block's outer edges are trimmed.
 * Idempotent like `normalizeText`.
 */
export function normalizeTextParts(parts: readonly string[]): string[] {
  const state: QuoteState = { depth: 0, before: ' ' };
  return parts.map((part, index) => {
    const lead = /^\s/.test(part) && index > 0 ? ' ' : '';
    const trail = /\s$/.test(part) && index < parts.length - 1 ? ' ' : '';
    const body = normalizePiece(part, state, index === 0).trim();
    if (body === '') return lead || trail;
    return `${lead}${body}${trail}`;
  });
}

/**
 * Folds text for comparison (duplicates, topic rules, search queries):
 * normalised, lower-cased, every apostrophe form unified.
 */
export function foldText(input: string): string {
  const folded = normalizeText(input).toLowerCase();
  return FOREIGN_APOSTROPHE.test(folded) ? folded.replace(APOSTROPHE_LIKE, APOSTROPHE) : folded;
}
