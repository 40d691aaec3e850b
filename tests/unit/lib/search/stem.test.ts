import { describe, expect, test } from 'vitest';
import { MIN_STEM, stemWord } from '#lib/search/stem.ts';
import { pagefindQuery, plainQuery, queryWords } from '#lib/search/query.ts';

describe('stemWord', () => {
  test.each([
    ['казахстані', 'казахстан'],
    ['казахстану', 'казахстан'],
    ['казахстан', 'казахстан'],
    ['переговорів', 'переговор'],
    ['переговори', 'переговор'],
    ['допомога', 'допомог'],
    ['допомогу', 'допомог'],
    ['допомозі', 'допомо'],
    ['відключеннями', 'відключен'],
    ['відключень', 'відключен'],
    ['світла', 'світл'],
    ['учнями', 'учн'],
    ['нового', 'нов'],
    ['україною', 'україн'],
    ['громадах', 'громад'],
    ['вулиці', 'вулиц'],
    ['повернулися', 'повернул'],
  ])('%s → %s', (word, stem) => {
    expect(stemWord(word)).toBe(stem);
  });

  test.each(['київ', 'мир', 'рік', 'сша', 'водою', 'його', 'учні'])(
    'keeps the short word %s whole rather than over-stemming it',
    (word) => {
      expect(stemWord(word)).toBe(word);
    },
  );

  test('never leaves a stem shorter than MIN_STEM letters, or one fewer after a three-letter ending', () => {
    for (const word of ['миру', 'учні', 'нозі', 'школа', 'війни', 'росією', 'учнями', 'того']) {
      expect([...stemWord(word)].length).toBeGreaterThanOrEqual(Math.min(MIN_STEM - 1, [...word].length));
    }
    expect(stemWord('учні')).toBe('учні');
  });

  test('leaves words with digits or Latin letters alone', () => {
    expect(stemWord('covid19')).toBe('covid19');
    expect(stemWord('2022')).toBe('2022');
  });
});

describe('query normalisation', () => {
  test('applies the archive normaliser: apostrophes, case, Latin look-alikes', () => {
    expect(queryWords("П'ять Мʼячів м’яч")).toEqual(['пʼять', 'мʼячів', 'мʼяч']);
    // «Kиїв» typed with a Latin K is the Cyrillic word.
    expect(queryWords('Kиїв')).toEqual(['київ']);
  });

  test('stems every word of the query for Pagefind', () => {
    expect(pagefindQuery('  Переговорів у Казахстані ')).toBe('переговор у казахстан');
    expect(plainQuery('Переговорів у Казахстані')).toBe('переговорів у казахстані');
  });

  test('passes a quoted phrase to Pagefind unstemmed', () => {
    expect(pagefindQuery('"гуманітарна допомога"')).toBe('"гуманітарна допомога"');
    expect(pagefindQuery('«гуманітарна допомога»')).toBe('"гуманітарна допомога"');
  });

  test('has nothing to search for in punctuation alone', () => {
    expect(pagefindQuery(' — , ! ')).toBe('');
  });
});
