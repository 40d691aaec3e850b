import type { APIRoute } from 'astro';
import { t } from '../i18n/uk.ts';
import { getArchive } from '../collections/archive.ts';
import { archiveFeed } from '../collections/archive-feed.ts';
import { urls } from '#lib/site/urls.ts';

/** The site feed: the newest articles of the whole archive. */
export const GET: APIRoute = async ({ site }) =>
  archiveFeed(site, {
    title: t('feed.title', { site: t('site.name') }),
    description: t('feed.description'),
    self: urls.feed(),
    page: urls.home(),
    articles: (await getArchive()).chronological,
  });
