import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { folderDigest } from '#lib/files/folder-digest.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'arkhiv-src-'));
  await mkdir(join(dir, 'scripts'));
  await writeFile(join(dir, 'scripts/site.ts'), 'export const a = 1;\n');
  await writeFile(join(dir, 'page.astro'), '<p>x</p>\n');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('the code digest that voids the incremental cache changes with any file of the code, and only then', async () => {
  const first = await folderDigest(dir);
  expect(await folderDigest(dir)).toBe(first);
  await writeFile(join(dir, 'scripts/site.ts'), 'export const a = 2;\n');
  const edited = await folderDigest(dir);
  expect(edited).not.toBe(first);
  await writeFile(join(dir, 'scripts/new.ts'), '');
  expect(await folderDigest(dir)).not.toBe(edited);
});
