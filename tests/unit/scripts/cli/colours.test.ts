import { PassThrough } from 'node:stream';
import { beforeEach, expect, test, vi } from 'vitest';
import { colours } from '../../../../scripts/lib/cli/colours.ts';

/** A writable stream that says it is (or is not) a terminal. */
function stream(isTTY: boolean): NodeJS.WriteStream {
  return Object.assign(new PassThrough(), { isTTY }) as unknown as NodeJS.WriteStream;
}

// Node's own FORCE_COLOR would decide for a terminal otherwise.
beforeEach(() => {
  vi.stubEnv('FORCE_COLOR', undefined);
  return () => vi.unstubAllEnvs();
});

test('a terminal gets ANSI colours', () => {
  const paint = colours(stream(true), {});
  expect(paint.plain).toBe(false);
  expect(paint.error('помилка')).toBe('\u001b[1m\u001b[31mпомилка\u001b[39m\u001b[22m');
  expect(paint.place('a.md:1:2')).toBe('\u001b[36ma.md:1:2\u001b[39m');
});

test('pipes, files and NO_COLOR get the text as is', () => {
  for (const paint of [colours(stream(false), {}), colours(stream(true), { NO_COLOR: '1' })]) {
    expect(paint.plain).toBe(true);
    expect(paint.error('помилка')).toBe('помилка');
    expect(paint.warning('увага')).toBe('увага');
    expect(paint.place('a.md:1:2')).toBe('a.md:1:2');
  }
});
