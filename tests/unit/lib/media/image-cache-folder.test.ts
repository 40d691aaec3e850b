import { existsSync, linkSync, mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { cachedVariantName, measurementFile, pruneImageCache } from '#lib/media/image-cache-folder.ts';

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

/** A cache folder and an output folder beside it, on the same file system. */
function workspace() {
  const root = mkdtempSync(join(tmpdir(), 'image-cache-folder-'));
  folders.push(root);
  const cache = join(root, 'cache');
  const out = join(root, 'out');
  mkdirSync(join(cache, 'sources'), { recursive: true });
  mkdirSync(out);
  return { root, cache, out };
}

const HOUR_AGO = (Date.now() - 3_600_000) / 1000;

/** A cached variant made an hour ago. */
function variant(cache: string, digest: string, width: number): string {
  const file = join(cache, cachedVariantName(digest, width, 'webp-q78-e4'));
  writeFileSync(file, `${digest} ${width}`);
  utimesSync(file, HOUR_AGO, HOUR_AGO);
  return file;
}

describe('pruneImageCache', () => {
  test('removes the variants no page links and the measurements of photos that are gone; keeps the rest', async () => {
    const { root, cache, out } = workspace();
    const used = variant(cache, 'a'.repeat(64), 480);
    linkSync(used, join(out, 'foto-480.webp'));
    const unused = variant(cache, 'b'.repeat(64), 480);
    const oldSettings = join(cache, cachedVariantName('a'.repeat(64), 480, 'webp-q70-e4'));
    writeFileSync(oldSettings, 'older settings');
    utimesSync(oldSettings, HOUR_AGO, HOUR_AGO);
    // Made during this build, perhaps by another build sharing the cache: not yet linked, kept.
    const fresh = join(cache, cachedVariantName('c'.repeat(64), 480, 'webp-q78-e4'));
    writeFileSync(fresh, 'fresh');
    const photo = join(root, 'foto.jpg');
    writeFileSync(photo, 'jpeg');
    writeFileSync(measurementFile(cache, photo), JSON.stringify({ path: photo }));
    const gone = join(root, 'gone.jpg');
    writeFileSync(measurementFile(cache, gone), JSON.stringify({ path: gone }));
    const since = Date.now() - 60_000;

    expect(await pruneImageCache(cache, out, since)).toBe(3);
    expect(existsSync(used) && existsSync(fresh)).toBe(true);
    expect(existsSync(unused) || existsSync(oldSettings)).toBe(false);
    expect(existsSync(measurementFile(cache, photo))).toBe(true);
    expect(existsSync(measurementFile(cache, gone))).toBe(false);
    expect(await readdir(out)).toEqual(['foto-480.webp']);
  });

  test('removes nothing when the output cannot link to the cache, where every variant has one link', async () => {
    const { cache, root } = workspace();
    const unused = variant(cache, 'b'.repeat(64), 480);
    expect(await pruneImageCache(cache, join(root, 'no-such-folder'), Date.now())).toBe(0);
    expect(existsSync(unused)).toBe(true);
    expect((await readdir(cache)).filter((name) => name.startsWith('.link-probe'))).toEqual([]);
  });

  test('does nothing for a cache that does not exist yet', async () => {
    const { root, out } = workspace();
    expect(await pruneImageCache(join(root, 'none'), out, Date.now())).toBe(0);
  });
});
