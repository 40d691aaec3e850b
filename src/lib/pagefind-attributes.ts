/**
 * The contract between article pages and the search index: the attributes
 * that the article page puts on its `<article data-pagefind-body>` element
 * and on a hidden metadata element inside it. Search filters on `topic` and
 * `year`, sorts on `date`, and shows `title`, `date`, `summary`, `topics`.
 */
export interface SearchIndexInput {
  title: string;
  /** ISO date `YYYY-MM-DD`. */
  date: string;
  summary: string;
  /** Topic names as readers see them. */
  topicNames: readonly string[];
}

/** Pagefind separates `key:value` pairs with commas, so values must not carry them raw. */
function safe(value: string): string {
  return value.replace(/,/g, '\u201A').replace(/\s+/g, ' ').trim();
}

/** Attributes for the `<article>` element (spread them: `<article {...articleAttributes(x)}>`). */
export function articleAttributes(input: SearchIndexInput): Record<string, string> {
  return {
    'data-pagefind-body': '',
    'data-pagefind-sort': `date:${input.date}`,
  };
}

/** Attributes for one hidden element inside the article that carries metadata and filters. */
export function metadataAttributes(input: SearchIndexInput): Record<string, string> {
  const year = input.date.slice(0, 4);
  const meta = [`title:${safe(input.title)}`, `date:${input.date}`, `summary:${safe(input.summary)}`];
  if (input.topicNames.length > 0) meta.push(`topics:${input.topicNames.map(safe).join(' · ')}`);
  const filters = [`year:${year}`, ...input.topicNames.map((name) => `topic:${safe(name)}`)];
  return {
    hidden: '',
    'data-pagefind-meta': meta.join(', '),
    'data-pagefind-filter': filters.join(', '),
  };
}
