import { periodValues } from './period.ts';

/**
 * The contract between article pages and the search index: the attributes
 * that the article page puts on its `<article>` element and on one hidden,
 * empty metadata element inside it. Search filters on `topic`, `author`,
 * `year` and `period` (the article's month and day, `period.ts`), sorts on
 * `date`, and shows `title`, `date`, `summary`, the topics and the authors.
 *
 * Pagefind 1.6 does not split `data-pagefind-meta="a:1, b:2"` into two
 * fields: everything after the first colon becomes the value of `a`. Its
 * `key[attribute]` form does take a comma-separated list, and reads each
 * value from its own attribute, so values may hold commas, quotes and colons,
 * and one filter key may be listed several times (one topic or author per
 * attribute).
 */
export interface SearchIndexInput {
  title: string;
  /** ISO date `YYYY-MM-DD`. */
  date: string;
  summary: string;
  /** Topic names as readers see them. */
  topicNames: readonly string[];
  /** Author names as readers see them (`authors.yaml`), not slugs. */
  authorNames: readonly string[];
}

function clean(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/** Names cleaned, without blanks or repeats, in their first order. */
function distinctNames(names: readonly string[]): string[] {
  return [...new Set(names.map(clean).filter(Boolean))];
}

/** Attributes for the `<article>` element (spread them: `<article {...articleAttributes(x)}>`). */
export function articleAttributes(input: SearchIndexInput): Record<string, string> {
  return {
    'data-pagefind-body': '',
    'data-pagefind-sort': `date:${input.date}`,
  };
}

/**
 * Attributes for one hidden, empty element inside the article
 * (`<div {...metadataAttributes(x)}></div>`) that carries metadata and filters.
 */
export function metadataAttributes(input: SearchIndexInput): Record<string, string> {
  const topics = distinctNames(input.topicNames);
  const authors = distinctNames(input.authorNames);
  const [month, day] = periodValues(input.date);
  const attributes: Record<string, string> = {
    hidden: '',
    'data-pagefind-meta': 'title[data-search-title], date[data-search-date], summary[data-search-summary]',
    'data-pagefind-filter': [
      'year[data-search-year]',
      'period[data-search-month]',
      'period[data-search-day]',
      ...topics.map((_, i) => `topic[data-search-topic-${i}]`),
      ...authors.map((_, i) => `author[data-search-author-${i}]`),
    ].join(', '),
    'data-search-title': clean(input.title),
    'data-search-date': input.date,
    'data-search-summary': clean(input.summary),
    'data-search-year': input.date.slice(0, 4),
    'data-search-month': month,
    'data-search-day': day,
  };
  topics.forEach((name, i) => (attributes[`data-search-topic-${i}`] = name));
  authors.forEach((name, i) => (attributes[`data-search-author-${i}`] = name));
  return attributes;
}
