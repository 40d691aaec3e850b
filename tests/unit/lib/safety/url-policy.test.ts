import { describe, expect, test } from 'vitest';
import { isSafeUrl, isWebAddress, unsafeScheme } from '#lib/safety/url-policy.ts';

describe('the address policy of articles', () => {
  test.each([
    ['https://example.com/', null],
    ['http://example.com/a?b=c#d', null],
    ['HTTPS://EXAMPLE.COM/', null],
    ['mailto:a@b.c', null],
    ['tel:+380441234567', null],
    ['/2022/01/11/a/', null],
    ['images/a.jpg', null],
    ['../a/', null],
    ['#note', null],
    ['?q=1', null],
    ['', null],
    ['//example.com/a', null],
    ['javascript:alert(1)', 'javascript'],
    [' JaVaScRiPt:alert(1)', 'javascript'],
    ['java\nscript:alert(1)', 'javascript'],
    ['java\tscript:alert(1)', 'javascript'],
    ['\u0000javascript:alert(1)', 'javascript'],
    ['javascript\u0085:alert(1)', 'javascript'],
    // Character references are decoded by the parser before an address gets here; undecoded, they are inert text.
    ['javascript&#58;alert(1)', null],
    ['&#106;avascript:alert(1)', null],
    ['data:text/html,x', 'data'],
    ['DATA:image/svg+xml;base64,PHN2Zz4=', 'data'],
    ['vbscript:x', 'vbscript'],
    ['VBScript:x', 'vbscript'],
    ['file:///etc/passwd', 'file'],
    ['ftp://example.com/', 'ftp'],
  ])('unsafeScheme(%j) is %j', (address, scheme) => {
    expect(unsafeScheme(address)).toBe(scheme);
    expect(isSafeUrl(address)).toBe(scheme === null);
  });
});

describe('the source address of an article', () => {
  test.each([
    ['https://example.com/news/1', true],
    ['HTTP://example.com/', true],
    ['//example.com/news/1', false],
    ['/2022/01/11/a/', false],
    ['mailto:a@b.c', false],
    ['javascript:alert(1)', false],
    // Callers trim what they read; untrimmed, the address is not a web address.
    [' https://example.com/', false],
  ])('isWebAddress(%j) is %j', (address, verdict) => {
    expect(isWebAddress(address)).toBe(verdict);
  });
});
