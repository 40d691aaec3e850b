import { RELATED_WINDOW } from '../site/related.ts';
import { unchanged } from '../files/file-states.ts';
import type { ArchiveSnapshot, ArticleState } from './archive-snapshot.ts';
import type { Shard } from './shards.ts';

/**
 * Which years' pages may show what changed in the archive between two
 * snapshots, or `'all'`: the rules of the pages' cache keys
 * (`src/pages/[year]/…`), read backwards. A changed article shows on
 * - its own pages and its former addresses' redirect pages (their years);
 * - the pages of the articles before and after it (previous and next links),
 *   and the day, month and year pages beside its day (their links to the next
 *   day, month or year): all on its day or on the nearest days with articles
 *   before and after it;
 * - the pages of the articles that may list it as related: those within
 *   `RELATED_WINDOW` of it, and one more for the place it takes or leaves, in
 *   the list of each topic it had or has.
 * Any other file of the archive (the taxonomy, photos, files beside the
 * articles), or an article whose front matter could not be read, may show
 * anywhere: `'all'`.
 */
export function changedYears(before: ArchiveSnapshot, after: ArchiveSnapshot): Set<number> | 'all' {
  for (const path of new Set([...before.others.keys(), ...after.others.keys()]))
    if (!unchanged(before.others.get(path), after.others.get(path))) return 'all';
  const changed = [...new Set([...before.articles.keys(), ...after.articles.keys()])].filter(
    (path) => !unchanged(before.articles.get(path), after.articles.get(path)),
  );
  const years = new Set<number>();
  if (changed.length === 0) return years;
  const states = changed.flatMap((path) => [before.articles.get(path), after.articles.get(path)]).filter((s) => s !== undefined);
  if (states.some((state) => !state.readable)) return 'all';

  const days = [...new Set([...before.articles.keys(), ...after.articles.keys()].map(dayOf))].sort();
  const topicLists = { before: new Map<string, string[]>(), after: new Map<string, string[]>() };
  const listOf = (side: 'before' | 'after', topic: string): string[] => {
    let list = topicLists[side].get(topic);
    if (!list) {
      const articles = side === 'before' ? before.articles : after.articles;
      list = [...articles].filter(([, state]) => state.topics.includes(topic)).map(([path]) => path);
      list.sort();
      topicLists[side].set(topic, list);
    }
    return list;
  };

  for (const path of changed) {
    const day = dayOf(path);
    years.add(yearOf(path));
    const at = lowerBound(days, day);
    for (const near of [days[at - 1], days[at + 1]]) if (near) years.add(yearOf(near));
    for (const side of ['before', 'after'] as const) {
      const state: ArticleState | undefined = (side === 'before' ? before : after).articles.get(path);
      if (!state) continue;
      for (const alias of state.aliases) {
        const year = /^\/*(\d{4})\//.exec(alias)?.[1];
        if (year) years.add(Number(year));
      }
      for (const topic of state.topics) {
        const list = listOf(side, topic);
        // Lists are by path, so by day; within a day the site orders by time, which may put the article anywhere in its day.
        const first = lowerBound(list, day);
        const last = lowerBound(list, `${day}/\uffff`) - 1;
        for (let i = Math.max(0, first - RELATED_WINDOW - 1); i <= Math.min(list.length - 1, last + RELATED_WINDOW + 1); i += 1)
          years.add(yearOf(list[i]!));
      }
    }
  }
  return years;
}

/**
 * The shards a build must run: every shard whose years' pages may show a
 * change (`changedYears`), and the global shard always, since its pages (home,
 * topics, feeds, the search page with the build's id) change with any build.
 */
export function shardsToBuild(shards: readonly Shard[], years: Set<number> | 'all'): Shard[] {
  return shards.filter((shard) => shard.global || years === 'all' || shard.years.some((year) => years.has(year)));
}

const dayOf = (path: string): string => path.slice(0, 10);
const yearOf = (path: string): number => Number(path.slice(0, 4));

/** The first index of a sorted list whose item is not less than `value`. */
function lowerBound(list: readonly string[], value: string): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (list[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
