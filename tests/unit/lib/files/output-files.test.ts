import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { placeFile, placeFileSync, sameFile, sameFileSync } from '#lib/files/output-files.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'arkhiv-output-'));
  await writeFile(join(dir, 'shard.html'), '<p>новий</p>\n');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('sameFile and sameFileSync', () => {
  test('tell a hard link of the file from a copy of it and from nothing', async () => {
    const from = join(dir, 'shard.html');
    const linked = join(dir, 'linked.html');
    const copied = join(dir, 'copied.html');
    await placeFile(from, linked);
    await copyFile(from, copied);
    expect(await readFile(linked, 'utf8')).toBe('<p>новий</p>\n');
    for (const [to, same] of [
      [linked, true],
      [copied, false],
      [join(dir, 'missing.html'), false],
    ] as const) {
      expect(await sameFile(from, to), to).toBe(same);
      expect(sameFileSync(from, to), to).toBe(same);
    }
  });

  test('placing a file over a copy links it, and leaves the copy it replaced untouched', async () => {
    const from = join(dir, 'shard.html');
    const old = join(dir, 'old.html');
    const site = join(dir, 'site.html');
    await writeFile(old, '<p>старий</p>\n');
    await placeFile(old, site);
    await placeFile(from, site);
    expect(sameFileSync(from, site)).toBe(true);
    expect(await readFile(old, 'utf8')).toBe('<p>старий</p>\n');
  });

  test('placeFileSync makes the missing folders, keeps a link in place, replaces another file without writing through it', async () => {
    const from = join(dir, 'shard.html');
    const cached = join(dir, 'cache/2022/01/11/slug/index.html');
    placeFileSync(from, cached);
    expect(sameFileSync(from, cached)).toBe(true);
    placeFileSync(from, cached);
    expect(sameFileSync(from, cached)).toBe(true);
    const old = join(dir, 'old.html');
    await writeFile(old, '<p>старий</p>\n');
    placeFileSync(old, cached);
    placeFileSync(from, cached);
    expect(sameFileSync(from, cached)).toBe(true);
    expect(await readFile(old, 'utf8')).toBe('<p>старий</p>\n');
    expect(() => placeFileSync(join(dir, 'missing.html'), join(dir, 'cache/other/index.html'))).toThrow(/ENOENT/);
  });
});
