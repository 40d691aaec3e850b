import { link, mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { ImageCache, removeOtherVariants, UnreadableImageError } from '#lib/media/image-cache.ts';
import { imageFormatOf } from '#lib/media/image-format.ts';
import { planVariants } from '#lib/media/variant-plan.ts';

let work: string;

/** A real photo of `width`×`height` pixels: two colours, so that a change of colour changes the bytes. */
async function photo(name: string, width: number, height: number, colour = '#1d4e89'): Promise<string> {
  const path = join(work, name);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="${width}" height="${height}" fill="${colour}"/><circle cx="${width / 2}" cy="${height / 2}" r="${height / 4}" fill="#f2c230"/></svg>`;
  await writeFile(path, await sharp(Buffer.from(svg)).jpeg({ quality: 60 }).toBuffer());
  return path;
}

/** The cache folder's variants with their inode and modification time: rewriting a file changes them. */
async function cacheState(folder: string): Promise<Record<string, string>> {
  const state: Record<string, string> = {};
  for (const name of (await readdir(folder)).filter((name) => name.endsWith('.webp')).sort()) {
    const info = await stat(join(folder, name));
    state[name] = `${info.ino}@${info.mtimeMs}`;
  }
  return state;
}

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'arkhiv-images-'));
});

afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('the image cache', () => {
  test('measures a photo and makes WebP variants of the planned sizes, placed into the site', async () => {
    const cache = new ImageCache(join(work, 'cache'));
    const source = await cache.source(await photo('most.jpg', 900, 600));
    expect(source).toMatchObject({ width: 900, height: 600, format: 'jpeg', stem: 'most' });
    expect(source.digest).toMatch(/^[0-9a-f]{64}$/);
    const variants = planVariants(source, 'lead');
    expect(variants.map((variant) => variant.width)).toEqual([480, 720, 900]);
    await cache.publish(source, variants, join(work, 'site/2022/01/11/most'));
    expect(cache.made).toBe(3);
    for (const variant of variants) {
      const bytes = await readFile(join(work, 'site/2022/01/11/most', variant.name));
      expect(imageFormatOf(bytes)).toBe('webp');
      expect(await sharp(bytes).metadata()).toMatchObject({ width: variant.width, height: variant.height });
    }
  });

  test('a second build finds every variant in the cache and resizes nothing', async () => {
    const folder = join(work, 'cache');
    const path = await photo('most.jpg', 900, 600);
    const first = new ImageCache(folder);
    const source = await first.source(path);
    const variants = [...planVariants(source, 'lead'), ...planVariants(source, 'thumbnail')];
    await first.publish(source, variants, join(work, 'site-1'));
    expect(first.made).toBe(variants.length);
    const cached = await cacheState(folder);
    expect(Object.keys(cached)).toHaveLength(variants.length);

    const second = new ImageCache(folder);
    await second.publish(await second.source(path), variants, join(work, 'site-2'));
    expect(second.made).toBe(0);
    expect(await cacheState(folder)).toEqual(cached);
    for (const variant of variants) {
      expect(await readFile(join(work, 'site-2', variant.name))).toEqual(await readFile(join(work, 'site-1', variant.name)));
    }
  });

  test('a later build takes a photo it measured from the cache while its size and modification time are unchanged', async () => {
    const folder = join(work, 'cache');
    const path = await photo('most.jpg', 300, 200);
    const time = new Date('2024-03-12T10:00:00Z');
    await utimes(path, time, time);
    const measured = await new ImageCache(folder).source(path);
    // Other bytes of the same length and time: only a cache that does not read the file gives the old digest.
    await writeFile(path, Buffer.alloc((await stat(path)).size, 0xff));
    await utimes(path, time, time);
    expect(await new ImageCache(folder).source(path)).toEqual(measured);
    await utimes(path, time, new Date(time.getTime() + 1000));
    await expect(new ImageCache(folder).source(path)).rejects.toThrow(UnreadableImageError);
  });

  test('the site gets hard links to the cached variants, and replacing a file there never writes through to the cache', async () => {
    const folder = join(work, 'cache');
    const cache = new ImageCache(folder);
    const source = await cache.source(await photo('most.jpg', 300, 200));
    const [variant] = planVariants(source, 'thumbnail');
    const cached = await cache.variantFile(source, variant!);
    const bytes = await readFile(cached);
    const site = join(work, 'site');
    await writeFile(join(work, 'other.webp'), 'other bytes');
    await mkdir(site, { recursive: true });
    await link(join(work, 'other.webp'), join(site, variant!.name));
    await cache.publish(source, [variant!], site);
    expect((await stat(join(site, variant!.name))).ino).toBe((await stat(cached)).ino);
    expect(await readFile(join(work, 'other.webp'), 'utf8')).toBe('other bytes');
    await cache.publish(source, [variant!], site);
    expect(await readFile(cached)).toEqual(bytes);
  });

  test('makes a variant once however many pages ask for it at the same time', async () => {
    const cache = new ImageCache(join(work, 'cache'));
    const source = await cache.source(await photo('most.jpg', 300, 200));
    const variants = planVariants(source, 'thumbnail');
    await Promise.all([1, 2, 3].map((page) => cache.publish(source, variants, join(work, `site/${page}`))));
    expect(cache.made).toBe(variants.length);
  });

  test('new bytes under the same name are new variants', async () => {
    const folder = join(work, 'cache');
    const path = await photo('most.jpg', 300, 200);
    const before = await new ImageCache(folder).source(path);
    await photo('most.jpg', 300, 200, '#6b7d4a');
    const cache = new ImageCache(folder);
    const after = await cache.source(path);
    expect(after.digest).not.toBe(before.digest);
    await cache.publish(after, planVariants(after, 'thumbnail'), join(work, 'site'));
    expect(cache.made).toBe(2);
  });

  test('a replaced photo leaves none of its sizes in the page folder, and other files stay', async () => {
    const cache = new ImageCache(join(work, 'cache'));
    const folder = join(work, 'site/2022/01/11/most');
    const old = await cache.source(await photo('most.jpg', 300, 200));
    await cache.publish(old, planVariants(old, 'thumbnail'), folder);
    await writeFile(join(folder, 'index.html'), '<!doctype html>');
    const replaced = await cache.source(await photo('most.jpg', 300, 200, '#6b7d4a'));
    const variants = planVariants(replaced, 'thumbnail');
    await cache.publish(replaced, variants, folder);
    expect((await readdir(folder)).sort()).toEqual(['index.html', ...variants.map((variant) => variant.name)].sort());
    await removeOtherVariants(folder, []);
    expect(await readdir(folder)).toEqual(['index.html']);
    await removeOtherVariants(join(work, 'site/no/such/folder'), []);
  });

  test('gives the size of a variant in bytes, for feeds', async () => {
    const cache = new ImageCache(join(work, 'cache'));
    const source = await cache.source(await photo('most.jpg', 300, 200));
    const [variant] = planVariants(source, 'thumbnail');
    const size = await cache.variantSize(source, variant!);
    expect(size).toBeGreaterThan(0);
    await cache.publish(source, [variant!], join(work, 'site'));
    expect((await stat(join(work, 'site', variant!.name))).size).toBe(size);
  });

  test('refuses a file that is not an image, whatever its name', async () => {
    const path = join(work, 'not-a-photo.jpg');
    await writeFile(path, '<!doctype html><script>alert(1)</script>');
    await expect(new ImageCache(join(work, 'cache')).source(path)).rejects.toThrow(UnreadableImageError);
  });
});

describe('image signatures', () => {
  test.each([
    ['jpeg', [0xff, 0xd8, 0xff, 0xe0]],
    ['png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
    ['webp', [...Buffer.from('RIFF'), 0, 0, 0, 0, ...Buffer.from('WEBP')]],
    ['avif', [0, 0, 0, 0x1c, ...Buffer.from('ftypavif')]],
  ])('%s is told by its first bytes', (format, bytes) => {
    expect(imageFormatOf(Uint8Array.from(bytes))).toBe(format);
  });

  test.each([
    ['HTML', Buffer.from('<html><body>')],
    ['an SVG', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg">')],
    ['an MP4 video', Uint8Array.from([0, 0, 0, 0x18, ...Buffer.from('ftypmp42')])],
    ['an empty file', new Uint8Array()],
  ])('%s is not an image', (_, bytes) => {
    expect(imageFormatOf(bytes)).toBeUndefined();
  });
});
