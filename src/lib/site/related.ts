import { chronologicalIndex, type ArticleRecord } from '../archive/article-record.ts';

/** How many neighbours on each side of an article, in each of its topics, are candidates by default. */
export const RELATED_WINDOW = 8;

export interface RelatedOptions {
  /** How many related articles to return. */
  limit?: number;
  /** How many neighbours on each side of the article to consider in each of its topics. */
  window?: number;
}

/**
 * Articles related to `article`: those that share the most topics with it,
 * nearest in time first. Candidates are only the neighbours of the article
 * within each of its topics (lists sorted oldest first), so the cost depends
 * on the article's topic count and the window, never on the archive's size.
 */
export function relatedArticles<T extends ArticleRecord>(
  article: T,
  byTopic: ReadonlyMap<string, readonly T[]>,
  options: RelatedOptions = {},
): T[] {
  const { limit = 5, window = RELATED_WINDOW } = options;
  const own = new Set(article.topics);
  const time = article.date.getTime();
  const candidates = new Map<string, { article: T; shared: number; distance: number }>();
  for (const topic of own) {
    const list = byTopic.get(topic) ?? [];
    const index = chronologicalIndex(list, article);
    if (index < 0) continue;
    for (let i = Math.max(0, index - window); i <= Math.min(list.length - 1, index + window); i += 1) {
      const other = list[i]!;
      if (i === index || candidates.has(other.id)) continue;
      const shared = other.topics.reduce((n, t) => (own.has(t) ? n + 1 : n), 0);
      candidates.set(other.id, { article: other, shared, distance: Math.abs(other.date.getTime() - time) });
    }
  }
  return [...candidates.values()]
    .sort((a, b) => b.shared - a.shared || a.distance - b.distance || (a.article.id < b.article.id ? 1 : -1))
    .slice(0, limit)
    .map((c) => c.article);
}
