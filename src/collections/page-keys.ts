import { cacheKey, version } from '#lib/site/cache-keys.ts';
import { pageCount, pageItems } from '#lib/site/pagination.ts';
import { TOPIC_PAGE_SIZE } from '#lib/site/site-config.ts';
import type { SiteArticle } from './archive.ts';
import { leadImageVersion } from './lead-image.ts';

/**
 * Cache keys of the pages that list articles (`src/lib/site/cache-keys.ts`
 * says what a key must cover): a listed article shows its file's title,
 * date, summary and byline, and its lead photo as a thumbnail.
 */

/** The versions of the listed articles' files, then of their lead photos, in list order. */
export function listedVersions(articles: readonly SiteArticle[]): string[] {
  return [...articles.map(version), ...articles.map(leadImageVersion)];
}

/**
 * The key of page `page` of a topic's or an author's list
 * (`ArticleListPage.astro`): its articles, the pager (the number of pages),
 * and on the front page the list's length. A numbered page does not show the
 * length, so a new article changes only the front page until it fills a page.
 */
export function listPageKey(taxonomyVersion: string, list: string, articles: readonly SiteArticle[], page: number): string {
  const count = pageCount(articles.length, TOPIC_PAGE_SIZE);
  const front = page === count;
  return cacheKey([
    taxonomyVersion,
    list,
    page,
    count,
    front ? articles.length : '',
    ...listedVersions(pageItems(articles, page, TOPIC_PAGE_SIZE)),
  ]);
}
