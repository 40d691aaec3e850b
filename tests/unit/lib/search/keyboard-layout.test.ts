import { describe, expect, test } from 'vitest';
import { fromUsLayout } from '#lib/search/keyboard-layout.ts';

describe('fromUsLayout', () => {
  test.each([
    ['rb]d', 'київ'],
    ['pfke;ybq', 'залужний'],
    ['ghbdsn', 'привіт'],
    ["'dhjgf", 'європа'],
    ['gj`znnz', 'поʼяття'],
    ['\\fnjr', 'ґаток'],
  ])('reads %s as «%s»', (typed, meant) => {
    expect(fromUsLayout(typed)).toBe(meant);
  });

  test('keeps the case of shifted keys, shifted punctuation included', () => {
    expect(fromUsLayout('Rb]d')).toBe('Київ');
    expect(fromUsLayout('{fhrsd')).toBe('Харків');
    expect(fromUsLayout('"DHJGF')).toBe('ЄВРОПА');
  });

  test('reads nothing into tokens with keys the Ukrainian layout has no letter on, or with no Latin letter', () => {
    expect(fromUsLayout('covid-19')).toBeNull();
    expect(fromUsLayout('example.org/news')).toBeNull();
    expect(fromUsLayout('київ')).toBeNull();
    expect(fromUsLayout(';[]')).toBeNull();
  });
});
