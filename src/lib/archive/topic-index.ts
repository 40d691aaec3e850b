import type { TopicData } from './topic-schema.ts';
import { compareUkrainian } from '../text/ukrainian-order.ts';

/** The order of topic kinds in the topic index. */
export const KIND_ORDER: readonly TopicData['kind'][] = ['subject', 'country', 'organisation', 'person'];

/** Topics grouped by kind (in `KIND_ORDER`, empty kinds left out), each group alphabetical in Ukrainian order. */
export function topicsByKind<T extends Pick<TopicData, 'kind' | 'name'>>(
  topics: readonly T[],
): Array<{ kind: TopicData['kind']; topics: T[] }> {
  return KIND_ORDER.map((kind) => ({
    kind,
    topics: topics.filter((topic) => topic.kind === kind).sort((a, b) => compareUkrainian(a.name, b.name)),
  })).filter((group) => group.topics.length > 0);
}

/**
 * Topics that the site publishes, in their given order: those with at least
 * one article. A topic without articles has no page, no feed, no sitemap
 * entry and no listing; they appear with its first article, at the address
 * the slug has always given (`/topics/<slug>/`).
 */
export function publishedTopics<T extends { count: number }>(topics: readonly T[]): T[] {
  return topics.filter((topic) => topic.count > 0);
}

/** The `limit` topics with the most articles, ties in alphabetical order; topics without articles are left out. */
export function busiestTopics<T extends Pick<TopicData, 'name'> & { count: number }>(topics: readonly T[], limit: number): T[] {
  return topics
    .filter((topic) => topic.count > 0)
    .sort((a, b) => b.count - a.count || compareUkrainian(a.name, b.name))
    .slice(0, limit);
}
