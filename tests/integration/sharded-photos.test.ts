import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import { shardedBuildWorkspace } from '../helpers/sharded-build.ts';
import { siteDifferences } from '../helpers/site-differences.ts';

const PHOTO = 'media/2022/06/15/muzei-skhovyshche.jpg';

const variantsIn = async (site: string, folder: string): Promise<string[]> =>
  (await readdir(join(site, folder))).filter((name) => name.endsWith('.webp')).sort();

describe('photos in a sharded build', () => {
  const { output: OUTPUT, archive: ARCHIVE, build } = shardedBuildWorkspace('sharded-photos', 'tests/fixtures/archive');

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
