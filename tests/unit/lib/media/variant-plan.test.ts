import { describe, expect, test } from 'vitest';
import { isVariantName, planVariants, plannedWidths, srcset, variantStem, type SourceImage } from '#lib/media/variant-plan.ts';

const PHOTO: SourceImage = {
  digest: '8c6f36bcaf9e1c112c3735c5ccb82e07c369b9a748053a2018256b5603db2bd1',
  width: 1200,
  height: 800,
  stem: 'muzei',
};

describe('the sizes of a photo', () => {
  test.each([
    ['a wide photo gets every lead width', 4000, 'lead', [480, 720, 1080, 1440]],
    ['a narrower one stops at its own width', 1200, 'lead', [480, 720, 1080, 1200]],
    ['one narrower than every width is served at its own', 300, 'lead', [300]],
    ['a photo exactly as wide as the widest size', 1440, 'lead', [480, 720, 1080, 1440]],
    ['a photo exactly as wide as a narrower size gets that width once', 720, 'lead', [480, 720]],
    ['a thumbnail source as wide as the small size gets it once', 128, 'thumbnail', [128]],
    ['thumbnails are one and two times 8rem', 1200, 'thumbnail', [128, 256]],
    ['a tiny photo is never enlarged', 100, 'thumbnail', [100]],
  ] as const)('%s', (_, width, role, widths) => {
    expect(plannedWidths(width, role)).toEqual(widths);
  });

  test('keep the proportions, and their names change with the bytes and the width', () => {
    expect(planVariants(PHOTO, 'thumbnail')).toEqual([
      { width: 128, height: 85, name: 'muzei-8c6f36bcaf-128.webp' },
      { width: 256, height: 171, name: 'muzei-8c6f36bcaf-256.webp' },
    ]);
    expect(planVariants({ ...PHOTO, digest: `0${PHOTO.digest.slice(1)}` }, 'thumbnail')[0]!.name).toBe('muzei-0c6f36bcaf-128.webp');
  });

  test('are listed for srcset under the page folder', () => {
    expect(srcset(planVariants(PHOTO, 'thumbnail'), '/sub/2022/06/15/muzei/')).toBe(
      '/sub/2022/06/15/muzei/muzei-8c6f36bcaf-128.webp 128w, /sub/2022/06/15/muzei/muzei-8c6f36bcaf-256.webp 256w',
    );
  });

  test.each([
    ['media/2022/06/15/muzei-skhovyshche.jpg', 'muzei-skhovyshche'],
    ['Foto_1.JPEG', 'foto_1'],
    ['media/a.b.c.png', 'a-b-c'],
  ])('name a file after its source: %s', (src, stem) => {
    expect(variantStem(src)).toBe(stem);
  });

  test('are told from other files of a page folder by their names', () => {
    for (const variant of planVariants(PHOTO, 'lead')) expect(isVariantName(variant.name)).toBe(true);
    for (const name of ['index.html', 'muzei.webp', 'muzei-8c6f36bcaf-128.jpg', 'Muzei-8c6f36bcaf-128.webp'])
      expect(isVariantName(name)).toBe(false);
  });
});
