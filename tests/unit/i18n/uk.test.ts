import { describe, expect, test } from 'vitest';
import { formatNumber, plural, pluralCategory, t, tn } from '../../../src/i18n/uk.ts';

describe('Ukrainian plural forms', () => {
  test.each([
    [0, '0 статей'],
    [1, '1 стаття'],
    [2, '2 статті'],
    [4, '4 статті'],
    [5, '5 статей'],
    [11, '11 статей'],
    [12, '12 статей'],
    [14, '14 статей'],
    [21, '21 стаття'],
    [22, '22 статті'],
    [25, '25 статей'],
    [101, '101 стаття'],
    [111, '111 статей'],
    [112, '112 статей'],
    [1021, '1\u00a0021 стаття'],
  ])('%i articles read «%s»', (count, expected) => {
    expect(tn('count.articles', count)).toBe(expected);
  });

  test.each([
    [1, '1 хвилина'],
    [3, '3 хвилини'],
    [7, '7 хвилин'],
    [31, '31 хвилина'],
  ])('%i minutes read «%s»', (count, expected) => {
    expect(tn('count.minutes', count)).toBe(expected);
  });

  test.each([
    [1, '1 день'],
    [2, '2 дні'],
    [5, '5 днів'],
    [13, '13 днів'],
    [23, '23 дні'],
  ])('%i days read «%s»', (count, expected) => {
    expect(tn('count.days', count)).toBe(expected);
  });

  test('categories follow the last two digits', () => {
    expect([1, 2, 5, 11, 12, 15, 21, 24, 100].map(pluralCategory)).toEqual([
      'one',
      'few',
      'many',
      'many',
      'many',
      'many',
      'one',
      'few',
      'many',
    ]);
  });

  test('a fraction or a negative number takes the form of its whole part', () => {
    expect([1.5, 2.5, 5.5, -1, -3, -0].map(pluralCategory)).toEqual(['one', 'few', 'many', 'one', 'few', 'many']);
  });

  test('plural picks the form given for the category', () => {
    const files = { one: 'файл', few: 'файли', many: 'файлів' };
    expect([0, 1, 3, 11, 21].map((n) => `${n} ${plural(n, files)}`)).toEqual(['0 файлів', '1 файл', '3 файли', '11 файлів', '21 файл']);
  });
});

describe('t', () => {
  test('fills parameters and formats numbers the Ukrainian way', () => {
    expect(t('topic.pageTitle', { name: 'Війна', page: 3 })).toBe('Війна, сторінка 3');
    expect(formatNumber(12345)).toBe('12\u00a0345');
  });

  test('names the string and the parameter that is missing', () => {
    expect(() => t('topic.pageTitle', { name: 'Війна' })).toThrowErrorMatchingInlineSnapshot(
      `[Error: String "topic.pageTitle" needs the parameter {page}.]`,
    );
  });
});
