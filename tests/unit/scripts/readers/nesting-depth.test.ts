import { describe, expect, test } from 'vitest';
import { findDeepNesting, MAX_NESTING } from '../../../../scripts/lib/readers/nesting-depth.ts';

describe('findDeepNesting', () => {
  test.each([
    ['block quotes', '>'.repeat(MAX_NESTING + 1) + ' текст'],
    ['list markers', '- '.repeat(MAX_NESTING + 1) + 'текст'],
    ['emphasis', `${'*'.repeat(MAX_NESTING + 1)}текст${'*'.repeat(MAX_NESTING + 1)}`],
    ['HTML tags', `${'<div>'.repeat(MAX_NESTING + 1)}текст${'</div>'.repeat(MAX_NESTING + 1)}`],
  ])('finds %s nested deeper than the limit, at their line', (_, line) => {
    expect(findDeepNesting(`перший рядок\n\n${line}\n`)).toBe(3);
    expect(findDeepNesting(line, 7)).toBe(7);
  });

  test.each([
    ['ordinary Markdown', '> цитата\n\n- пункт\n  - вкладений _пункт_ і **жирне**\n\n1. перший'],
    ['many tags that close one another', '<p>абзац</p>'.repeat(MAX_NESTING * 2)],
    ['void elements', '<br>'.repeat(MAX_NESTING * 2)],
    ['a long line of text', 'слово '.repeat(10_000)],
    ['nesting exactly at the limit', '>'.repeat(MAX_NESTING) + ' текст'],
  ])('accepts %s', (_, text) => {
    expect(findDeepNesting(text)).toBeUndefined();
  });
});

describe('findDeepNesting on HTML', () => {
  test('measures tags only: Markdown markers and delimiters are plain characters there', () => {
    expect(findDeepNesting(`<p>${'_'.repeat(MAX_NESTING * 2)}</p>`, 1, 'html')).toBeUndefined();
    expect(findDeepNesting(`${'<div>'.repeat(MAX_NESTING + 1)}текст`, 1, 'html')).toBe(1);
  });
});
