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

  test('credits the byline as people with their pages, and no one when there is no byline', () => {
    const authors = [
      { name: 'Олена Петренко', url: 'https://example.org/sub/authors/olena-petrenko/' },
      { name: 'Тарас Ковальчук', url: 'https://example.org/sub/authors/taras-kovalchuk/' },
    ];
    expect(newsArticle({ ...base, authors }).author).toEqual(authors.map((author) => ({ '@type': 'Person', ...author })));
    expect(newsArticle(base)).not.toHaveProperty('author');
    expect(newsArticle({ ...base, authors: [] })).not.toHaveProperty('author');
  });

  test('adds dateModified and the original source only when known', () => {
    expect(newsArticle(base)).not.toHaveProperty('dateModified');
    expect(newsArticle(base)).not.toHaveProperty('isBasedOn');
    const full = newsArticle({ ...base, dateModified: '2022-01-12', source: { url: 'https://example.com/x' } });
    expect(full).toMatchObject({ dateModified: '2022-01-12', isBasedOn: { url: 'https://example.com/x' } });
  });

  test('carries a lead photo as an ImageObject with what is known of it, the share image as an address', () => {
    const photo = { url: 'https://example.org/sub/2022/01/11/a/mist-0123456789-1440.webp', width: 1440, height: 960, caption: 'Міст.' };
    expect(newsArticle({ ...base, image: photo }).image).toEqual([{ '@type': 'ImageObject', ...photo }]);
    expect(newsArticle({ ...base, image: { url: 'https://photos.example.org/a.jpg' } }).image).toEqual([
      { '@type': 'ImageObject', url: 'https://photos.example.org/a.jpg' },
    ]);
    expect(newsArticle({ ...base, image: 'https://example.org/sub/og-image.png' }).image).toEqual(['https://example.org/sub/og-image.png']);
  });
});
