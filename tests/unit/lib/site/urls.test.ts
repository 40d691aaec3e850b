import { describe, expect, test } from 'vitest';
import { absoluteUrl, joinBase, paths, url, urls } from '#lib/site/urls.ts';

describe('URLs under a base', () => {
  test.each([
    ['/', '', '/'],
    ['/', 'topics/', '/topics/'],
    ['/sub/', 'topics/', '/sub/topics/'],
    ['/sub', 'topics/', '/sub/topics/'],
    ['/sub/', '/rss.xml', '/sub/rss.xml'],
    ['/a/b/', '2022/01/11/slug/', '/a/b/2022/01/11/slug/'],
  ])('base %s + %s = %s', (base, path, expected) => {
    expect(joinBase(base, path)).toBe(expected);
  });

  test('every page kind has one path shape, with two-digit months and days', () => {
    expect(paths.article('2022/01/11/slug')).toBe('2022/01/11/slug/');
    expect(paths.day(2022, 1, 5)).toBe('2022/01/05/');
    expect(paths.month(2022, 12)).toBe('2022/12/');
    expect(paths.year(2022)).toBe('2022/');
    expect(paths.topic('viina')).toBe('topics/viina/');
    expect(paths.topic('viina', 2)).toBe('topics/viina/2/');
    expect(paths.topicFeed('viina')).toBe('topics/viina/rss.xml');
    expect(paths.feed()).toBe('rss.xml');
  });

  test('urls.* are the paths under the configured base', () => {
    expect(url('topics/')).toBe(`${import.meta.env.BASE_URL}topics/`);
    expect(urls.topic('viina', 3)).toBe(url(paths.topic('viina', 3)));
    expect(urls.home()).toBe(import.meta.env.BASE_URL);
  });

  test('absolute URLs keep the base and need a site', () => {
    expect(absoluteUrl(joinBase('/sub/', 'rss.xml'), 'https://example.org')).toBe('https://example.org/sub/rss.xml');
    expect(() => absoluteUrl('/rss.xml', undefined)).toThrow(/set "site"/);
  });
});
