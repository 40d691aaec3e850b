import type { RSSOptions } from '@astrojs/rss';
import type { ArticleRecord } from '../archive/article-record.ts';
import { absoluteUrl, urls } from './urls.ts';

export interface FeedInput {
  title: string;
  description: string;
  /** Astro's `site`: feeds carry absolute links. */
  site: URL | undefined;
  /** Root-relative URL of the feed itself (its `atom:link rel="self"`). */
  self: string;
  /** Root-relative URL of the page the feed follows. */
  page: string;
  /** Newest first. */
  articles: readonly ArticleRecord[];
  /** Topic names of an article, for `<category>`. */
  categories: (article: ArticleRecord) => string[];
}

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Options for `@astrojs/rss`: an RSS 2.0 channel with absolute links under
 * the base, Ukrainian, with a self link. An item's description is plain text,
 * as the summary shows on the site: feed readers take a description as HTML,
 * so it is escaped for HTML here, and the feed escapes it again for XML.
 */
export function feedOptions(input: FeedInput): RSSOptions {
  return {
    title: input.title,
    description: input.description,
    site: absoluteUrl(input.page, input.site),
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: `<language>uk</language><atom:link href="${escapeXml(absoluteUrl(input.self, input.site))}" rel="self" type="application/rss+xml"/>`,
    items: input.articles.map((article) => ({
      title: article.title,
      link: absoluteUrl(urls.article(article.id), input.site),
      pubDate: article.date,
      description: escapeXml(article.summary),
      categories: input.categories(article),
    })),
  };
}
