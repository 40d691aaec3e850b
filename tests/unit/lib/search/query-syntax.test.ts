import { describe, expect, test } from 'vitest';
import { formatQuery, parseQuery } from '#lib/search/query-syntax.ts';
import { hasTerms, pagefindQuery, searchPlan } from '#lib/search/query.ts';

const word = (text: string, excluded = false) => ({ text, quoted: false, excluded });
const phrase = (text: string, excluded = false) => ({ text, quoted: true, excluded });

describe('parseQuery', () => {
  test('reads words, phrases in any double quotes, and a minus before either', () => {
    expect(parseQuery('"Верховна Рада" бюджет -Росія')).toEqual([phrase('Верховна Рада'), word('бюджет'), word('Росія', true)]);
    expect(parseQuery('«Верховна Рада» „місцеві вибори“ -“воєнний стан”')).toEqual([
      phrase('Верховна Рада'),
      phrase('місцеві вибори'),
      phrase('воєнний стан', true),
    ]);
    expect(parseQuery('−Росія')).toEqual([word('Росія', true)]);
  });

  test('keeps a word as typed, punctuation and all, for reading it in another layout', () => {
    expect(parseQuery('rb]d pfke;ybq')).toEqual([word('rb]d'), word('pfke;ybq')]);
  });

  test('reads an unclosed quote as words: the reader may still be typing', () => {
    expect(parseQuery('"Верховна Ра')).toEqual([word('Верховна'), word('Ра')]);
  });

  test('takes a lone minus, a hyphen inside a word and empty quotes for nothing special', () => {
    expect(parseQuery('мир - війна')).toEqual([word('мир'), word('-'), word('війна')]);
    expect(parseQuery('ІТ-технології')).toEqual([word('ІТ-технології')]);
    expect(parseQuery('"" ""')).toEqual([]);
  });

  test('formats parts back into a query that parses the same', () => {
    const parts = parseQuery('«Верховна Рада»  бюджет -Росія -"воєнний стан"');
    expect(formatQuery(parts)).toBe('"Верховна Рада" бюджет -Росія -"воєнний стан"');
    expect(parseQuery(formatQuery(parts))).toEqual(parts);
  });
});

describe('searchPlan', () => {
  test('stems the words into one term and keeps each phrase exact, as its own term', () => {
    expect(searchPlan(parseQuery('бюджет "Верховна Рада" переговорів'))).toEqual({
      include: ['бюджет переговор', '"верховна рада"'],
      exclude: [],
      stems: ['бюджет', 'верховн', 'рада', 'переговор'],
      words: ['бюджет', 'верховна', 'рада', 'переговорів'],
      inflected: ['бюджет', 'переговорів'],
      alternatives: [],
    });
  });

  test('searches each excluded word on its own, stemmed so that all its forms are left out, and never requires it', () => {
    expect(searchPlan(parseQuery('допомога -Росії -"воєнний стан"'))).toEqual({
      include: ['допомог'],
      exclude: ['росі', '"воєнний стан"'],
      stems: ['допомог'],
      words: ['допомога'],
      inflected: ['допомога'],
      alternatives: [{ term: 'допомозі', prefix: 'допомозі' }],
    });
  });

  test('adds a term for each alternating root that the stem does not find, with the other words as they are', () => {
    expect(searchPlan(parseQuery('школах Львова')).alternatives).toEqual([
      { term: 'шкіл львов', prefix: 'шкіл' },
      { term: 'школ львів', prefix: 'львів' },
    ]);
    expect(searchPlan(parseQuery('Київ')).alternatives).toEqual([{ term: 'києв', prefix: 'києв' }]);
  });

  test('has terms for exclusions alone, and none for punctuation alone', () => {
    expect(hasTerms(searchPlan(parseQuery('-Росія')))).toBe(true);
    expect(hasTerms(searchPlan(parseQuery(' — , ! ')))).toBe(false);
    expect(hasTerms(searchPlan(parseQuery('""')))).toBe(false);
  });

  test('gives one Pagefind term for the evaluation: the stemmed words, or a phrase alone', () => {
    expect(pagefindQuery('Переговорів у Казахстані -Росія')).toBe('переговор у казахстан');
    expect(pagefindQuery('«гуманітарна допомога»')).toBe('"гуманітарна допомога"');
  });
});
