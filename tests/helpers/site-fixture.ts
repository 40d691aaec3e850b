import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inject } from 'vitest';
import { runOutput } from '../global-setup.ts';
import { buildSite, PROJECT_ROOT, withLock } from './build-site.ts';

/** The site's test archive: handwritten articles in tests/fixtures/archive. */
export const FIXTURE_ARCHIVE = join(PROJECT_ROOT, 'tests/fixtures/archive');
/** Articles per topic page in fixture builds, so that a topic of 21 articles spans four pages. */
export const FIXTURE_PAGE_SIZE = 5;

export const VARIANTS = {
  /** Published at a domain root. */
  root: { base: '/', site: 'https://arkhiv.example' },
  /** Published under a subfolder, as `npm run build -- --base /sub/ --site https://example.org`. */
  sub: { base: '/sub/', site: 'https://example.org' },
} as const;

export type Variant = keyof typeof VARIANTS;

export interface FixtureSite {
  outDir: string;
  base: string;
  site: string;
  /** Wall time of the build that produced `outDir`, in milliseconds (waiting for other builds included). */
  buildMs: number;
  /** Astro's own figure for the build ("N page(s) built in …"), in milliseconds. */
  astroMs: number;
  pages: number;
}

/**
 * The fixture archive built for `variant`, once per test run: the first test
 * file that asks builds it, later ones (in any worker) reuse that output.
 */
export async function fixtureSite(variant: Variant): Promise<FixtureSite> {
  const { base, site } = VARIANTS[variant];
  const runId = inject('arkhivRunId');
  // Each run builds into its own folder, so that runs started at the same time in one checkout never share output.
  const output = runOutput(runId);
  const outDir = join(output, variant);
  const marker = join(output, `${variant}.json`);
  await mkdir(output, { recursive: true });
  // One builder per variant across test workers; the others wait and reuse its output.
  return withLock(join(output, `${variant}.lock`), async () => {
    const previous = JSON.parse(await readFile(marker, 'utf8').catch(() => '{}')) as Partial<FixtureSite & { runId: string }>;
    if (previous.runId === runId && previous.buildMs !== undefined) return { ...(previous as FixtureSite), outDir, base, site };
    const pageSize = process.env.ARKHIV_TOPIC_PAGE_SIZE;
    process.env.ARKHIV_TOPIC_PAGE_SIZE = String(FIXTURE_PAGE_SIZE);
    const started = performance.now();
    let stdout: string;
    try {
      const result = await buildSite({ content: FIXTURE_ARCHIVE, outDir, base, site });
      if (result.code !== 0)
        throw new Error(`The fixture archive did not build (${variant}):\n${result.stdout.slice(-4000)}\n${result.stderr.slice(-4000)}`);
      stdout = result.stdout;
    } finally {
      if (pageSize === undefined) delete process.env.ARKHIV_TOPIC_PAGE_SIZE;
      else process.env.ARKHIV_TOPIC_PAGE_SIZE = pageSize;
    }
    const [, pages = '0', amount = '0', unit = 's'] = /(\d+) page\(s\) built in ([\d.]+)(m?s)/.exec(stdout) ?? [];
    const built: FixtureSite = {
      outDir,
      base,
      site,
      buildMs: Math.round(performance.now() - started),
      astroMs: Math.round(Number(amount) * (unit === 's' ? 1000 : 1)),
      pages: Number(pages),
    };
    await writeFile(marker, JSON.stringify({ ...built, runId }));
    return built;
  });
}
