import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '#lib/safety/csp.ts';
import { headersFile, writeHeadersFile } from '#lib/site/headers-file.ts';

describe('the _headers file', () => {
  test('sends the page policy with frame-ancestors, nosniff, and a script-free policy for SVG, under the base', () => {
    expect(headersFile('/sub/').split('\n')).toEqual([
      '/sub/*',
      `  Content-Security-Policy: ${CONTENT_SECURITY_POLICY}; frame-ancestors 'self'`,
      '  X-Content-Type-Options: nosniff',
      '/sub/*.svg',
      "  Content-Security-Policy: default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox",
      '',
    ]);
    expect(headersFile('/sub')).toBe(headersFile('/sub/'));
    expect(headersFile('/').split('\n')[0]).toBe('/*');
  });

  test('keeps the site’s own rules from public/_headers after the generated ones', async () => {
    const work = await mkdtemp(join(tmpdir(), 'arkhiv-headers-'));
    try {
      await mkdir(join(work, 'public'));
      await mkdir(join(work, 'dist'));
      await writeFile(join(work, 'public/_headers'), '/fonts/*\n  Cache-Control: max-age=31536000\n');
      await writeHeadersFile(join(work, 'dist'), '/', join(work, 'public'));
      expect(await readFile(join(work, 'dist/_headers'), 'utf8')).toBe(
        `${headersFile('/')}\n/fonts/*\n  Cache-Control: max-age=31536000\n`,
      );
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
});
