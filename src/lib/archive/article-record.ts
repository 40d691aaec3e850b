import type { Day } from '../text/dates.ts';
import type { LeadImage } from '../media/lead-image-schema.ts';

/** What the site's listings, groupings and feeds need to know about one article. */
export interface ArticleRecord {
  /** Collection id and URL path: `2022/01/11/slug`. */
  id: string;
  /** The archive day, from the path. */
  day: Day;
  /** Publication instant, for ordering within a day. */
  date: Date;
  title: string;
  summary: string;
  /** Topic slugs, most relevant first. */
  topics: readonly string[];
  /** Author slugs (`authors.yaml`), in byline order; none when absent. */
  authors?: readonly string[];
  /** Lead photo from the front matter, shown small in lists and carried by feeds. */
  image?: LeadImage | undefined;
}

const ID_PATTERN = /^(\d{4})\/(\d{2})\/(\d{2})\/([a-z0-9]+(?:-[a-z0-9]+)*)$/;

/** Reads the day and slug from a collection id; an id of another shape is an error that says where articles belong. */
export function parseArticleId(id: string): { day: Day; slug: string } {
  const match = ID_PATTERN.exec(id);
  const [, year, month, day, slug] = match ?? [];
  if (!year || !month || !day || !slug || Number(month) < 1 || Number(month) > 12 || Number(day) < 1 || Number(day) > 31) {
    throw new Error(
      `Article "${id}" is not at an archive path: articles live in articles/<yyyy>/<mm>/<dd>/<slug>.md with a lower-case ASCII slug. Move the file accordingly.`,
    );
  }
  return { day: { year: Number(year), month: Number(month), day: Number(day) }, slug };
}

const dayNumber = ({ year, month, day }: Day): number => year * 10_000 + month * 100 + day;

/**
 * Total chronological order, oldest first: by archive day, then by instant,
 * then by id, so that articles of one day keep one stable order between builds.
 */
export function compareChronological(a: Pick<ArticleRecord, 'day' | 'date' | 'id'>, b: Pick<ArticleRecord, 'day' | 'date' | 'id'>): number {
  return dayNumber(a.day) - dayNumber(b.day) || a.date.getTime() - b.date.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Position of `article` in a list sorted by `compareChronological` (binary search), or -1. */
export function chronologicalIndex<T extends ArticleRecord>(list: readonly T[], article: T): number {
  let low = 0;
  let high = list.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const order = compareChronological(list[middle]!, article);
    if (order === 0) return middle;
    if (order < 0) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}
