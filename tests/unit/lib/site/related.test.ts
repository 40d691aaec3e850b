import { describe, expect, test } from 'vitest';
import { compareChronological } from '#lib/archive/article-record.ts';
import { groupByTopic } from '#lib/site/grouping.ts';
import { relatedArticles } from '#lib/site/related.ts';
import { record } from '../archive-fakes.ts';

const articles = [
  record('2022/01/01/start', ['viina', 'enerhetyka']),
  record('2022/01/02/same-two', ['viina', 'enerhetyka']),
  record('2022/01/03/war-near', ['viina']),
  record('2022/01/20/war-far', ['viina']),
  record('2022/01/04/energy', ['enerhetyka']),
  record('2022/01/05/other', ['kultura']),
  record('2021/06/01/both-old', ['enerhetyka', 'viina']),
].sort(compareChronological);
const byTopic = groupByTopic(articles, ['viina', 'enerhetyka', 'kultura']);
const ids = (list: { id: string }[]) => list.map((a) => a.id);
const start = articles.find((a) => a.id === '2022/01/01/start')!;

describe('relatedArticles', () => {
  test('prefers more shared topics, then nearness in time', () => {
    expect(ids(relatedArticles(start, byTopic))).toEqual([
      '2022/01/02/same-two',
      '2021/06/01/both-old',
      '2022/01/03/war-near',
      '2022/01/04/energy',
      '2022/01/20/war-far',
    ]);
  });

  test('never lists the article itself or articles without a shared topic', () => {
    const related = ids(relatedArticles(start, byTopic, { limit: 10 }));
    expect(related).not.toContain(start.id);
    expect(related).not.toContain('2022/01/05/other');
  });

  test('looks only at neighbours within the window of each topic', () => {
    expect(ids(relatedArticles(start, byTopic, { window: 1 }))).toEqual(['2022/01/02/same-two', '2021/06/01/both-old']);
  });

  test('an article without topics has no related articles', () => {
    expect(
      relatedArticles(
        articles.find((a) => a.id === '2022/01/05/other')!,
        new Map(),
      ),
    ).toEqual([]);
  });
});
