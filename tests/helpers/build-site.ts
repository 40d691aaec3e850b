import { mkdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runNode } from './run-node.ts';

export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');
const ASTRO = join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs');
const LOCK = join(tmpdir(), 'arkhiv-build.lock');

export interface BuildOptions {
  /** Archive folder (holding `articles/` and `topics.yaml`). */
  content: string;
  /** Where the site goes. Emptied first, unless `keepOutDir`. */
  outDir: string;
  /** Build over the last build's output, as an incremental rebuild does. */
  keepOutDir?: boolean;
  /** Astro `base`, e.g. `/sub/`. */
  base?: string;
  /** Astro `site`, e.g. `https://example.org`. */
  site?: string;
  /** Folder of the files served as they are (Astro `publicDir`); the project's `public/` by default. */
  publicDir?: string;
}

export interface BuildResult {
  code: number;
  stdout: string;
  stderr: string;
}

async function sleep(ms: number): Promise<void> {
  await new Promise((done) => setTimeout(done, ms));
}

/**
 * Runs `work` while holding a lock shared by every test worker: the folder
 * `lock` exists while it runs. A lock older than 15 minutes is taken as left
 * over by a crashed worker.
 */
export async function withLock<T>(lock: string, work: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      await mkdir(lock);
      break;
    } catch {
      const age = Date.now() - (await stat(lock).catch(() => ({ mtimeMs: Date.now() }))).mtimeMs;
      if (age > 15 * 60_000) await rm(lock, { recursive: true, force: true });
      await sleep(200);
    }
  }
  try {
    return await work();
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

/** Serialises builds across test workers: two Astro builds share `.astro/` and two cores. */
export async function withBuildLock<T>(work: () => Promise<T>): Promise<T> {
  return withLock(LOCK, work);
}

/**
 * The environment of the test process without what Vitest adds to mirror
 * `import.meta.env` (`BASE_URL=/`, `MODE`, `DEV`, `PROD`, `SSR`, `NODE_ENV=test`):
 * a child build would take `BASE_URL` over its `--base` flag.
 */
export function buildEnvironment(): NodeJS.ProcessEnv {
  const { BASE_URL, MODE, DEV, PROD, SSR, NODE_ENV, ...env } = process.env;
  return env;
}

/** The cache folder `buildSite` gives the build of `outDir`: beside it, one per output folder. */
export function buildCacheDir(outDir: string): string {
  return join(resolve(outDir), '..', `.cache-${Buffer.from(resolve(outDir)).toString('hex').slice(-24)}`);
}

/** Runs the real `astro build` (site and search index) for an archive; never throws on a failed build. */
export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const args = [ASTRO, 'build', '--outDir', resolve(options.outDir)];
  if (options.base) args.push('--base', options.base);
  if (options.site) args.push('--site', options.site);
  return withBuildLock(async () => {
    if (!options.keepOutDir) await rm(options.outDir, { recursive: true, force: true });
    return runNode(args, {
      cwd: PROJECT_ROOT,
      env: {
        ...buildEnvironment(),
        ARKHIV_CONTENT: resolve(options.content),
        ARKHIV_CACHE_DIR: buildCacheDir(options.outDir),
        ASTRO_TELEMETRY_DISABLED: '1',
        ...(options.publicDir ? { ARKHIV_PUBLIC: resolve(options.publicDir) } : {}),
      },
    });
  });
}
