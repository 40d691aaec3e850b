import { describe, expect, test } from 'vitest';
import { cyrillicSpellings, MAX_SPELLINGS } from '#lib/search/transliteration.ts';

/** Where a spelling comes among a word's spellings (-1: not among them). */
const rank = (latin: string, cyrillic: string) => cyrillicSpellings(latin).indexOf(cyrillic);

describe('cyrillicSpellings', () => {
  test.each([
    // The national transliteration of 2010.
    ['Kyiv', 'київ'],
    ['Kharkiv', 'харків'],
    ['Odesa', 'одеса'],
    ['Lviv', 'львів'],
    ['Dnipro', 'дніпро'],
    ['Zelenskyi', 'зеленський'],
    ['Zaluzhnyi', 'залужний'],
    ['Shchastia', 'щастя'],
    ['Zghurivka', 'згурівка'],
    ['Yizhakevych', 'їжакевич'],
    ['Yevropa', 'європа'],
    // Informal spellings.
    ['Zelensky', 'зеленськи'],
    ['Zelenskiy', 'зеленський'],
    ['Zelenskyy', 'зеленський'],
    // Russian-style spellings: Russian е and и, о and е in a closed final syllable, doubled consonants.
    ['Kiev', 'київ'],
    ['Kharkov', 'харків'],
    ['Lvov', 'львів'],
    ['Odessa', 'одеса'],
    ['Dnepr', 'дніпр'],
    ['Nikolaev', 'николаїв'],
  ])('%s may be «%s»', (latin, cyrillic) => {
    expect(rank(latin, cyrillic)).toBeGreaterThanOrEqual(0);
  });

  test('puts the official reading first', () => {
    expect(cyrillicSpellings('Kharkiv')[0]).toBe('харків');
    expect(cyrillicSpellings('Odesa')[0]).toBe('одеса');
    expect(cyrillicSpellings('Dnipro')[0]).toBe('дніпро');
    expect(cyrillicSpellings('Zelenskyi').slice(0, 2)).toContain('зеленський');
  });

  test('ranks readings that need more departures from the official system later', () => {
    expect(rank('Odessa', 'одесса')).toBeLessThan(rank('Odessa', 'одеса'));
    expect(rank('Kharkov', 'харков')).toBeLessThan(rank('Kharkov', 'харків'));
    expect(rank('Lviv', 'лвів')).toBeLessThan(rank('Lviv', 'львів'));
  });

  test('never splits the letter groups of the system: kh is х, zh is ж', () => {
    expect(cyrillicSpellings('Kharkiv').some((s) => s.startsWith('кг') || s.startsWith('кх'))).toBe(false);
    expect(cyrillicSpellings('Zaluzhnyi').some((s) => s.includes('зг'))).toBe(false);
  });

  test('gives at most MAX_SPELLINGS, without repeats', () => {
    const spellings = cyrillicSpellings('Dniprodzerzhynskyi');
    expect(spellings.length).toBeLessThanOrEqual(MAX_SPELLINGS);
    expect(new Set(spellings).size).toBe(spellings.length);
  });

  test('gives nothing for words with characters other than Latin letters and the apostrophe', () => {
    expect(cyrillicSpellings('covid19')).toEqual([]);
    expect(cyrillicSpellings('rb]d')).toEqual([]);
    expect(cyrillicSpellings('київ')).toEqual([]);
    expect(cyrillicSpellings('')).toEqual([]);
  });
});
