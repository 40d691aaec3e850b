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
const LOOKALIKES: Record<string, string> = {
  a: 'а', c: 'с', e: 'е', i: 'і', o: 'о', p: 'р', x: 'х', y: 'у',
  A: 'А', B: 'В', C: 'С', E: 'Е', H: 'Н', I: 'І', K: 'К', M: 'М', O: 'О', P: 'Р', T: 'Т', X: 'Х',
};
const MIXED_WORD = new RegExp(`[${LETTER}]*[${CYRILLIC}][${LETTER}]*`, 'gu');

function fixLookalikes(text: string): string {
  return text.replace(MIXED_WORD, (word) => {
    if (!/[A-Za-z]/.test(word)) return word;
    const latin = [...word].filter((ch) => /[A-Za-z]/.test(ch));
    // Only a word whose Latin letters all have Cyrillic twins is a disguised Cyrillic word.
    if (!latin.every((ch) => ch in LOOKALIKES)) return word;
    return [...word].map((ch) => LOOKALIKES[ch] ?? ch).join('');
  });
}

function fixQuotes(text: string): string {
  // Straight and curly double quotes become «outer» and „inner“ by nesting depth.
  let depth = 0;
  return text.replace(/"|“|”|„/g, (mark, offset: number) => {
    const before = offset === 0 ? ' ' : text[offset - 1]!;
    const opening = /[\s([{\u2014\u2013-]/.test(before) || offset === 0;
    if (opening && !(mark === '”' && depth > 0)) {
      depth += 1;
      return depth === 1 ? '«' : '„';
    }
    if (depth === 0) return '»';
    depth -= 1;
    return depth === 0 ? '»' : '“';
  });
}

/** Normalises typography of one paragraph or title; idempotent. */
export function normalizeText(input: string): string {
  let text = input.normalize('NFC');
  text = text.replace(/[\u00AD\u200B-\u200D\u2060\uFEFF]/g, ''); // soft hyphens, zero-width marks
  text = text.replace(/[\t\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, ' ');
  text = fixLookalikes(text);
  text = text.replace(APOSTROPHE_IN_WORD, APOSTROPHE);
  text = fixQuotes(text);
  // A dash between spaces is the Ukrainian тире; between digits it is a range.
  text = text.replace(/ +(?:-{1,3}|\u2013|\u2014|\u2012|\u2015) +/g, ' — ');
  text = text.replace(/^(?:-{1,2}|\u2013|\u2014) +/, '— ');
  text = text.replace(/(\d)\s?(?:-|\u2013|\u2014)\s?(\d)/g, '$1–$2');
  text = text.replace(/\.\.\./g, '…');
  text = text.replace(/ {2,}/g, ' ');
  text = text.replace(/ +([,.;:!?…»)])/g, '$1').replace(/([«(]) +/g, '$1');
  return text.trim();
}

/**
 * Folds text for comparison (duplicates, topic rules, search queries):
 * normalised, lower-cased, every apostrophe form unified.
 */
export function foldText(input: string): string {
  return normalizeText(input).toLowerCase().replace(APOSTROPHE_LIKE, APOSTROPHE);
}
