import { describe, expect, test } from 'vitest';
import { bodyTextForComparison } from '#lib/archive/archive-files.ts';
import { brokenReferences, decodeNumericReferences } from '#lib/text/character-references.ts';

describe('decodeNumericReferences', () => {
  test.each([
    ['a decimal reference', 'п&#1111;ять', 'пїять'],
    ['a hexadecimal reference, either case', '&#x2014; &#X2014;', '— —'],
    ['a reference beyond Unicode, as «�»', 'a &#x110000; b', 'a \uFFFD b'],
    ['a reference to zero, as «�»', '&#0;', '\uFFFD'],
    ['a reference to a surrogate, as «�»', '&#xD800;&#57343;', '\uFFFD\uFFFD'],
    ['too many digits: not a reference', '&#x1100000; &#99999999;', '&#x1100000; &#99999999;'],
  ])('decodes %s as Markdown does', (_, text, expected) => {
    expect(decodeNumericReferences(text)).toBe(expected);
  });

  test('the ingest’s comparison text never throws on a reference', () => {
    expect(bodyTextForComparison('Уряд &#x110000; ухвалив [рішення](https://example.org/&#1114112;) &#1114112;.')).toBe(
      'Уряд \uFFFD ухвалив рішення \uFFFD.',
    );
  });
});

describe('brokenReferences', () => {
  const offsets = (markdown: string) => brokenReferences(markdown).map((found) => `${found.offset} ${found.reference}`);

  test.each([
    ['references Markdown shows as «�»', 'a &#x110000; b &#0; c &#xd800;', ['2 &#x110000;', '15 &#0;', '22 &#xd800;']],
    ['a reference in raw HTML, which the browser decodes', '<b>&#1114112;</b>', ['3 &#1114112;']],
  ])('finds %s', (_, markdown, expected) => {
    expect(offsets(markdown)).toEqual(expected);
  });

  test.each([
    ['valid references, «�» itself included', '&#x2014; &#1111; &#xFFFD;'],
    ['digit runs too long to be references', '&#x1100000; &#12345678;'],
    ['an escaped ampersand', '\\&#x110000;'],
    ['an inline code span', 'Код `&#x110000;` і ``a ` &#0;``.'],
    ['a fenced code block', 'Текст.\n\n```html\n&#x110000;\n```\n\n~~~~\n&#0;\n~~~~'],
  ])('ignores %s', (_, markdown) => {
    expect(offsets(markdown)).toEqual([]);
  });

  test('an unclosed backtick run is text, and a reference after it is found', () => {
    expect(offsets('Один ` знак &#x110000;')).toEqual(['12 &#x110000;']);
  });
});
