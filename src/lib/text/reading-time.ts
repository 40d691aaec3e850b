/** Reading speed for Ukrainian news text, words per minute. */
export const WORDS_PER_MINUTE = 180;

// Markdown and MDX syntax that is not read: code, tags, link targets, expressions.
const NOT_READ = [/```[\s\S]*?```/g, /<[^>]+>/g, /\]\([^)]*\)/g, /\{[^}]*\}/g, /^(?:import|export)\s.*$/gm];

/** Words a reader reads in a Markdown or MDX body (apostrophes and hyphens stay inside words). */
export function countWords(markdown: string): number {
  let text = markdown;
  for (const pattern of NOT_READ) text = text.replace(pattern, ' ');
  return text.match(/[\p{L}\p{N}]+(?:[-'\u2019\u02BC][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

/** Whole minutes to read a number of words, at least one. */
export function minutesFor(words: number, wordsPerMinute = WORDS_PER_MINUTE): number {
  return Math.max(1, Math.round(words / wordsPerMinute));
}

/** Whole minutes to read a body, at least one. */
export function readingMinutes(markdown: string, wordsPerMinute = WORDS_PER_MINUTE): number {
  return minutesFor(countWords(markdown), wordsPerMinute);
}
