import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CONTENT_SECURITY_POLICY_HEADER, SVG_CONTENT_SECURITY_POLICY } from '../safety/csp.ts';
import { writeFileAtomicAsync } from '../files/atomic-write.ts';

/**
 * The `_headers` file of the built site, in the format Netlify and
 * Cloudflare Pages read: the Content Security Policy as a real header
 * (which, unlike the pages' `<meta>`, covers every response, carries
 * `frame-ancestors`, and holds for a file opened directly), no MIME sniffing,
 * and for SVG files a policy that runs no script at all. Paths are under the
 * site's `base`. Hosts without `_headers` need the same headers set in their
 * own configuration (see docs/site.md).
 */
export function headersFile(base: string): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  return [
    `${root}*`,
    `  Content-Security-Policy: ${CONTENT_SECURITY_POLICY_HEADER}`,
    '  X-Content-Type-Options: nosniff',
    // Both rules match an SVG; the host sends both policies and the browser enforces each.
    `${root}*.svg`,
    `  Content-Security-Policy: ${SVG_CONTENT_SECURITY_POLICY}`,
    '',
  ].join('\n');
}

/**
 * Writes `<outDir>/_headers` atomically. A `_headers` of `publicDir` (the
 * site's own rules) follows the generated rules, so it can add headers;
 * where it repeats one, the host sends both values.
 */
export async function writeHeadersFile(outDir: string, base: string, publicDir: string): Promise<void> {
  const own = await readFile(join(publicDir, '_headers'), 'utf8').catch(() => '');
  await writeFileAtomicAsync(join(outDir, '_headers'), own.trim() ? `${headersFile(base)}\n${own.trimEnd()}\n` : headersFile(base));
}
