import { describe, expect, test } from 'vitest';
import { chronologicalIndex, compareChronological, parseArticleId } from '#lib/archive/article-record.ts';
import { groupByAuthor, groupByDate, groupByTopic, neighbours } from '#lib/site/grouping.ts';
import { busiestTopics, publishedTopics, topicsByKind } from '#lib/archive/topic-index.ts';
import { record } from '../archive-fakes.ts';

const articles = [
  record('2022/01/11/b', ['viina']),
  record('2021/12/31/z', ['peremovyny']),
  record('2022/01/11/a', ['viina', 'peremovyny'], '09:00'),
  record('2022/02/01/c', []),
  record('2023/01/11/d', ['viina']),
].sort(compareChronological);

describe('chronological order', () => {
  test('orders by day, then time, then id', () => {
    expect(articles.map((a) => a.id)).toEqual(['2021/12/31/z', '2022/01/11/b', '2022/01/11/a', '2022/02/01/c', '2023/01/11/d']);
  });

  test('finds an article by binary search', () => {
    articles.forEach((article, index) => expect(chronologicalIndex(articles, article)).toBe(index));
    expect(chronologicalIndex(articles, record('2022/01/12/x'))).toBe(-1);
  });

  test('an id outside the archive layout is an error that says how to fix it', () => {
    expect(() => parseArticleId('2022/1/11/slug')).toThrowErrorMatchingInlineSnapshot(
      `[Error: Article "2022/1/11/slug" is not at an archive path: articles live in articles/<yyyy>/<mm>/<dd>/<slug>.md with a lower-case ASCII slug. Move the file accordingly.]`,
    );
  });
});

describe('groupByDate', () => {
  const years = groupByDate(articles);

  test('has only periods with articles, with counts', () => {
    expect(years.map((y) => [y.year, y.count])).toEqual([
      [2021, 1],
      [2022, 3],
      [2023, 1],
    ]);
    expect(years[1]!.months.map((m) => [m.key, m.count])).toEqual([
      ['2022-01', 2],
      ['2022-02', 1],
    ]);
  });

  test('puts the articles of a day newest first', () => {
    expect(years[1]!.months[0]!.days.map((d) => [d.key, d.articles.map((a) => a.id)])).toEqual([
      ['2022-01-11', ['2022/01/11/a', '2022/01/11/b']],
    ]);
  });

  test('keeps the same month of different years apart', () => {
    const jan = groupByDate([record('2022/01/01/a'), record('2023/01/01/b')]);
    expect(jan.map((y) => y.months.map((m) => m.key))).toEqual([['2022-01'], ['2023-01']]);
  });
});

describe('groupByAuthor', () => {
  const bylined = [
    { ...record('2022/01/11/a', []), authors: ['olena-petrenko', 'taras-kovalchuk'] },
    { ...record('2022/01/12/b', []), authors: ['olena-petrenko'] },
    record('2022/01/13/c', []),
  ];

  test('lists every author of authors.yaml, articles oldest first; an article without authors is in no list', () => {
    const byAuthor = groupByAuthor(bylined, ['olena-petrenko', 'taras-kovalchuk', 'iryna-bondar']);
    expect(byAuthor.get('olena-petrenko')!.map((a) => a.id)).toEqual(['2022/01/11/a', '2022/01/12/b']);
    expect(byAuthor.get('taras-kovalchuk')!.map((a) => a.id)).toEqual(['2022/01/11/a']);
    expect(byAuthor.get('iryna-bondar')).toEqual([]);
  });

  test('lists every reference to an author missing from authors.yaml', () => {
    expect(() => groupByAuthor(bylined, ['olena-petrenko'])).toThrowErrorMatchingInlineSnapshot(`
      [Error: 1 author reference(s) name no author of authors.yaml:
        2022/01/11/a: «taras-kovalchuk»
      Add the author to authors.yaml or correct the slug in the article's front matter.]
    `);
  });
});

describe('groupByTopic', () => {
  test('lists every topic of the taxonomy, articles oldest first', () => {
    const byTopic = groupByTopic(articles, ['viina', 'peremovyny', 'sport']);
    expect(byTopic.get('viina')!.map((a) => a.id)).toEqual(['2022/01/11/b', '2022/01/11/a', '2023/01/11/d']);
    expect(byTopic.get('sport')).toEqual([]);
  });

  test('lists every reference to a topic missing from the taxonomy', () => {
    expect(() => groupByTopic(articles, ['viina'])).toThrowErrorMatchingInlineSnapshot(`
      [Error: 2 topic reference(s) name no topic of topics.yaml:
        2021/12/31/z: «peremovyny»
        2022/01/11/a: «peremovyny»
      Add the topic to topics.yaml or correct the slug in the article's front matter.]
    `);
  });
});

describe('neighbours', () => {
  test('are the items before and after', () => {
    expect(neighbours([1, 2, 3], 0)).toEqual({ previous: undefined, next: 2 });
    expect(neighbours([1, 2, 3], 1)).toEqual({ previous: 1, next: 3 });
    expect(neighbours([1, 2, 3], 2)).toEqual({ previous: 2, next: undefined });
  });
});

describe('topic index', () => {
  const topics = [
    { slug: 'b', name: 'Євросоюз', kind: 'organisation' as const, count: 3 },
    { slug: 'a', name: 'Війна', kind: 'subject' as const, count: 3 },
    { slug: 'c', name: 'Ґрунти', kind: 'subject' as const, count: 0 },
    { slug: 'd', name: 'Економіка', kind: 'subject' as const, count: 9 },
  ];

  test('groups by kind in a fixed order, alphabetical in Ukrainian', () => {
    expect(topicsByKind(topics).map((g) => [g.kind, g.topics.map((t) => t.name)])).toEqual([
      ['subject', ['Війна', 'Ґрунти', 'Економіка']],
      ['organisation', ['Євросоюз']],
    ]);
  });

  test('busiest topics leave out empty ones', () => {
    expect(busiestTopics(topics, 10).map((t) => t.name)).toEqual(['Економіка', 'Війна', 'Євросоюз']);
  });

  test('only topics with articles are published, in their given order', () => {
    expect(publishedTopics(topics).map((t) => t.slug)).toEqual(['b', 'a', 'd']);
  });
});
