import { describe, expect, test } from 'vitest';
import { dateFromFileName, dateFromText, parseMetadataDate, resolveDate } from '../../../../scripts/lib/ingest/dates.ts';

describe('parseMetadataDate', () => {
  test.each([
    ['2022-01-11', '2022-01-11'],
    ['11.01.2022', '2022-01-11'],
    ['2022-01-11 10:00', '2022-01-11'],
    ['2022-01-11T23:30:00-05:00', '2022-01-12'],
    ['Wed, 12 Jan 2022 00:30:00 +0200', '2022-01-12'],
    ['Tue, 11 Jan 2022 23:30:00 +0200', '2022-01-11'],
    ['2022-01-11T21:30:00.000Z', '2022-01-11'],
    ['2022-02-30', undefined],
    ['вчора', undefined],
    ['2022', undefined],
  ])('%s → %s (instants are filed by their date in Kyiv)', (value, expected) => {
    expect(parseMetadataDate(value)).toBe(expected);
  });
});

describe('dateFromFileName', () => {
  test.each([
    ['2022-05-01-hugo-post.md', { date: '2022-05-01' }],
    ['news_20220111.txt', { date: '2022-01-11' }],
    ['A_Outlet_Author_Title_2016.txt', { year: 2016 }],
    ['A_Outlet_Title_2015(2).txt', { year: 2015 }],
    ['000_62e7a2a410e01d5e.txt', {}],
    ['dump.txt', {}],
  ])('%s → %j', (name, expected) => {
    expect(dateFromFileName(`some/folder/${name}`)).toEqual(expected);
  });
});

describe('dateFromText', () => {
  test('finds a full date with a written year', () => {
    expect(dateFromText(['Сесія відбулася 3 лютого 2026 року в Згоранах.'])).toEqual({ date: '2026-02-03', text: '3 лютого 2026 року' });
    expect(dateFromText(['Рішення ухвалено 15.03.2016.'])?.date).toBe('2016-03-15');
  });

  test('a day and month without a year, or a relative day, is not a full date', () => {
    expect(dateFromText(['Про це політик 11 січня заявив на засіданні.', 'Вчора все закінчилося.'])).toBeUndefined();
  });

  test('looks only at the first paragraphs', () => {
    expect(dateFromText(['Перший.', 'Другий.', 'Третій.', 'Четвертий: 3 лютого 2026 року.'])).toBeUndefined();
  });

  test('skips dates of another year than the file name gives', () => {
    expect(dateFromText(['У 1991 році, 24 серпня 1991 року, проголошено незалежність. Сесія була 5 травня 2016 року.'], 2016)?.date).toBe(
      '2016-05-05',
    );
  });
});

describe('resolveDate', () => {
  test('metadata comes first, then the file name, then the text, then --date', () => {
    const paragraphs = ['Сесія відбулася 3 лютого 2026 року.'];
    expect(resolveDate({ metadata: '2022-01-11', fileName: '2023-01-01-x.md', paragraphs, fallback: '2020-01-01' })).toMatchObject({
      date: '2022-01-11',
      source: 'metadata',
    });
    expect(resolveDate({ fileName: '2023-01-01-x.md', paragraphs, fallback: '2020-01-01' })).toMatchObject({
      date: '2023-01-01',
      source: 'file-name',
    });
    expect(resolveDate({ fileName: 'x.txt', paragraphs, fallback: '2020-01-01' })).toMatchObject({ date: '2026-02-03', source: 'text' });
    expect(resolveDate({ fileName: 'x.txt', paragraphs: ['Без дати.'], fallback: '2020-01-01' })).toMatchObject({
      date: '2020-01-01',
      source: 'option',
    });
  });

  test('a date after today is an error from metadata, a file name or --date, and skipped in the text', () => {
    const today = '2026-11-25';
    expect(resolveDate({ metadata: '2026-11-26', fileName: 'x.txt', paragraphs: [], today })).toEqual({
      error:
        'дата з метаданих 2026-11-26 ще не настала: архів містить лише опубліковане. Виправте дату або імпортуйте новину після її виходу.',
    });
    expect(resolveDate({ fileName: '2150-01-01-x.md', paragraphs: [], today })).toMatchObject({
      error: expect.stringMatching(/^дата з назви файлу 2150-01-01 ще не настала/),
    });
    expect(resolveDate({ fileName: 'x.txt', paragraphs: [], fallback: '2150-01-01', today })).toMatchObject({
      error: expect.stringMatching(/^дата з --date 2150-01-01 ще не настала/),
    });
    const paragraphs = ['Ремонт завершать 1 березня 2030 року, повідомили 3 лютого 2026 року.'];
    expect(resolveDate({ fileName: 'x.txt', paragraphs, today })).toMatchObject({ date: '2026-02-03', source: 'text' });
  });

  test('a date from --date says why, including a year-only file name', () => {
    expect(resolveDate({ fileName: 'A_Outlet_Title_2016.txt', paragraphs: ['Без дати.'], fallback: '2018-01-01' })).toEqual({
      date: '2018-01-01',
      source: 'option',
      detail:
        'дата з --date 2018-01-01: ні метадані, ні назва файлу, ні текст не дають повної дати (назва файлу дає лише рік 2016, це не повна дата)',
    });
  });

  test('no date and no --date is an error that says how to fix it', () => {
    expect(resolveDate({ fileName: 'x.txt', paragraphs: ['Без дати.'] })).toEqual({
      error:
        'немає дати: ні метадані, ні назва файлу, ні текст не дають повної дати. Додайте дату до джерела або запустіть з --date РРРР-ММ-ДД.',
    });
  });

  test('an unreadable metadata date is an error, not a reason to guess', () => {
    expect(resolveDate({ metadata: 'минулого тижня', fileName: '2022-01-01-x.md', paragraphs: [], fallback: '2020-01-01' })).toEqual({
      error: 'дата «минулого тижня» не розпізнана. Запишіть її як РРРР-ММ-ДД, наприклад 2026-01-26.',
    });
  });
});
