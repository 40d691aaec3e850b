import { describe, expect, test } from 'vitest';
import { calendarWeeks, daysInMonth, formatDay, formatMonth, isoDay, isoInstant, weekday } from '#lib/text/dates.ts';

describe('dates in Ukrainian', () => {
  test('a day in text takes the genitive month: «11 січня 2022»', () => {
    expect(formatDay({ year: 2022, month: 1, day: 11 })).toBe('11 січня 2022');
  });

  test('a month heading takes the capitalised nominative: «Січень 2026»', () => {
    expect(formatMonth(2026, 1)).toBe('Січень 2026');
  });

  test.each([
    [1, 'Січень', 'січня'],
    [2, 'Лютий', 'лютого'],
    [3, 'Березень', 'березня'],
    [4, 'Квітень', 'квітня'],
    [5, 'Травень', 'травня'],
    [6, 'Червень', 'червня'],
    [7, 'Липень', 'липня'],
    [8, 'Серпень', 'серпня'],
    [9, 'Вересень', 'вересня'],
    [10, 'Жовтень', 'жовтня'],
    [11, 'Листопад', 'листопада'],
    [12, 'Грудень', 'грудня'],
  ])('month %i is «%s» in headings and «%s» in dates', (month, nominative, genitive) => {
    expect(formatMonth(2024, month)).toBe(`${nominative} 2024`);
    expect(formatDay({ year: 2024, month, day: 1 })).toBe(`1 ${genitive} 2024`);
  });
});

describe('calendar arithmetic', () => {
  test('knows leap years', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2023, 2)).toBe(28);
    expect(daysInMonth(2022, 1)).toBe(31);
  });

  test('weeks start on Monday: 1 January 2022 was a Saturday', () => {
    expect(weekday({ year: 2022, month: 1, day: 1 })).toBe(6);
    const weeks = calendarWeeks(2022, 1);
    expect(weeks[0]).toEqual([null, null, null, null, null, 1, 2]);
    expect(weeks.at(-1)).toEqual([31, null, null, null, null, null, null]);
    expect(weeks.every((week) => week.length === 7)).toBe(true);
    expect(weeks.flat().filter((d) => d !== null)).toHaveLength(31);
  });

  test('ISO forms for machines', () => {
    expect(isoDay({ year: 2022, month: 3, day: 5 })).toBe('2022-03-05');
    expect(isoInstant(new Date('2022-01-11'))).toBe('2022-01-11');
    expect(isoInstant(new Date('2022-02-24T05:00:00+02:00'))).toBe('2022-02-24T03:00:00Z');
  });
});
