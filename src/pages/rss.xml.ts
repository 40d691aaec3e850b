import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { t } from '../i18n/uk.ts';
import { getArchive, topicsOf } from '../collections/archive.ts';
import { feedImages } from '../collections/lead-image.ts';
import { feedOptions } from '#lib/site/feed.ts';
import { FEED_ITEMS } from '#lib/site/site-config.ts';
import { urls } from '#lib/site/urls.ts';

/** The site feed: the newest articles of the whole archive. */
export const GET: APIRoute = async ({ site }) => {
  const archive = await getArchive();
  const articles = archive.chronological.slice(-FEED_ITEMS).reverse();
  const images = await feedImages(articles, site);
  return rss(
    feedOptions({
      title: t('feed.title', { site: t('site.name') }),
      description: t('feed.description'),
      site,
      self: urls.feed(),
      page: urls.home(),
      articles,
      categories: (article) => topicsOf(archive, article).map((topic) => topic.name),
      image: (article) => images.get(article.id),
    }),
  );
};
