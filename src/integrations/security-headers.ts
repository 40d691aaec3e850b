import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { writeHeadersFile } from '#lib/site/headers-file.ts';

/**
 * Writes `<outDir>/_headers` after the build: the Content Security Policy
 * and `nosniff` as HTTP headers for hosts that read the file (Netlify,
 * Cloudflare Pages), under the site's `base`; see `src/lib/site/headers-file.ts`.
 */
export default function securityHeaders(): AstroIntegration {
  let base = '/';
  let publicDir = '';
  return {
    name: 'arkhiv:security-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
        publicDir = fileURLToPath(config.publicDir);
      },
      'astro:build:done': async ({ dir }) => {
        await writeHeadersFile(fileURLToPath(dir), base, publicDir);
      },
    },
  };
}
