/**
 * The two ways the archive counts words. They count different things and
 * must not be swapped: the reading time shown on a page counts what a reader
 * reads in the Markdown source; the ingest's topic threshold counts the
 * space-separated pieces of plain text, punctuation included.
 */

// Markdown and MDX syntax that is not read: code, tags, link targets, expressions.
const NOT_READ = [/```[\s\S]*?```/g, /<[^>]+>/g, /\]\([^)]*\)/g, /\{[^}]*\}/g, /^(?:import|export)\s.*$/gm];

/** Words a reader reads in a Markdown or MDX body (apostrophes and hyphens stay inside words). */
export function countReadableWords(markdown: string): number {
  let text = markdown;
  for (const pattern of NOT_READ) text = text.replace(pattern, ' ');
  return text.match(/[\p{L}\p{N}]+(?:[-'\u2019\u02BC][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

// JavaScript's `\s`: the characters that separate words when counting them.
const SPACE = /\s/;

/** Runs of characters that are not `\s` in plain text (as `text.split(/\s+/).filter(Boolean).length`, without the array). */
export function countSpaceSeparatedWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    // Letters, digits and most punctuation are never spaces; only the rest asks the expression.
    const space =
      code === 0x20 ||
      (code < 0x21
        ? code >= 0x09 && code <= 0x0d
        : code >= 0xa0 && (code === 0xa0 || code === 0x1680 || code >= 0x2000) && SPACE.test(text[i]!));
    if (!space && !inWord) words += 1;
    inWord = !space;
  }
  return words;
}
