import { getCollection, type CollectionEntry } from 'astro:content';
import type { TopicData } from '#lib/archive/topic-schema.ts';
import type { AuthorData } from '#lib/archive/author-schema.ts';
import { sharedFrontMatter } from '#lib/archive/front-matter-store.ts';
import { cacheKey } from '#lib/site/cache-keys.ts';
import { compareChronological, parseArticleId, type ArticleRecord } from '#lib/archive/article-record.ts';
import { publishedTopics } from '#lib/archive/topic-index.ts';
import { groupByAuthor, groupByDate, groupByTopic, type DayGroup, type MonthGroup, type YearGroup } from '#lib/site/grouping.ts';

type ArticleEntry = CollectionEntry<'articles'>;

/**
 * One article as the site shows it: the record used by listings, its front
 * matter, and its collection entry for rendering, which carries no data
 * (the content loader keeps the front matter apart: `FrontMatterStore`).
 */
export interface SiteArticle extends ArticleRecord {
  data: ArticleEntry['data'];
  entry: Omit<ArticleEntry, 'data'>;
}

export interface SiteTopic extends TopicData {
  count: number;
}

export interface SiteAuthor extends AuthorData {
  count: number;
}

/** Everything the site derives from the collections, computed once per build. */
export interface Archive {
  /** Oldest first. */
  chronological: SiteArticle[];
  years: YearGroup<SiteArticle>[];
  /** Every month with articles, in order, across years. */
  months: MonthGroup<SiteArticle>[];
  /** Every day with articles, in order, across months. */
  days: DayGroup<SiteArticle>[];
  /** Position of a year, month key (`2022-01`) or day key (`2022-01-11`) in the lists above. */
  yearIndex: Map<number, number>;
  monthIndex: Map<string, number>;
  dayIndex: Map<string, number>;
  /** Topics with at least one article (`publishedTopics`), in taxonomy order, with article counts. */
  topics: SiteTopic[];
  /** The topics above by slug: a topic without articles is not here. */
  topicBySlug: Map<string, SiteTopic>;
  /** Articles per topic slug, oldest first. */
  byTopic: Map<string, SiteArticle[]>;
  /** Authors with at least one article, in the order of authors.yaml, with article counts. */
  authors: SiteAuthor[];
  /** The authors above by slug: an author without articles is not here. */
  authorBySlug: Map<string, SiteAuthor>;
  /** Articles per author slug, oldest first. */
  byAuthor: Map<string, SiteArticle[]>;
  /** Changes whenever the taxonomy or the authors do (names, descriptions, order): part of every page's cache key. */
  taxonomyVersion: string;
}

async function loadArchive(): Promise<Archive> {
  const [entries, topicEntries] = await Promise.all([getCollection('articles'), getCollection('topics')]);
  const frontMatter = sharedFrontMatter<ArticleEntry['data']>();
  if (!frontMatter)
    throw new Error(
      'The articles’ front matter was not handed over: the content loader (src/loaders/articles.ts) did not run in this process.',
    );
  const problems: string[] = [];
  const chronological: SiteArticle[] = [];
  for (const entry of entries) {
    try {
      const { day } = parseArticleId(entry.id);
      const data = frontMatter.get(entry.id);
      if (!data) throw new Error('its front matter is not in the store the content loader keeps; build again');
      const { title, summary, topics, authors, date, image } = data;
      chronological.push({ id: entry.id, day, date, title, summary, topics, authors, image, data, entry });
    } catch (error) {
      problems.push(`  ${entry.filePath ?? entry.id}: ${(error as Error).message}`);
    }
  }
  if (problems.length > 0) throw new Error(`${problems.length} article(s) cannot be placed in the archive:\n${problems.join('\n')}`);
  chronological.sort(compareChronological);
  // Only bylines need authors.yaml; Astro warns about reading a collection that is empty, as it is in an archive without the file.
  const authorEntries = chronological.some((article) => (article.authors?.length ?? 0) > 0) ? await getCollection('authors') : [];

  const years = groupByDate(chronological);
  const months = years.flatMap((y) => y.months);
  const days = months.flatMap((m) => m.days);
  const byTopic = groupByTopic(
    chronological,
    topicEntries.map((t) => t.data.slug),
  );
  const byAuthor = groupByAuthor(
    chronological,
    authorEntries.map((a) => a.data.slug),
  );
  // Authors are published as topics are: with their first article.
  const authors = publishedTopics(authorEntries.map((a) => ({ ...a.data, count: byAuthor.get(a.data.slug)?.length ?? 0 })));
  const topics = publishedTopics(topicEntries.map((t) => ({ ...t.data, count: byTopic.get(t.data.slug)?.length ?? 0 })));
  return {
    chronological,
    years,
    months,
    days,
    yearIndex: new Map(years.map((y, i) => [y.year, i])),
    monthIndex: new Map(months.map((m, i) => [m.key, i])),
    dayIndex: new Map(days.map((d, i) => [d.key, i])),
    topics,
    topicBySlug: new Map(topics.map((t) => [t.slug, t])),
    byTopic,
    authors,
    authorBySlug: new Map(authors.map((a) => [a.slug, a])),
    byAuthor,
    taxonomyVersion: cacheKey([...topicEntries, ...authorEntries].map((e) => JSON.stringify(e.data))),
  };
}

let cached: Promise<Archive> | undefined;

/**
 * The archive, grouped once per build and shared by every page: routes look
 * things up here instead of scanning the collection. The dev server reloads
 * it on each request so that edits show up.
 */
export function getArchive(): Promise<Archive> {
  if (import.meta.env.DEV) return loadArchive();
  return (cached ??= loadArchive());
}

/** The authors of an article, in byline order. */
export function authorsOf(archive: Archive, article: ArticleRecord): SiteAuthor[] {
  return (article.authors ?? []).flatMap((slug) => archive.authorBySlug.get(slug) ?? []);
}

/** Topic names of an article, in its own order. */
export function topicsOf(archive: Archive, article: ArticleRecord): SiteTopic[] {
  return article.topics.flatMap((slug) => archive.topicBySlug.get(slug) ?? []);
}
