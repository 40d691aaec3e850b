import { describe, expect, test } from 'vitest';
import { APOSTROPHE, foldText, normalizeText, normalizeTextParts } from '#lib/text/typography.ts';

describe('normalizeText', () => {
  test.each([
    ['every apostrophe form becomes U+02BC inside Cyrillic words', "об'єднаного, пам’ять, сім`я", 'обʼєднаного, памʼять, сімʼя'],
    ['straight double quotes become «»', 'він сказав: "так"', 'він сказав: «так»'],
    ['nested quotes become „“ inside «»', 'a "b "c" d" e', 'a «b „c“ d» e'],
    ['straight quotes inside «» become „“', '«"вкладені"»', '«„вкладені“»'],
    ['curly English quotes become «»', '“Київ”', '«Київ»'],
    ['“ after a space closes an inner „ quotation', 'він сказав «так „ні “тут»', 'він сказав «так „ні “тут»'],
    ['a hyphen between spaces becomes an em dash', 'Сумщини - усіх', 'Сумщини — усіх'],
    ['an en dash between spaces becomes an em dash', 'Сумщини – усіх', 'Сумщини — усіх'],
    ['a dialogue dash opens a line as an em dash', '- Так, це було.', '— Так, це було.'],
    ['a dash between digits is an en-dash range', '2004-2005', '2004–2005'],
    ['a range of times is an en-dash range', 'з 10:30-11:00', 'з 10:30–11:00'],
    ['a range before a suffix is still a range', '1990-2000-х', '1990–2000-х'],
    ['an ISO date keeps its hyphens', 'сесія 2026-01-26 о 10:00', 'сесія 2026-01-26 о 10:00'],
    ['an ISO date-time keeps its hyphens, its offset too', '2022-01-11T23:30:00-05:00', '2022-01-11T23:30:00-05:00'],
    ['a time with an offset keeps its hyphen', 'о 23:30:00-05:00', 'о 23:30:00-05:00'],
    [
      'a code of three or more digit groups keeps its hyphens',
      'тел. 044-123-45-67, ISBN 978-966-03-1234-5, UA-2026-01-26-01',
      'тел. 044-123-45-67, ISBN 978-966-03-1234-5, UA-2026-01-26-01',
    ],
    ['digits that follow a letter are a code, not a range', 'Airbus A320-200', 'Airbus A320-200'],
    ['an em dash with extra spaces keeps one on each side', 'так  —  ні', 'так — ні'],
    ['an em dash with extra spaces between digits becomes a range', '5  —  6', '5–6'],
    ['three dots become an ellipsis', 'і далі...', 'і далі…'],
    ['no-break and thin spaces become spaces', '5\u00A0000\u2009грн', '5 000 грн'],
    ['soft hyphens and zero-width marks vanish', 'ін\u00ADфор\u200Bмація', 'інформація'],
    ['spaces before punctuation vanish', 'Тест , ось .', 'Тест, ось.'],
    ['Latin look-alikes inside a Cyrillic word become Cyrillic', 'Kиїв і Xарків', 'Київ і Харків'],
    ['a Latin word mixed with Cyrillic that is not a look-alike stays', 'СхідSide', 'СхідSide'],
    ['Latin words stay as they are', "Heaven's Voice у Telegram", "Heaven's Voice у Telegram"],
    ['decomposed letters are composed (NFC)', 'Ї', 'Ї'],
    ['NUL, other C0 controls and DEL vanish', 'Текст\u0000 з\u0001\u0008\u000B\u000C\u001B\u001F\u007F нулем', 'Текст з нулем'],
    ['a control between a letter and its combining mark does not keep them apart', 'І\u0000\u0308', 'Ї'],
  ])('%s', (_, input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  test.each([
    'a "b "c" d" e',
    '«"вкладені"» і "ще"',
    '"Посилюємо РЕБ і звʼязок на фронті", - прокоментував',
    '„x“ та "y" та «z»',
    '- Так. - Ні...',
    'незакрита "лапка',
    '""',
    'а\u0000 - "б\u0007" . . .\u0000..',
    '2026-01-26 - 2027-01-26, 1 --- 2, A1 - 2',
    'громада "закон –новина -«закон бюджет »громада',
  ])('is idempotent on %j', (input) => {
    const once = normalizeText(input);
    expect(normalizeText(once)).toBe(once);
  });
});

describe('normalizeTextParts', () => {
  test('pairs quotes across the pieces of one block', () => {
    // «"*слово*"»: the quotes sit in text nodes around an emphasis node.
    expect(normalizeTextParts(['Він сказав "', 'слово', '" і пішов'])).toEqual(['Він сказав «', 'слово', '» і пішов']);
  });

  test('keeps one space at the edges between pieces and trims the block edges', () => {
    expect(normalizeTextParts(['  Текст  ', 'жирний', '  кінець  '])).toEqual(['Текст ', 'жирний', ' кінець']);
  });

  test('gives the same text as normalizeText for a single piece', () => {
    const input = '"Посилюємо РЕБ", - сказав він...';
    expect(normalizeTextParts([input])).toEqual([normalizeText(input)]);
  });

  test('is idempotent', () => {
    const once = normalizeTextParts(['a "b ', 'c', '" d - e']);
    expect(normalizeTextParts(once)).toEqual(once);
  });
});

describe('foldText', () => {
  test('lower-cases and unifies every apostrophe, also in Latin words', () => {
    expect(foldText("Пам'ять Heaven's")).toBe(`памʼять heaven${APOSTROPHE}s`);
  });
});
