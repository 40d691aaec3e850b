import { describe, expect, test } from 'vitest';
import { cyrillicReadings, resolveQuery } from '#lib/search/query-resolution.ts';
import { formatQuery, parseQuery } from '#lib/search/query-syntax.ts';

/**
 * An index that holds these words, in any form: a typed word is found when
 * one of them begins with it, as Pagefind finds a prefix. The resolution's
 * rule is what is tested; the search page asks the real index (e2e tests).
 */
function indexOf(...words: string[]) {
  const asked: string[] = [];
  const isFound = async (word: string) => {
    asked.push(word);
    const folded = word.toLowerCase();
    return words.some((indexed) => indexed.startsWith(folded));
  };
  return { isFound, asked };
}

async function resolve(query: string, index: ReturnType<typeof indexOf>) {
  const resolution = await resolveQuery(parseQuery(query), index.isFound);
  return { searched: formatQuery(resolution.parts), literal: formatQuery(resolution.literal), converted: resolution.converted };
}

describe('cyrillicReadings', () => {
  test('gives the transliteration spellings first, then the keyboard-layout reading', () => {
    const readings = cyrillicReadings('Kyiv');
    expect(readings).toContain('київ');
    expect(readings.at(-1)).toBe('лншм');
    expect(cyrillicReadings('rb]d')).toEqual(['київ']);
  });

  test('ignores punctuation around a transliterated word', () => {
    expect(cyrillicReadings('Kyiv,')).toContain('київ');
  });

  test('gives nothing for words with Cyrillic letters or with no Latin letter', () => {
    expect(cyrillicReadings('Київ')).toEqual([]);
    expect(cyrillicReadings('Kиїв')).toEqual([]);
    expect(cyrillicReadings('2022')).toEqual([]);
  });
});

describe('resolveQuery', () => {
  const index = () => indexOf('київ', 'києві', 'харків', 'харкова', 'одеса', 'зеленський', 'залужний', 'covid', 'нато', 'переговори');

  test('searches a Latin word in Cyrillic when only the Cyrillic word is found', async () => {
    expect(await resolve('Kyiv', index())).toEqual({ searched: 'Київ', literal: '"Kyiv"', converted: true });
    expect(await resolve('Kiev переговори', index())).toEqual({
      searched: 'Київ переговори',
      literal: '"Kiev" переговори',
      converted: true,
    });
    expect((await resolve('Zelensky', index())).searched).toBe('Зеленськи');
    expect((await resolve('Odessa', index())).searched).toBe('Одеса');
    expect((await resolve('NATO', index())).searched).toBe('НАТО');
  });

  test('reads a word typed in the wrong keyboard layout', async () => {
    expect(await resolve('rb]d', index())).toEqual({ searched: 'київ', literal: '"rb]d"', converted: true });
    expect((await resolve('pfke;ybq', index())).searched).toBe('залужний');
  });

  test('keeps the first reading that the index holds, cheapest first', async () => {
    expect((await resolve('Odessa', index())).searched).toBe('Одеса');
    expect((await resolve('Zelensky', index())).searched).toBe('Зеленськи');
  });

  test('prefers a costlier reading the index holds when the first one found is one of its forms', async () => {
    // «харков» is found first (the start of Харкова), but it is a form of «харків», which the index holds too.
    expect(await resolve('Kharkov', index())).toEqual({ searched: 'Харків', literal: '"Kharkov"', converted: true });
    expect((await resolve('Lvov', indexOf('львів', 'львова'))).searched).toBe('Львів');
    // A reading Pagefind takes for the same word is no other word: «харкїв» never replaces «харків».
    expect((await resolve('Kharkiv', indexOf('харків', 'харкїв'))).searched).toBe('Харків');
    // Without the word itself in the index, the form found stays.
    expect((await resolve('Kharkov', indexOf('харкова'))).searched).toBe('Харков');
  });

  test('keeps a Latin word that the index holds as typed, and asks nothing more about it', async () => {
    const covid = index();
    expect(await resolve('COVID', covid)).toEqual({ searched: 'COVID', literal: 'COVID', converted: false });
    expect(covid.asked).toEqual(['COVID']);
  });

  test('keeps a word that no reading turns into a known word', async () => {
    expect(await resolve('iPhone example.org', index())).toEqual({
      searched: 'iPhone example.org',
      literal: 'iPhone example.org',
      converted: false,
    });
  });

  test('never reads Cyrillic words or words in quotes, and reads excluded words too', async () => {
    const asked = index();
    expect((await resolve('"Kyiv" Київ', asked)).converted).toBe(false);
    expect(asked.asked).toEqual([]);
    expect(await resolve('переговори -Odesa', index())).toEqual({
      searched: 'переговори -Одеса',
      literal: 'переговори -"Odesa"',
      converted: true,
    });
  });
});
