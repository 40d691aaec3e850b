import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import type { GeneratedItem } from './generate-articles.ts';

/**
 * Lead photos for generated articles: one JPEG file per article in the
 * archive's `media/`, each with bytes of its own, so that the build resizes
 * and publishes every one of them as it would a newsroom's photos.
 */

/** Width and height of a generated photo: the lead and both thumbnail widths fit in it, so each photo gives four sizes. */
export const PHOTO_SIZE = { width: 640, height: 427 } as const;

const POOL_SIZE = 16;
const ALTS = [
  'Рятувальники розбирають завали після обстрілу',
  'Учасники засідання за столом у залі',
  'Вагон поїзда на пероні вокзалу',
  'Поле пшениці перед жнивами',
  'Робітники ремонтують лінію електропередачі',
  'Люди в черзі біля пункту видачі допомоги',
];

/** Distinct photo-like pictures (smooth noise in varied tints), encoded as JPEG. */
export async function photoPool(): Promise<Uint8Array[]> {
  return Promise.all(
    Array.from({ length: POOL_SIZE }, (_, i) =>
      sharp({
        create: {
          ...PHOTO_SIZE,
          channels: 3,
          background: { r: (i * 47) % 256, g: (i * 89) % 256, b: (i * 131) % 256 },
          noise: { type: 'gaussian', mean: 110 + i, sigma: 40 },
        },
      })
        .blur(1.5)
        .jpeg({ quality: 82 })
        .toBuffer()
        .then((bytes) => new Uint8Array(bytes)),
    ),
  );
}

/**
 * `base` made unique to article `n`: a JPEG comment segment (`FF FE`) with
 * the number goes right after the start-of-image marker. The picture is the
 * same; the digest, and so every cached size of it, is the article's own.
 */
export function uniquePhoto(base: Uint8Array, n: number): Uint8Array {
  const text = new TextEncoder().encode(`arkhiv bench photo ${n}`);
  const length = text.length + 2;
  const segment = new Uint8Array([0xff, 0xfe, length >> 8, length & 0xff, ...text]);
  const bytes = new Uint8Array(base.length + segment.length);
  bytes.set(base.subarray(0, 2));
  bytes.set(segment, 2);
  bytes.set(base.subarray(2), 2 + segment.length);
  return bytes;
}

/**
 * Gives each item a lead photo: writes its file into the archive folder
 * (`media/<yyyy>/<mm>/<dd>/foto-<n>.jpg`, where the ingest expects it) and
 * adds `image` to the item in the form the ingest reads from JSON.
 */
export async function* withPhotos(
  items: Iterable<GeneratedItem>,
  archive: string,
  pool: readonly Uint8Array[],
  firstNumber = 0,
): AsyncGenerator<GeneratedItem> {
  let n = firstNumber;
  for (const item of items) {
    const src = `media/${item.date.slice(0, 4)}/${item.date.slice(5, 7)}/${item.date.slice(8, 10)}/foto-${n}.jpg`;
    const path = join(archive, src);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, uniquePhoto(pool[n % pool.length]!, n));
    yield { ...item, image: { src, alt: ALTS[n % ALTS.length]!, credit: 'Редакція' } };
    n += 1;
  }
}
