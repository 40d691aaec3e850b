import { describe, expect, test } from 'vitest';
import { localLeadImage } from '#lib/media/lead-image-file.ts';

const PATH = '/archive/articles/2022/01/11/mist.md';
const article = (frontMatter: string) => `---\ntitle: Міст\ndate: 2022-01-11\n${frontMatter}---\n\nТекст.\n`;

describe('the local lead image of an article', () => {
  test.each([
    ['a block with src first', 'image:\n  src: media/2022/01/11/mist.jpg\n  alt: Міст\n', 5, 8],
    ['a block with src after alt and a comment', 'image:\n  # фото редакції\n  alt: Міст\n  src: media/2022/01/11/mist.jpg\n', 7, 8],
    ['a quoted src', 'image:\n  src: "media/2022/01/11/mist.jpg"\n  alt: Міст\n', 5, 8],
    ['flow style', 'image: { src: media/2022/01/11/mist.jpg, alt: Міст }\n', 4, 15],
    ['a block with a wider indent and spaces after the colon', 'image:\n    src:   media/2022/01/11/mist.jpg\n    alt: Міст\n', 5, 12],
  ])('is found in %s, at the line and column of its src', (_, frontMatter, line, column) => {
    expect(localLeadImage(PATH, article(frontMatter))).toEqual({
      src: 'media/2022/01/11/mist.jpg',
      path: '/archive/media/2022/01/11/mist.jpg',
      place: { line, column },
    });
  });

  test.each([
    ['no image', ''],
    ['a remote image', 'image:\n  src: https://example.org/mist.jpg\n  alt: Міст\n'],
    ['a src the schema refuses', 'image:\n  src: ../mist.jpg\n  alt: Міст\n'],
    ['src outside the image block', 'image:\n  alt: Міст\nsrc: media/2022/01/11/mist.jpg\n'],
  ])('is none with %s', (_, frontMatter) => {
    expect(localLeadImage(PATH, article(frontMatter))).toBeUndefined();
  });
});
