import { describe, expect, test } from 'vitest';
import { articleSchema } from '#lib/archive/article-schema.ts';
import { isLocalImage, leadImageSchema } from '#lib/media/lead-image-schema.ts';
import { isSecureWebAddress } from '#lib/safety/url-policy.ts';

const ARTICLE = {
  title: 'Музеї рятують колекції',
  date: '2022-06-15',
  summary: 'Експонати вивозять у безпечні місця.',
  id: 'sha256:f7343bdeb7484a1b',
};

const messages = (image: unknown): string[] => {
  const result = leadImageSchema.safeParse(image);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('the lead image of an article', () => {
  test('is optional', () => {
    expect(articleSchema.parse(ARTICLE).image).toBeUndefined();
  });

  test('takes a file of the archive with its description, caption and credit', () => {
    const image = { src: 'media/2022/06/15/muzei.jpg', alt: 'Будівля музею', caption: 'Фонди готують до евакуації.', credit: 'Архів' };
    expect(articleSchema.parse({ ...ARTICLE, image }).image).toEqual(image);
  });

  test('takes an https address with the size the article knows', () => {
    const image = { src: 'https://photos.example.org/zala.jpg', alt: 'Зала асамблеї', width: 1600, height: 900 };
    expect(articleSchema.parse({ ...ARTICLE, image }).image).toEqual(image);
  });

  test('needs a description that is not empty', () => {
    expect(messages({ src: 'media/2022/a.jpg' })).toEqual(['alt: Фото потребує опису alt.']);
    expect(messages({ src: 'media/2022/a.jpg', alt: '  ' })).toEqual(['alt: Опис фото (alt) не може бути порожнім.']);
  });

  test.each([
    ['a path outside media/', 'images/a.jpg'],
    ['a site path', '/media/2022/a.jpg'],
    ['a path that climbs out', 'media/../articles/a.jpg'],
    ['a type that is not a photo', 'media/2022/a.svg'],
    ['a plain http address', 'http://photos.example.org/a.jpg'],
    ['a script address', 'javascript:alert(1)'],
    ['a data address', 'data:image/png;base64,AAAA'],
  ])('refuses %s', (_, src) => {
    expect(messages({ src, alt: 'Опис' })).toEqual([
      'src: Шлях до фото — файл у теці media/ архіву (media/2024/03/12/foto.jpg: .jpg, .png, .webp, .avif) або адреса https://.',
    ]);
  });

  test('refuses sizes that are not whole positive pixels, and unknown fields', () => {
    expect(messages({ src: 'https://photos.example.org/a.jpg', alt: 'Опис', width: 12.5, height: -3, size: 'big' })).toEqual([
      'width: Розмір фото — ціле число пікселів.',
      'height: Розмір фото — додатне число пікселів.',
      ': Unrecognized key: "size"',
    ]);
  });

  test('tells a file of the archive from a remote photo', () => {
    expect(isLocalImage('media/2022/a.jpg')).toBe(true);
    expect(isLocalImage('https://photos.example.org/a.jpg')).toBe(false);
  });

  test.each([
    ['https://photos.example.org/a.jpg', true],
    ['HTTPS://photos.example.org/a.jpg', true],
    ['http://photos.example.org/a.jpg', false],
    ['https://', false],
    ['https://photos.example.org/a b.jpg', false],
    ['//photos.example.org/a.jpg', false],
  ])('isSecureWebAddress(%j) is %j', (address, verdict) => {
    expect(isSecureWebAddress(address)).toBe(verdict);
  });
});
