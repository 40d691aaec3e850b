import rss from '@astrojs/rss';
import { getArchive, topicsOf, type SiteArticle } from './archive.ts';
import { feedImages } from './lead-image.ts';
import { feedOptions, type FeedInput } from '#lib/site/feed.ts';
import { FEED_ITEMS } from '#lib/site/site-config.ts';

/**
 * The RSS feed of a list of the archive (all of it, a topic's, an
 * author's): its newest `FEED_ITEMS` articles, newest first, each with its
 * topic names as categories and its lead photo.
 */
export async function archiveFeed(
  site: URL | undefined,
  feed: Pick<FeedInput, 'title' | 'description' | 'self' | 'page'> & {
    /** Oldest first, as the archive holds them. */
    articles: readonly SiteArticle[];
  },
): Promise<Response> {
  const archive = await getArchive();
  const articles = feed.articles.slice(-FEED_ITEMS).reverse();
  const images = await feedImages(articles, site);
  return rss(
    feedOptions({
      ...feed,
      site,
      articles,
      categories: (article) => topicsOf(archive, article).map((topic) => topic.name),
      image: (article) => images.get(article.id),
    }),
  );
}
