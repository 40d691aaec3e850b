import { describe, expect, test } from 'vitest';
import { isSiteRootPath, withBase } from '../../../src/integrations/base-links.ts';

describe('links in article bodies under a subfolder base', () => {
  test.each([
    ['/topics/viina/', '/sub/', '/sub/topics/viina/'],
    ['/2022/01/11/slug/', '/sub', '/sub/2022/01/11/slug/'],
    ['/sub/topics/viina/', '/sub/', '/sub/topics/viina/'],
    ['/topics/viina/', '/', '/topics/viina/'],
  ])('%s with base %s becomes %s', (path, base, expected) => {
    expect(withBase(path, base)).toBe(expected);
  });

  test.each([
    ['/topics/', true],
    ['//cdn.example.org/x.png', false],
    ['https://example.org/', false],
    ['#note', false],
    ['relative/', false],
    [undefined, false],
  ])('%s is a site-root path: %s', (value, expected) => {
    expect(isSiteRootPath(value)).toBe(expected);
  });
});
