import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { closeSync, openSync, readSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The robots meta tag that `BaseLayout.astro` writes on pages kept out of search engines. */
const NOINDEX = '<meta name="robots" content="noindex">';
/** The head of a page holds the robots tag well within this many bytes. */
const HEAD_BYTES = 8192;

function readHead(file: string): string {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const buffer = Buffer.alloc(HEAD_BYTES);
    return buffer.toString('utf8', 0, readSync(fd, buffer, 0, HEAD_BYTES, 0));
  } catch {
    return '';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * `@astrojs/sitemap` (`sitemap-index.xml` and `sitemap-0.xml` …) listing
 * every HTML page except those marked `noindex` (the 404 page and the
 * redirect pages of former article URLs); feeds and other files are left out.
 */
export default function siteSitemap(): AstroIntegration[] {
  let outDir: URL | undefined;
  let base = '/';
  const locate: AstroIntegration = {
    name: 'arkhiv:sitemap-pages',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = config.outDir;
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
    },
  };
  const isIndexable = (page: string): boolean => {
    const path = new URL(page).pathname;
    if (!path.endsWith('/') || !path.startsWith(base) || !outDir) return false;
    const file = fileURLToPath(new URL(`${path.slice(base.length)}index.html`, outDir));
    return !readHead(file).includes(NOINDEX);
  };
  return [locate, sitemap({ filter: isIndexable })];
}
