/**
 * The syntax of a search query: words, phrases in double quotes
 * (`"Верховна Рада"`, `«Верховна Рада»`, `„Верховна Рада“`), and a minus
 * before a word or a phrase to leave out what it finds (`-Росія`,
 * `-"Верховна Рада"`). Everything else is a word as typed, punctuation and
 * all (`rb]d`), so that later steps can still read it in another keyboard
 * layout. A quote without its closing pair is no phrase: its words are
 * searched as words (the reader may still be typing).
 */

export interface QueryPart {
  /** A word as typed, or the text inside a phrase's quotes. */
  text: string;
  /** In quotes: matched exactly as written, never read in another alphabet or layout. */
  quoted: boolean;
  /** After a minus: results that it finds are left out. */
  excluded: boolean;
}

const OPENING = '"«„“';
/** The closing marks each opening mark accepts (typed quotes are rarely paired typographically). */
const CLOSING: Record<string, string> = { '"': '"”“»', '«': '»"”“', '„': '“”"', '“': '”"' };
/** A minus sign as typed: hyphen-minus or the minus sign. */
const MINUS = '-\u2212';

export function parseQuery(input: string): QueryPart[] {
  const parts: QueryPart[] = [];
  let at = 0;
  while (at < input.length) {
    if (/\s/.test(input[at]!)) {
      at++;
      continue;
    }
    const minus = MINUS.includes(input[at]!) && at + 1 < input.length && !/\s/.test(input[at + 1]!);
    const start = minus ? at + 1 : at;
    const open = input[start]!;
    if (OPENING.includes(open)) {
      const close = [...input.slice(start + 1)].findIndex((char) => CLOSING[open]!.includes(char));
      if (close >= 0) {
        const text = input.slice(start + 1, start + 1 + close).trim();
        if (text) parts.push({ text, quoted: true, excluded: minus });
        at = start + close + 2;
        continue;
      }
    }
    let end = start;
    while (end < input.length && !/\s/.test(input[end]!)) end++;
    const text = input.slice(start, end);
    // An unpaired quote mark at the edge of a word is no part of it.
    const word = text.replace(/^["«»„“”]+|["«»„“”]+$/g, '');
    if (word) parts.push({ text: word, quoted: false, excluded: minus });
    at = end;
  }
  return parts;
}

/** The query text of parts, as `parseQuery` reads it back. */
export function formatQuery(parts: readonly QueryPart[]): string {
  return parts.map(({ text, quoted, excluded }) => `${excluded ? '-' : ''}${quoted ? `"${text}"` : text}`).join(' ');
}
