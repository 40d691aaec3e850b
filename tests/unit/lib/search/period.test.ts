import { describe, expect, test } from 'vitest';
import { coverRange, isDay, isMonth, monthRange, periodValues } from '#lib/search/period.ts';

describe('days and months', () => {
  test.each([
    ['2022-03-15', true],
    ['2024-02-29', true],
    ['0002-03-20', true],
    ['2023-02-29', false],
    ['2022-13-01', false],
    ['2022-3-15', false],
    ['15.03.2022', false],
    ['', false],
  ])('%s is a day: %s', (text, expected) => expect(isDay(text)).toBe(expected));

  test.each([
    ['2022-03', true],
    ['2022-12', true],
    ['2022-00', false],
    ['2022-13', false],
    ['2022-3', false],
    ['березень', false],
  ])('%s is a month: %s', (text, expected) => expect(isMonth(text)).toBe(expected));

  test('a month runs from its first to its last day, leap years included', () => {
    expect(monthRange('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(monthRange('2023-02')).toEqual({ from: '2023-02-01', to: '2023-02-28' });
    expect(monthRange('2022-12')).toEqual({ from: '2022-12-01', to: '2022-12-31' });
  });

  test('an article carries its month and its day', () => {
    expect(periodValues('2022-03-15')).toEqual(['2022-03', '2022-03-15']);
  });
});

describe('coverRange', () => {
  test('covers whole months as months and the other days one by one', () => {
    expect(coverRange({ from: '2022-01-30', to: '2022-04-02' })).toEqual([
      '2022-01-30',
      '2022-01-31',
      '2022-02',
      '2022-03',
      '2022-04-01',
      '2022-04-02',
    ]);
  });

  test('a range inside one month is its days; a whole month is one value', () => {
    expect(coverRange({ from: '2022-03-14', to: '2022-03-16' })).toEqual(['2022-03-14', '2022-03-15', '2022-03-16']);
    expect(coverRange({ from: '2024-02-01', to: '2024-02-29' })).toEqual(['2024-02']);
    expect(coverRange({ from: '2022-12-31', to: '2023-01-01' })).toEqual(['2022-12-31', '2023-01-01']);
  });

  test('a single day is itself, and a backward range is empty', () => {
    expect(coverRange({ from: '2022-03-15', to: '2022-03-15' })).toEqual(['2022-03-15']);
    expect(coverRange({ from: '2022-03-16', to: '2022-03-15' })).toEqual([]);
  });

  test('every day of a long range is covered exactly once', () => {
    const values = coverRange({ from: '2021-11-17', to: '2024-03-09' });
    const days = new Set<string>();
    for (const value of values) {
      const range = value.length === 7 ? monthRange(value) : { from: value, to: value };
      for (let d = new Date(`${range.from}T00:00:00Z`); d.toISOString().slice(0, 10) <= range.to; d.setUTCDate(d.getUTCDate() + 1)) {
        const day = d.toISOString().slice(0, 10);
        expect(days.has(day)).toBe(false);
        days.add(day);
      }
    }
    expect(days.size).toBe(844);
    expect([...days].sort()[0]).toBe('2021-11-17');
    expect([...days].sort().at(-1)).toBe('2024-03-09');
    expect(values.length).toBe(14 + 27 + 9);
  });
});
