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
  /** An article's lead photo, if any (`src/collections/lead-image.ts`). */
  image?: (article: ArticleRecord) => FeedImage | undefined;
}

/** A photo in a feed item: its absolute URL and what is known of it. */
export interface FeedImage {
  url: string;
  type?: string | undefined;
  /** Size in bytes. */
  length?: number | undefined;
  width?: number | undefined;
  height?: number | undefined;
}

const MEDIA_RSS = 'http://search.yahoo.com/mrss/';

/**
 * A photo whose type and size are known (a local one, served from the site)
 * is the item's `<enclosure>`, which RSS requires to carry both; a remote
 * photo, never fetched by the build, is a Media RSS `<media:content>`.
 */
function itemImage(image: FeedImage | undefined): { enclosure?: { url: string; length: number; type: string }; customData?: string } {
  if (!image) return {};
  if (image.type && image.length !== undefined) return { enclosure: { url: image.url, length: image.length, type: image.type } };
  const size = `${image.width ? ` width="${image.width}"` : ''}${image.height ? ` height="${image.height}"` : ''}`;
  return { customData: `<media:content url="${escapeXml(image.url)}" medium="image"${size}/>` };
}

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Options for `@astrojs/rss`: an RSS 2.0 channel with absolute links under
 * the base, Ukrainian, with a self link. An item's description is plain text,
 * as the summary shows on the site: feed readers take a description as HTML,
 * so it is escaped for HTML here, and the feed escapes it again for XML.
 */
export function feedOptions(input: FeedInput): RSSOptions {
  const images = input.articles.map((article) => itemImage(input.image?.(article)));
  return {
    title: input.title,
    description: input.description,
    site: absoluteUrl(input.page, input.site),
    xmlns: { atom: 'http://www.w3.org/2005/Atom', ...(images.some((image) => image.customData) ? { media: MEDIA_RSS } : {}) },
    customData: `<language>uk</language><atom:link href="${escapeXml(absoluteUrl(input.self, input.site))}" rel="self" type="application/rss+xml"/>`,
    items: input.articles.map((article, index) => ({
      title: article.title,
      link: absoluteUrl(urls.article(article.id), input.site),
      pubDate: article.date,
      description: escapeXml(article.summary),
      categories: input.categories(article),
      ...images[index],
    })),
  };
}
