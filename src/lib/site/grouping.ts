import { isoDay, isoMonth, type Day } from '../text/dates.ts';
import type { ArticleRecord } from '../archive/article-record.ts';

export interface DayGroup<T> {
  day: Day;
  /** `2022-01-11`. */
  key: string;
  /** Newest first. */
  articles: T[];
}

export interface MonthGroup<T> {
  year: number;
  month: number;
  /** `2022-01`. */
  key: string;
  count: number;
  /** Days that have articles, in calendar order. */
  days: DayGroup<T>[];
}

export interface YearGroup<T> {
  year: number;
  count: number;
  /** Months that have articles, in calendar order. */
  months: MonthGroup<T>[];
}

/**
 * Groups articles, given oldest first, into years, months and days in one
 * pass; only periods that have articles appear.
 */
export function groupByDate<T extends ArticleRecord>(chronological: readonly T[]): YearGroup<T>[] {
  const years: YearGroup<T>[] = [];
  let year: YearGroup<T> | undefined;
  let month: MonthGroup<T> | undefined;
  let day: DayGroup<T> | undefined;
  for (const article of chronological) {
    const { day: d } = article;
    if (year?.year !== d.year) {
      year = { year: d.year, count: 0, months: [] };
      years.push(year);
      month = undefined;
    }
    if (month?.month !== d.month) {
      month = { year: d.year, month: d.month, key: isoMonth(d.year, d.month), count: 0, days: [] };
      year.months.push(month);
      day = undefined;
    }
    if (day?.day.day !== d.day) {
      day = { day: d, key: isoDay(d), articles: [] };
      month.days.push(day);
    }
    day.articles.push(article);
    month.count += 1;
    year.count += 1;
  }
  for (const y of years) for (const m of y.months) for (const g of m.days) g.articles.reverse();
  return years;
}

/**
 * Articles per topic, oldest first, for every topic of the taxonomy (topics
 * without articles get an empty list). An article that names a topic missing
 * from the taxonomy is an error; all such articles are listed at once.
 */
export function groupByTopic<T extends ArticleRecord>(chronological: readonly T[], topicSlugs: readonly string[]): Map<string, T[]> {
  return groupBySlugs(chronological, topicSlugs, (article) => article.topics, {
    what: 'topic',
    file: 'topics.yaml',
    fix: "Add the topic to topics.yaml or correct the slug in the article's front matter.",
  });
}

/** Articles per author, oldest first, for every author of authors.yaml (as `groupByTopic`). */
export function groupByAuthor<T extends ArticleRecord>(chronological: readonly T[], authorSlugs: readonly string[]): Map<string, T[]> {
  return groupBySlugs(chronological, authorSlugs, (article) => article.authors ?? [], {
    what: 'author',
    file: 'authors.yaml',
    fix: "Add the author to authors.yaml or correct the slug in the article's front matter.",
  });
}

function groupBySlugs<T extends ArticleRecord>(
  chronological: readonly T[],
  slugs: readonly string[],
  referencesOf: (article: T) => readonly string[],
  names: { what: string; file: string; fix: string },
): Map<string, T[]> {
  const groups = new Map<string, T[]>(slugs.map((slug) => [slug, []]));
  const unknown: string[] = [];
  for (const article of chronological) {
    for (const slug of referencesOf(article)) {
      const list = groups.get(slug);
      if (list) list.push(article);
      else unknown.push(`  ${article.id}: «${slug}»`);
    }
  }
  if (unknown.length > 0) {
    throw new Error(
      `${unknown.length} ${names.what} reference(s) name no ${names.what} of ${names.file}:\n${unknown.join('\n')}\n${names.fix}`,
    );
  }
  return groups;
}

/** The neighbours of the item at `index` in an ordered list: the one before and the one after, if any. */
export function neighbours<T>(ordered: readonly T[], index: number): { previous?: T; next?: T } {
  return { previous: index > 0 ? ordered[index - 1] : undefined, next: index >= 0 ? ordered[index + 1] : undefined };
}
