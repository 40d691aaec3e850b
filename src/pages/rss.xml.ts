import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { t } from '../i18n/uk.ts';
import { getArchive, topicsOf } from '../collections/archive.ts';
import { feedOptions } from '#lib/site/feed.ts';
import { FEED_ITEMS } from '#lib/site/site-config.ts';
import { urls } from '#lib/site/urls.ts';

/** The site feed: the newest articles of the whole archive. */
export const GET: APIRoute = async ({ site }) => {
  const archive = await getArchive();
  return rss(
    feedOptions({
      title: t('feed.title', { site: t('site.name') }),
      description: t('feed.description'),
      site,
      self: urls.feed(),
      page: urls.home(),
      articles: archive.chronological.slice(-FEED_ITEMS).reverse(),
      categories: (article) => topicsOf(archive, article).map((topic) => topic.name),
    }),
  );
};
