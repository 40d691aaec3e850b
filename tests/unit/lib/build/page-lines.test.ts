import { describe, expect, test } from 'vitest';
import { isPageLogEvent } from '#lib/build/page-lines.ts';

describe('isPageLogEvent', () => {
  test('knows both events of a rendered page, coloured or not', () => {
    expect(
      isPageLogEvent({ label: null, message: '  \x1b[34m├─\x1b[39m \x1b[2m/2022/01/11/slug/index.html\x1b[22m', newLine: false }),
    ).toBe(true);
    expect(isPageLogEvent({ label: null, message: '  └─ /rss.xml', newLine: false })).toBe(true);
    expect(isPageLogEvent({ label: 'SKIP_FORMAT', message: ' \x1b[2m(+12ms)\x1b[22m ', newLine: true })).toBe(true);
    expect(isPageLogEvent({ label: 'SKIP_FORMAT', message: ' (+1.02s) ', newLine: true })).toBe(true);
    expect(isPageLogEvent({ label: 'SKIP_FORMAT', message: ' \x1b[32m(cached)\x1b[39m', newLine: true })).toBe(true);
    expect(isPageLogEvent({ label: 'SKIP_FORMAT', message: ' (restored)', newLine: true })).toBe(true);
  });

  test('keeps every other event: phases, warnings, unformatted notices', () => {
    expect(isPageLogEvent({ label: 'build', message: '✓ Completed in 2.47s.', newLine: true })).toBe(false);
    expect(isPageLogEvent({ label: null, message: ' generating static routes ', newLine: true })).toBe(false);
    expect(isPageLogEvent({ label: null, message: '  ├─ a line that ends itself', newLine: true })).toBe(false);
    expect(isPageLogEvent({ label: 'SKIP_FORMAT', message: 'Auto-generating collections (+2 more)', newLine: true })).toBe(false);
    expect(isPageLogEvent({ label: 'arkhiv:pagefind', message: '(cached) index part', newLine: true })).toBe(false);
  });
});
