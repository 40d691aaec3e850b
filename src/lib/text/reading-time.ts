/** Reading speed for Ukrainian news text, words per minute. */
export const WORDS_PER_MINUTE = 180;

/** Whole minutes to read a number of words (`countReadableWords`), at least one. */
export function minutesFor(words: number, wordsPerMinute = WORDS_PER_MINUTE): number {
  return Math.max(1, Math.round(words / wordsPerMinute));
}
