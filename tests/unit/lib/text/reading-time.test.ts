import { expect, test } from 'vitest';
import { minutesFor } from '#lib/text/reading-time.ts';

test('reading time is at least one minute and rounds to whole minutes', () => {
  expect(minutesFor(0)).toBe(1);
  expect(minutesFor(450)).toBe(3);
  expect(minutesFor(100, 50)).toBe(2);
});
