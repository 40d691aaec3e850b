/**
 * Numeric character references (`&#1111;`, `&#x457;`) as Markdown reads
 * them (CommonMark, «Entity and numeric character references»): `&#`, then
 * 1–7 decimal digits or `x` and 1–6 hexadecimal digits, then `;`. A
 * reference to zero, to a surrogate or to anything above U+10FFFF stands for
 * U+FFFD «�»; longer digit runs are not references at all.
 */

const NUMERIC_REFERENCE = /&#(?:[xX]([0-9a-fA-F]{1,6})|([0-9]{1,7}));/g;
const REPLACEMENT = 0xfffd;

/** The code point a reference's digits stand for; `undefined` when Markdown shows «�» instead. */
function codePointOf(hex: string | undefined, decimal: string | undefined): number | undefined {
  const value = hex === undefined ? Number(decimal) : parseInt(hex, 16);
  return value === 0 || (value >= 0xd800 && value <= 0xdfff) || value > 0x10ffff ? undefined : value;
}

/** `text` with every numeric character reference decoded as Markdown decodes it; never throws. */
export function decodeNumericReferences(text: string): string {
  return text.replace(NUMERIC_REFERENCE, (_, hex: string | undefined, decimal: string | undefined) =>
    String.fromCodePoint(codePointOf(hex, decimal) ?? REPLACEMENT),
  );
}

/** A numeric reference that Markdown would show as «�». */
export interface BrokenReference {
  /** Offset in the scanned text. */
  offset: number;
  /** The reference as written: `&#x110000;`. */
  reference: string;
}

// A fence line of a fenced code block: up to three spaces, then three or more backticks or tildes.
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const BACKTICKS = /`+/g;

/**
 * Offsets where the code of a Markdown text lies (fenced blocks and inline
 * code spans), which Markdown shows as written. Fences are recognised at
 * the start of a line only, so a block inside a list or a quote counts as
 * text: a reference there is reported, never missed.
 */
function codeRanges(markdown: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let fence: { char: string; length: number; start: number } | undefined;
  let paragraph = 0;
  let offset = 0;
  const spans = (from: number, to: number) => {
    // A run of n backticks opens a code span that the next run of exactly n backticks closes.
    const runs = [...markdown.slice(from, to).matchAll(BACKTICKS)].map((run) => ({ at: from + run.index, length: run[0].length }));
    for (let open = 0; open < runs.length; open += 1) {
      const close = runs.findIndex((run, at) => at > open && run.length === runs[open]!.length);
      if (close < 0) continue;
      ranges.push([runs[open]!.at, runs[close]!.at + runs[close]!.length]);
      open = close;
    }
  };
  for (const line of markdown.split('\n')) {
    const end = offset + line.length;
    const marker = FENCE.exec(line)?.[1];
    if (fence) {
      if (marker && marker[0] === fence.char && marker.length >= fence.length && line.trim() === marker) {
        ranges.push([fence.start, end]);
        fence = undefined;
        paragraph = end + 1;
      }
    } else if (marker) {
      spans(paragraph, offset);
      fence = { char: marker[0]!, length: marker.length, start: offset };
    } else if (line.trim() === '') {
      spans(paragraph, offset);
      paragraph = end + 1;
    }
    offset = end + 1;
  }
  if (fence) ranges.push([fence.start, markdown.length]);
  else spans(paragraph, markdown.length);
  return ranges;
}

/**
 * Every numeric character reference of a Markdown text that Markdown would
 * show as «�», outside code and not escaped with a backslash, in order.
 */
export function brokenReferences(markdown: string): BrokenReference[] {
  if (!markdown.includes('&#')) return [];
  const code = codeRanges(markdown);
  const found: BrokenReference[] = [];
  for (const match of markdown.matchAll(NUMERIC_REFERENCE)) {
    if (codePointOf(match[1], match[2]) !== undefined) continue;
    const offset = match.index;
    if (code.some(([start, end]) => offset >= start && offset < end)) continue;
    let slashes = 0;
    while (markdown[offset - slashes - 1] === '\\') slashes += 1;
    if (slashes % 2 === 1) continue;
    found.push({ offset, reference: match[0] });
  }
  return found;
}
