import { describe, expect, test } from 'vitest';
import { DEFAULT_PART_SIZE, partGlob, partSizeFromEnvironment, planIndexParts } from '#lib/search/index-parts.ts';

const years = (entries: Array<[number, number]>) => new Map(entries);

describe('index parts', () => {
  test('an archive within the part size is one part, the main bundle', () => {
    expect(
      planIndexParts(
        years([
          [2021, 10],
          [2022, 20],
        ]),
        100,
      ),
    ).toEqual([{ years: [2022, 2021], articles: 30, folder: '' }]);
  });

  test('a larger archive is split into runs of whole years, newest first, each within the part size; the newest year alone', () => {
    const parts = planIndexParts(
      years([
        [2019, 40],
        [2020, 30],
        [2021, 50],
        [2022, 60],
        [2023, 10],
      ]),
      100,
    );
    expect(parts).toEqual([
      { years: [2023], articles: 10, folder: '' },
      { years: [2022], articles: 60, folder: '2022-2022/' },
      { years: [2021, 2020], articles: 80, folder: '2020-2021/' },
      { years: [2019], articles: 40, folder: '2019-2019/' },
    ]);
  });

  test('a year larger than the part size is a part of its own, never split', () => {
    expect(
      planIndexParts(
        years([
          [2021, 5],
          [2022, 250],
          [2023, 5],
        ]),
        100,
      ).map((part) => part.years),
    ).toEqual([[2023], [2022], [2021]]);
  });

  test('no articles, no parts', () => {
    expect(planIndexParts(new Map(), 100)).toEqual([]);
  });

  test('select the article pages of their years only', () => {
    expect(partGlob({ years: [2022, 2021] })).toBe('{2022,2021}/[0-9][0-9]/[0-9][0-9]/*/index.html');
    expect(partGlob({ years: [2022] })).toBe('2022/[0-9][0-9]/[0-9][0-9]/*/index.html');
  });

  test('the part size comes from ARKHIV_INDEX_PART_SIZE, and a bad value is refused with what was given', () => {
    expect(partSizeFromEnvironment(undefined)).toBe(DEFAULT_PART_SIZE);
    expect(partSizeFromEnvironment('500')).toBe(500);
    expect(() => partSizeFromEnvironment('many')).toThrow(
      'ARKHIV_INDEX_PART_SIZE must be a whole number of articles, at least 1 (got "many").',
    );
    expect(() => planIndexParts(new Map(), 0)).toThrow('positive number');
  });
});

describe('fragment bundling for hosts that limit file counts', () => {
  test('is off unless ARKHIV_MAX_FRAGMENTS asks for it, and a bad value is refused', async () => {
    const { maxFragmentsFromEnvironment } = await import('#lib/search/write-index.ts');
    expect(maxFragmentsFromEnvironment(undefined)).toEqual({});
    expect(maxFragmentsFromEnvironment('5000')).toEqual({ maxFragments: 5000 });
    expect(() => maxFragmentsFromEnvironment('0')).toThrow('ARKHIV_MAX_FRAGMENTS must be a whole number of files, at least 1 (got "0").');
  });
});
