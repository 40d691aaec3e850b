import { describe, expect, test } from 'vitest';
import {
  cleanTitle,
  SUMMARY_MAX_CHARS,
  splitSentences,
  summaryFromLead,
  TITLE_MAX_CHARS,
  titleFromLead,
} from '../../../../scripts/lib/ingest/lead.ts';

describe('splitSentences', () => {
  test('does not split after initials and common abbreviations', () => {
    expect(splitSentences('Указ підписав В. Зеленський 5 січня 2022 р. Він набув чинності. Ціна — 5 тис. грн. Далі буде…')).toEqual([
      'Указ підписав В. Зеленський 5 січня 2022 р. Він набув чинності.',
      'Ціна — 5 тис. грн. Далі буде…',
    ]);
  });

  test('splits at question and exclamation marks and after closing quotes', () => {
    expect(splitSentences('Що далі? «Будемо працювати!» Так сказав він.')).toEqual(['Що далі?', '«Будемо працювати!»', 'Так сказав він.']);
  });
});

describe('summaryFromLead', () => {
  test('takes whole first sentences while they fit', () => {
    const lead = 'Перше речення. Друге речення. ' + 'Дуже довге третє речення '.repeat(20) + 'кінець.';
    expect(summaryFromLead(lead)).toBe('Перше речення. Друге речення.');
  });

  test('cuts a very long first sentence at a word and marks the cut', () => {
    const summary = summaryFromLead(`${'слово '.repeat(100)}кінець.`);
    expect(summary.length).toBeLessThanOrEqual(SUMMARY_MAX_CHARS * 1.25 + 1);
    expect(summary.endsWith('слово…')).toBe(true);
  });
});

describe('titleFromLead', () => {
  test('a short first sentence is the title, without its full stop', () => {
    expect(titleFromLead('У Щасті відкрили бібліотеку. Ремонт тривав пів року.')).toBe('У Щасті відкрили бібліотеку');
  });

  test('a long first sentence is cut at its last clause boundary that fits', () => {
    expect(
      titleFromLead(
        'Україна намагається заручитися максимальною міжнародною підтримкою, щоб наблизити кінець війни, але деякі країни продовжують захищати інтереси Кремля.',
      ),
    ).toBe('Україна намагається заручитися максимальною міжнародною підтримкою, щоб наблизити кінець війни');
  });

  test('never ends on a word that needs its clause («заявив», «попри те»)', () => {
    const title = titleFromLead(
      'У США вважають власні гарантії безпеки важливішими за європейські попри те, що Вашингтон виключає можливість відправки своїх військових до України.',
    );
    expect(title.length).toBeLessThanOrEqual(TITLE_MAX_CHARS + 1);
    expect(title).not.toMatch(/попри те$/);
    expect(title.endsWith('…')).toBe(true);
  });
});

describe('cleanTitle', () => {
  test.each([
    ['Заголовок.', 'Заголовок'],
    ['Що далі?', 'Що далі?'],
    ['Далі буде…', 'Далі буде…'],
    ['  Два   пробіли ', 'Два пробіли'],
  ])('%j → %j', (input, expected) => {
    expect(cleanTitle(input)).toBe(expected);
  });
});
