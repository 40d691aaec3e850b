import { describe, expect, test } from 'vitest';
import { countReadableWords, countSpaceSeparatedWords } from '#lib/text/word-count.ts';

describe('countReadableWords (the reading time)', () => {
  test('counts words, not markup; apostrophes and hyphens stay inside words', () => {
    expect(countReadableWords('Мʼята пʼє **каву** [тут](https://example.org/a-b) по-українськи.\n\n<Figure src="x.jpg" />')).toBe(5);
  });

  test('skips code, imports and expressions', () => {
    expect(countReadableWords("import { Figure } from '@arkhiv/article';\n\nДва слова {props.x}\n\n```\nкод тут\n```")).toBe(2);
  });
});

describe('countSpaceSeparatedWords (the ingest’s topic threshold)', () => {
  test.each(['', 'одне', '  два   слова  ', 'a\u00A0b\u2028c\u3000d\uFEFFe\u1680f\u2009g', 'не\u0085пробіл\u180Eі\u200Bне', '\t\n\v\f\r'])(
    'counts as splitting on \\s does: %j',
    (text) => {
      expect(countSpaceSeparatedWords(text)).toBe(text.split(/\s+/).filter(Boolean).length);
    },
  );

  test('counts punctuation between spaces, which a reader does not read', () => {
    expect(countSpaceSeparatedWords('Так — ні')).toBe(3);
    expect(countReadableWords('Так — ні')).toBe(2);
  });
});
