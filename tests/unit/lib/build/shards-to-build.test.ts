import { describe, expect, test } from 'vitest';
import type { ArchiveSnapshot, ArticleState } from '#lib/build/archive-snapshot.ts';
import { planShards } from '#lib/build/shards.ts';
import { changedYears, shardsToBuild } from '#lib/build/shards-to-build.ts';

const article = (topics: string[], aliases: string[] = [], mtimeMs = 1): ArticleState => ({
  mtimeMs,
  size: 100,
  topics,
  aliases,
  readable: true,
});

/** An archive of 2019–2025: ten articles a month on «ekonomika», and one «sport» article in June 2019. */
function archive(): ArchiveSnapshot {
  const articles = new Map<string, ArticleState>();
  for (let year = 2019; year <= 2025; year += 1)
    for (let month = 1; month <= 12; month += 1)
      for (let day = 1; day <= 10; day += 1)
        articles.set(`${year}/${String(month).padStart(2, '0')}/${String(day).padStart(2, '0')}/stattia-${day}.md`, article(['ekonomika']));
  articles.set('2019/06/15/match.md', article(['sport']));
  return { articles, others: new Map([['topics.yaml', { mtimeMs: 1, size: 50 }]]) };
}

function withArticles(before: ArchiveSnapshot, change: (articles: Map<string, ArticleState>) => void): ArchiveSnapshot {
  const articles = new Map(before.articles);
  change(articles);
  return { articles, others: new Map(before.others) };
}

describe('changedYears', () => {
  test('is empty when nothing changed', () => {
    expect(changedYears(archive(), archive())).toEqual(new Set());
  });

  test('a new article in the middle of the newest year shows only on that year’s pages', () => {
    const before = archive();
    const after = withArticles(before, (articles) => articles.set('2025/06/20/nova.md', article(['ekonomika'])));
    expect(changedYears(before, after)).toEqual(new Set([2025]));
  });

  test('a new article reaches the years of its neighbours in a sparse topic (related articles)', () => {
    const before = archive();
    const after = withArticles(before, (articles) => articles.set('2025/06/20/turnir.md', article(['ekonomika', 'sport'])));
    expect(changedYears(before, after)).toEqual(new Set([2019, 2025]));
  });

  test('a new article on the first day of a year reaches the nearest day before it (previous links)', () => {
    const before = withArticles(archive(), (articles) => {
      for (const path of articles.keys()) if (path.startsWith('2025/01/0')) articles.delete(path);
    });
    const after = withArticles(before, (articles) => articles.set('2025/01/01/rik.md', article(['kultura'])));
    expect(changedYears(before, after)).toEqual(new Set([2024, 2025]));
  });

  test('an edited article reaches the years of its former addresses, before and after the edit', () => {
    const before = withArticles(archive(), (articles) => articles.set('2025/06/20/nova.md', article(['kultura'], ['2021/03/01/stara'])));
    const after = withArticles(before, (articles) => articles.set('2025/06/20/nova.md', article(['kultura'], ['/2022/03/01/insha/'], 2)));
    expect(changedYears(before, after)).toEqual(new Set([2021, 2022, 2025]));
  });

  test('a removed article reaches the neighbours it had', () => {
    const before = withArticles(archive(), (articles) => articles.set('2025/06/20/turnir.md', article(['sport'])));
    const after = withArticles(before, (articles) => articles.delete('2025/06/20/turnir.md'));
    expect(changedYears(before, after)).toEqual(new Set([2019, 2025]));
  });

  test('any other changed file, or an article whose front matter cannot be read, may show anywhere', () => {
    const before = archive();
    expect(changedYears(before, { ...before, others: new Map([['topics.yaml', { mtimeMs: 2, size: 50 }]]) })).toBe('all');
    expect(
      changedYears(before, { ...before, others: new Map([...before.others, ['media/2020/01/01/a.jpg', { mtimeMs: 1, size: 9 }]]) }),
    ).toBe('all');
    const broken = withArticles(before, (articles) => articles.set('2025/06/20/zlamana.md', { ...article([]), readable: false }));
    expect(changedYears(before, broken)).toBe('all');
  });
});

describe('shardsToBuild', () => {
  const plan = planShards(new Map(Array.from({ length: 7 }, (_, index) => [2019 + index, 120])), 2, 300);

  test('runs the shards of the changed years, and the global one always', () => {
    expect(plan.map((shard) => [shard.years, shard.global])).toEqual([
      [[2025, 2024, 2023], true],
      [[2022, 2021, 2020, 2019], false],
    ]);
    expect(shardsToBuild(plan, new Set()).map((shard) => shard.number)).toEqual([1]);
    expect(shardsToBuild(plan, new Set([2025])).map((shard) => shard.number)).toEqual([1]);
    expect(shardsToBuild(plan, new Set([2019, 2025])).map((shard) => shard.number)).toEqual([1, 2]);
    expect(shardsToBuild(plan, 'all').map((shard) => shard.number)).toEqual([1, 2]);
  });
});
