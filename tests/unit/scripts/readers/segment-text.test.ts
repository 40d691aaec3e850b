import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { segmentOnePiece, segmentStories, splitParagraphs, type Segment } from '../../../../scripts/lib/readers/segment-text.ts';
import { isHeadlineLike, startsWithReference } from '../../../../scripts/lib/readers/story-words.ts';

const PROJECT = join(import.meta.dirname, '../../../..');
const fixture = (name: string) => readFileSync(join(PROJECT, 'tests/fixtures/ingest/formats', name), 'utf8');

/** A segment as `H1: 2 3` (headline line, then block lines; `#` marks a subheading). */
function shape(segment: Segment): string {
  const blocks = segment.blocks.map((b) => (b.kind === 'heading' ? `#${b.line}` : String(b.line))).join(' ');
  return segment.headline ? `H${segment.headline.line}: ${blocks}` : blocks;
}

describe('headline shape', () => {
  test.each([
    ['Токаєв запропонував вивести війська ОДКБ із Казахстану', true],
    ['Хочете знати англійську? Шукайте мовні табори', true],
    ['Рада ухвалила бюджет.', false],
    ['Щось сталося…', false],
    ['Вісім тисяч років тому:', false],
    ['— Так, — сказав він', false],
    ['1. Перший пункт', false],
    ['«Харківські піжони» тоді', true],
    [`${'Дуже '.repeat(30)}довгий рядок`, false],
  ])('%j → %s', (line, expected) => {
    expect(isHeadlineLike(line)).toBe(expected);
  });
});

describe('references back', () => {
  test.each([
    ['Він зазначив, що місію завершено.', true],
    ['Їхню місію в Казахстані завершено.', true],
    ['Президент також наголосив, що…', true],
    ['Про це повідомив секретар ради.', true],
    ['Однак рішення не ухвалили.', true],
    ['— Діти приходять після школи, — каже вона.', true],
    ['Цього тижня уряд ухвалив постанову.', false],
    ['Україна намагається заручитися підтримкою.', false],
    ['Два роки тому місто отримало грант.', false],
    ['У США вважають власні гарантії важливішими.', false],
  ])('%j → %s', (paragraph, expected) => {
    expect(startsWithReference(paragraph)).toBe(expected);
  });
});

describe('segmentStories (one text, many articles)', () => {
  test('the seed: lines 1–6 are one article, lines 7–20 are items of their own', () => {
    const seed = readFileSync(join(PROJECT, 'examples/seed/000_62e7a2a410e01d5e.txt'), 'utf8');
    const segments = segmentStories(splitParagraphs(seed));
    expect(segments.map(shape)).toEqual(['H1: 2 3 4 5 6', ...Array.from({ length: 14 }, (_, i) => String(i + 7))]);
  });

  test('a dump shaped like the seed: a headline story, then separate items', () => {
    expect(segmentStories(splitParagraphs(fixture('dump.txt'))).map(shape)).toEqual(['H1: 2 3 4', '5', '6', '7', '8']);
  });

  test('paragraphs separated by blank lines are read the same way, with their line numbers', () => {
    const text =
      'Рада Згорян ухвалила бюджет\n\nДепутати ради Згорян ухвалили бюджет громади.\n\nВін передбачає ремонт школи.\n\nУ Щасті відкрили бібліотеку.\n';
    expect(segmentStories(splitParagraphs(text)).map(shape)).toEqual(['H1: 3 5', '7']);
  });

  test('the paragraph after a headline is always its lead, even when it shares no words with it', () => {
    expect(segmentStories(splitParagraphs('Несподіване рішення\nДепутати ухвалили бюджет.\n')).map(shape)).toEqual(['H1: 2']);
  });

  test('a short line that continues the story is a subheading, not a new article', () => {
    const text = [
      'Бібліотека у Щасті відкрилася після ремонту',
      'Бібліотека у Щасті відкрилася після ремонту даху й вікон.',
      'Читачі бібліотеки повернулися',
      'Першого тижня до бібліотеки у Щасті записалося двісті читачів.',
    ].join('\n');
    expect(segmentStories(splitParagraphs(text)).map(shape)).toEqual(['H1: 2 #3 4']);
  });

  test('a short line at the end (a signature) stays with the article before it', () => {
    // Without --one-per-file the subheadings of this short piece share too few words with it to be kept as subheadings.
    expect(segmentStories(splitParagraphs(fixture('piece.txt'))).map(shape)).toEqual(['H1: 3', 'H5: 7 9', 'H11: 13 15']);
  });

  test('a headline-less item keeps a paragraph that refers back to it', () => {
    const text = 'У Щасті відкрили бібліотеку.\nВона працюватиме щодня.\nУ Згоранах відремонтували міст.\n';
    expect(segmentStories(splitParagraphs(text)).map(shape)).toEqual(['1 2', '3']);
  });

  test('a headline-less item does not absorb a related paragraph that stands alone', () => {
    const text = 'Новий раунд переговорів відбудеться в Абу-Дабі.\nНаступний раунд переговорів може відбутися вже цього тижня.\n';
    expect(segmentStories(splitParagraphs(text)).map(shape)).toEqual(['1', '2']);
  });
});

describe('segmentOnePiece (--one-per-file)', () => {
  test('a headline-like first line is the title; later short lines before text are subheadings', () => {
    const piece = segmentOnePiece(splitParagraphs(fixture('piece.txt')))!;
    expect(piece.headline?.text).toBe('Як Щастя відновлює бібліотеку');
    expect(shape(piece)).toBe('H1: 3 #5 7 9 #11 13 15');
  });

  test('without a headline-like first line the piece has no title of its own', () => {
    const piece = segmentOnePiece(splitParagraphs('Бібліотека відкрилася після ремонту.\n\nЧитачі повернулися.\n'))!;
    expect(piece.headline).toBeUndefined();
    expect(shape(piece)).toBe('1 3');
  });

  test('an empty text is no piece', () => {
    expect(segmentOnePiece(splitParagraphs('\n \n'))).toBeUndefined();
  });
});
