import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { precacheList } from '#lib/site/service-worker.ts';
import { SEARCH_BASE, searchSite } from '../fixtures/search/site.ts';

test('the service worker of a build precaches the shell and the index entry files, all of which exist', async () => {
  const site = await searchSite();
  const source = await readFile(join(site, 'sw.js'), 'utf8');
  const config = JSON.parse(source.slice(source.indexOf('{'), source.indexOf('};') + 1)) as {
    buildId: string;
    base: string;
    precache: string[];
  };
  expect(config.base).toBe(SEARCH_BASE);
  const paths = config.precache.map((url) => url.replace(/\?.*$/, '').slice(SEARCH_BASE.length));
  for (const path of paths) expect(existsSync(join(site, path.endsWith('/') || path === '' ? `${path}index.html` : path)), path).toBe(true);
  expect(config.precache).toEqual(
    expect.arrayContaining([
      SEARCH_BASE,
      `${SEARCH_BASE}search/`,
      `${SEARCH_BASE}pagefind/pagefind.js`,
      `${SEARCH_BASE}pagefind/pagefind-worker.js`,
      `${SEARCH_BASE}pagefind/pagefind-entry.json?ts=${config.buildId}`,
    ]),
  );
  expect(paths.some((p) => /^pagefind\/pagefind\.uk_\w+\.pf_meta$/.test(p))).toBe(true);
  expect(paths.some((p) => /^pagefind\/wasm\.\w+\.pagefind$/.test(p))).toBe(true);
  expect(paths.some((p) => /^pagefind\/filter\//.test(p))).toBe(true);
  expect(paths.some((p) => /^_astro\/.+\.js$/.test(p))).toBe(true);
  // Index chunks and fragments are cached as they are used, not at install.
  expect(paths.filter((p) => /^pagefind\/(index|fragment)\//.test(p))).toEqual([]);
  // The search page hands the same build id to Pagefind as its metaCacheTag.
  expect(await readFile(join(site, 'search/index.html'), 'utf8')).toContain(`"buildId":"${config.buildId}"`);
});

test('the service worker cannot be written before the search index', async () => {
  const empty = await mkdtemp(join(tmpdir(), 'arkhiv-sw-'));
  try {
    await expect(precacheList(empty, '/', 'x')).rejects.toThrow(
      /pagefind-entry\.json is missing: the search index must be built before the service worker/,
    );
  } finally {
    await rm(empty, { recursive: true, force: true });
  }
});
