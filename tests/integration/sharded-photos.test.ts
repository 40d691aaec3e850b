import { cp, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildEnvironment, PROJECT_ROOT, withBuildLock } from '../helpers/build-site.ts';
import { runNode } from '../helpers/run-node.ts';
import { siteDifferences } from '../helpers/site-differences.ts';

const OUTPUT = join(PROJECT_ROOT, 'tests/.output/sharded-photos');
const FIXTURE = join(PROJECT_ROOT, 'tests/fixtures/archive');
const ARCHIVE = join(OUTPUT, 'archive');
const PHOTO = 'media/2022/06/15/muzei-skhovyshche.jpg';

/** `npm run build -- …args` on the copy of the site's test archive, with one build id and small index parts, so that shards split its years. */
async function build(args: string[], cache: string): Promise<void> {
  const run = await withBuildLock(() =>
    runNode(['scripts/build.ts', ...args], {
      cwd: PROJECT_ROOT,
      env: {
        ...buildEnvironment(),
        ARKHIV_CONTENT: ARCHIVE,
        ARKHIV_CACHE_DIR: join(OUTPUT, cache),
        ARKHIV_BUILD_ID: 'sharded-photos',
        ARKHIV_INDEX_PART_SIZE: '10',
        ASTRO_TELEMETRY_DISABLED: '1',
      },
    }),
  );
  expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(0);
}

const variantsIn = async (site: string, folder: string): Promise<string[]> =>
  (await readdir(join(site, folder))).filter((name) => name.endsWith('.webp')).sort();

describe('photos in a sharded build', () => {
  beforeAll(async () => {
    await rm(OUTPUT, { recursive: true, force: true });
    await mkdir(OUTPUT, { recursive: true });
    await cp(FIXTURE, ARCHIVE, { recursive: true });
  });
  afterAll(async () => {
    await rm(OUTPUT, { recursive: true, force: true });
  });

  test('are the same files whichever shard writes them', async () => {
    await build(['--shards', '1', '--outDir', join(OUTPUT, 'single')], 'cache-single');
    await build(['--shards', '2', '--outDir', join(OUTPUT, 'parallel')], 'cache-parallel');
    expect(await siteDifferences(join(OUTPUT, 'single'), join(OUTPUT, 'parallel'))).toEqual([]);
    expect(await variantsIn(join(OUTPUT, 'parallel'), '2022/06/15/muzei-riatuiut-kolektsii')).toHaveLength(6);
  }, 600_000);

  test('a replaced photo is rebuilt into the same site as a clean build, with none of its old sizes left', async () => {
    const before = await variantsIn(join(OUTPUT, 'parallel'), '2022/06/15/muzei-riatuiut-kolektsii');

    // The same file name with new bytes: the article's pages and the lists change, the old sizes go.
    await writeFile(
      join(ARCHIVE, PHOTO),
      await sharp({ create: { width: 1000, height: 750, channels: 3, background: '#6b7d4a' } })
        .jpeg()
        .toBuffer(),
    );
    await build(['--shards', '2', '--outDir', join(OUTPUT, 'parallel')], 'cache-parallel');
    await build(['--shards', '1', '--outDir', join(OUTPUT, 'clean')], 'cache-clean');
    expect(await siteDifferences(join(OUTPUT, 'clean'), join(OUTPUT, 'parallel'))).toEqual([]);
    const after = await variantsIn(join(OUTPUT, 'parallel'), '2022/06/15/muzei-riatuiut-kolektsii');
    expect(after.filter((name) => before.includes(name))).toEqual([]);
    expect(after.map((name) => Number(/-(\d+)\.webp$/.exec(name)![1])).sort((a, b) => a - b)).toEqual([128, 256, 480, 720, 1000]);
  }, 600_000);
});
