import { expect, test } from 'vitest';
import { createText } from '../../../../src/client/search/config.ts';

const text = createText({
  bundlePath: '/pagefind/',
  buildId: 'test',
  typingDelayMs: 250,
  strings: {
    'search.results.one': 'Знайдено {count} результат',
    'search.results.few': 'Знайдено {count} результати',
    'search.results.many': 'Знайдено {count} результатів',
    'search.none': 'Нічого',
  },
  months: ['січня', 'лютого', 'березня', 'квітня', 'травня', 'червня', 'липня', 'серпня', 'вересня', 'жовтня', 'листопада', 'грудня'],
});

test.each([
  [1, 'Знайдено 1 результат'],
  [2, 'Знайдено 2 результати'],
  [5, 'Знайдено 5 результатів'],
  [11, 'Знайдено 11 результатів'],
  [21, 'Знайдено 21 результат'],
  [24, 'Знайдено 24 результати'],
  [0, 'Знайдено 0 результатів'],
])('counts %i as «%s»', (count, expected) => {
  expect(text.plural('search.results', count)).toBe(expected);
});

test('formats a thousand with a no-break space, as Ukrainian does', () => {
  expect(text.plural('search.results', 1021)).toBe('Знайдено 1\u00a0021 результат');
});

test('writes dates as «11 січня 2022» and leaves a missing date empty', () => {
  expect(text.date('2022-01-11')).toBe('11 січня 2022');
  expect(text.date('2025-12-01')).toBe('1 грудня 2025');
  expect(text.date(undefined)).toBe('');
});
