import { describe, expect, test } from 'vitest';
import { newsArticle, serialiseJsonLd } from '#lib/site/json-ld.ts';

const hostile = '</script><script>alert(1)</script> "><img src=x onerror=alert(1)> & \u2028';

describe('serialiseJsonLd', () => {
  test('cannot close its script element and stays the same JSON', () => {
    const text = serialiseJsonLd({ headline: hostile });
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text)).toEqual({ headline: hostile });
  });
});

describe('newsArticle', () => {
  const base = {
    url: 'https://example.org/sub/2022/01/11/a/',
    headline: 'Заголовок',
    description: 'Лід.',
    datePublished: '2022-01-11',
    topics: ['Війна', 'ООН'],
    lang: 'uk',
    publisher: { name: 'Архів', url: 'https://example.org/sub/' },
  };

  test('carries the section and keywords from topics and the publisher', () => {
    expect(newsArticle(base)).toMatchObject({
      '@type': 'NewsArticle',
      headline: 'Заголовок',
      datePublished: '2022-01-11',
      articleSection: 'Війна',
      keywords: 'Війна, ООН',
      publisher: { '@type': 'Organization', name: 'Архів' },
    });
  });

  test('adds dateModified and the original source only when known', () => {
    expect(newsArticle(base)).not.toHaveProperty('dateModified');
    expect(newsArticle(base)).not.toHaveProperty('isBasedOn');
    const full = newsArticle({ ...base, dateModified: '2022-01-12', source: { url: 'https://example.com/x' } });
    expect(full).toMatchObject({ dateModified: '2022-01-12', isBasedOn: { url: 'https://example.com/x' } });
  });
});
