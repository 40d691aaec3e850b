import type { APIRoute, GetStaticPaths } from 'astro';
import { t } from '../../../i18n/uk.ts';
import { getArchive, type SiteTopic } from '../../../collections/archive.ts';
import { archiveFeed } from '../../../collections/archive-feed.ts';
import { urls } from '#lib/site/urls.ts';
import { rendersGlobalPages } from '#lib/build/shards.ts';

/** One feed per topic: its newest articles. */
export const getStaticPaths = (async () => {
  // Topic pages need the whole archive: in a sharded build, the global shard renders them.
  if (!rendersGlobalPages()) return [];
  const { topics } = await getArchive();
  return topics.map((topic) => ({ params: { topic: topic.slug }, props: { topic } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ topic: SiteTopic }> = async ({ site, props: { topic } }) =>
  archiveFeed(site, {
    title: t('feed.topicTitle', { site: t('site.name'), topic: topic.name }),
    description: topic.description ?? t('feed.topicDescription', { topic: topic.name }),
    self: urls.topicFeed(topic.slug),
    page: urls.topic(topic.slug),
    articles: (await getArchive()).byTopic.get(topic.slug) ?? [],
  });
