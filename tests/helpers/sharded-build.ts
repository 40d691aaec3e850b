import { cp, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { buildEnvironment, PROJECT_ROOT, withBuildLock } from './build-site.ts';
import { runNode, type NodeRun } from './run-node.ts';

/** A scratch copy of a test archive, and the builds a suite runs on it. */
export interface ShardedBuildWorkspace {
  /** `tests/.output/<name>`: the archive copy, the sites built and their caches. */
  output: string;
  /** The copy of the archive, which a test may change between builds. */
  archive: string;
  /**
   * `npm run build -- …args` on the copy, with `cache` (a folder of `output`)
   * as its cache, one build id and index parts small enough that a fixture
   * has several and shards split its years; the build must succeed.
   * Resolves to what it printed.
   */
  build(args: string[], cache: string): Promise<string>;
  /** The same build, which may fail: its exit code and what it printed. */
  run(args: string[], cache: string): Promise<NodeRun>;
}

/**
 * Copies `fixture` (a path from the project root) into `tests/.output/<name>`
 * before the suite it is called in and removes the folder after it.
 */
export function shardedBuildWorkspace(name: string, fixture: string): ShardedBuildWorkspace {
  const output = join(PROJECT_ROOT, 'tests/.output', name);
  const archive = join(output, 'archive');
  beforeAll(async () => {
    await rm(output, { recursive: true, force: true });
    await mkdir(output, { recursive: true });
    await cp(join(PROJECT_ROOT, fixture), archive, { recursive: true });
  });
  afterAll(async () => {
    await rm(output, { recursive: true, force: true });
  });
  const run = (args: string[], cache: string) =>
    withBuildLock(() =>
      runNode(['scripts/build.ts', ...args], {
        cwd: PROJECT_ROOT,
        env: {
          ...buildEnvironment(),
          ARKHIV_CONTENT: archive,
          ARKHIV_CACHE_DIR: join(output, cache),
          ARKHIV_BUILD_ID: name,
          ARKHIV_INDEX_PART_SIZE: '10',
          ASTRO_TELEMETRY_DISABLED: '1',
        },
      }),
    );
  return {
    output,
    archive,
    run,
    async build(args, cache) {
      const result = await run(args, cache);
      expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
      return result.stdout;
    },
  };
}
