import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { t } from '../../../i18n/uk.ts';
import { getArchive, topicsOf, type SiteTopic } from '../../../collections/archive.ts';
import { feedImages } from '../../../collections/lead-image.ts';
import { feedOptions } from '#lib/site/feed.ts';
import { FEED_ITEMS } from '#lib/site/site-config.ts';
import { urls } from '#lib/site/urls.ts';
import { rendersGlobalPages } from '#lib/build/shards.ts';

/** One feed per topic: its newest articles. */
export const getStaticPaths = (async () => {
  // Topic pages need the whole archive: in a sharded build, the global shard renders them.
  if (!rendersGlobalPages()) return [];
  const { topics } = await getArchive();
  return topics.map((topic) => ({ params: { topic: topic.slug }, props: { topic } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ topic: SiteTopic }> = async ({ site, props: { topic } }) => {
  const archive = await getArchive();
  const articles = (archive.byTopic.get(topic.slug) ?? []).slice(-FEED_ITEMS).reverse();
  const images = await feedImages(articles, site);
  return rss(
    feedOptions({
      title: t('feed.topicTitle', { site: t('site.name'), topic: topic.name }),
      description: topic.description ?? t('feed.topicDescription', { topic: topic.name }),
      site,
      self: urls.topicFeed(topic.slug),
      page: urls.topic(topic.slug),
      articles,
      categories: (article) => topicsOf(archive, article).map((tp) => tp.name),
      image: (article) => images.get(article.id),
    }),
  );
};
