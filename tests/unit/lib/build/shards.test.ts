import { describe, expect, test } from 'vitest';
import { ownerOf } from '#lib/build/assemble.ts';
import { parseShardOption, planShards, rendersGlobalPages, rendersYear, scopeOf, shardScope, SHARD_VARIABLE } from '#lib/build/shards.ts';

/** 26 years of 770 articles each, like the benchmark's archive of 20,000. */
const YEARS = new Map(Array.from({ length: 26 }, (_, index) => [2001 + index, 770]));

describe('planShards', () => {
  test('splits the index parts into shards of consecutive parts with about the same number of articles', () => {
    const shards = planShards(YEARS, 2, 5_000);
    // Parts: the newest year alone, then runs of six years, then 2001.
    expect(shards.map((shard) => shard.parts.length)).toEqual([3, 3]);
    expect(shards.map((shard) => shard.articles)).toEqual([10_010, 10_010]);
    expect(shards[0]!.years[0]).toBe(2026);
    expect(shards[1]!.years.at(-1)).toBe(2001);
    expect(new Set(shards.flatMap((shard) => shard.years)).size).toBe(26);
  });

  test('gives the global pages to the shard of the newest years, where new articles go', () => {
    expect(planShards(YEARS, 2, 5_000).map((shard) => shard.global)).toEqual([true, false]);
    expect(
      planShards(
        new Map([
          [2020, 30],
          [2021, 10],
        ]),
        2,
        20,
      ).map((shard) => [shard.years, shard.global]),
    ).toEqual([
      [[2021], true],
      [[2020], false],
    ]);
  });

  test('keeps the parts the same whatever the number of shards', () => {
    const folders = (count: number) => planShards(YEARS, count, 3_000).flatMap((shard) => shard.parts.map((part) => part.folder));
    expect(folders(1)).toEqual(folders(2));
    expect(folders(2)).toEqual(folders(5));
  });

  test('leaves shards without years when the archive has fewer parts than shards', () => {
    const shards = planShards(new Map([[2022, 5]]), 3, 10_000);
    expect(shards.map((shard) => shard.years)).toEqual([[2022], [], []]);
    // The global pages go to a shard that has nothing else to do.
    expect(shards.map((shard) => shard.global)).toEqual([false, false, true]);
  });

  test('refuses a number of shards that is not a whole number of at least 1', () => {
    expect(() => planShards(YEARS, 0, 5_000)).toThrowErrorMatchingInlineSnapshot(
      `[Error: The number of shards must be a whole number, at least 1 (got 0).]`,
    );
  });
});

test.each([
  ['2/4', { number: 2, count: 4 }],
  [' 1/1 ', { number: 1, count: 1 }],
  ['5/4', undefined],
  ['0/4', undefined],
  ['2-4', undefined],
])('--shard %s', (text, expected) => {
  expect(parseShardOption(text)).toEqual(expected);
});

describe('the scope of one shard process', () => {
  const [first, second] = planShards(YEARS, 2, 5_000);
  const environment = { [SHARD_VARIABLE]: JSON.stringify(scopeOf(second!)) };

  test('renders only its years, and the global pages only in the global shard', () => {
    const scope = shardScope(environment);
    expect(rendersYear(2001, scope)).toBe(true);
    expect(rendersYear('2026', scope)).toBe(false);
    expect(rendersGlobalPages(scope)).toBe(second!.global);
    expect(rendersGlobalPages(shardScope({ [SHARD_VARIABLE]: JSON.stringify(scopeOf(first!)) }))).toBe(first!.global);
  });

  test('renders everything when the build is not sharded', () => {
    expect(shardScope({})).toBeUndefined();
    expect(rendersYear(1999, undefined)).toBe(true);
    expect(rendersGlobalPages(undefined)).toBe(true);
  });
});

describe('ownerOf', () => {
  const shards = planShards(YEARS, 2, 5_000);
  const [newest, oldest] = shards;

  test.each([
    ['2026/01/02/slug/index.html', 0],
    ['2001/index.html', 1],
    ['pagefind/pagefind.js', 0],
    ['pagefind/2002-2007/pagefind-entry.json', 1],
    ['index.html', 0],
    ['topics/osvita/index.html', 0],
    ['sw.js', 0],
  ])('%s comes from shard %i', (path, index) => {
    const owner = ownerOf(path, shards);
    const global = shards.find((shard) => shard.global)!;
    const expected = path.startsWith('20') || path.startsWith('pagefind/') ? [newest, oldest][index] : global;
    expect(owner).toBe(expected);
  });

  test("Vite's assets come from every shard", () => {
    expect(ownerOf('_astro/site.abc123.js', shards)).toBeUndefined();
  });
});
