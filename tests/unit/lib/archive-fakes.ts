import type { ArticleRecord } from '#lib/archive/article-record.ts';
import { parseArticleId } from '#lib/archive/article-record.ts';

/** An article record for unit tests: the day comes from the id, as on the site. */
export function record(id: string, topics: string[] = [], time = '00:00'): ArticleRecord {
  const { day } = parseArticleId(id);
  const iso = `${id.slice(0, 10).replace(/\//g, '-')}T${time}:00Z`;
  return { id, day, date: new Date(iso), title: `Стаття ${id}`, summary: 'Лід.', topics };
}
