import type { APIRoute, GetStaticPaths } from 'astro';
import { t } from '../../../i18n/uk.ts';
import { getArchive, type SiteAuthor } from '../../../collections/archive.ts';
import { archiveFeed } from '../../../collections/archive-feed.ts';
import { urls } from '#lib/site/urls.ts';
import { rendersGlobalPages } from '#lib/build/shards.ts';

/** One feed per author: their newest articles. */
export const getStaticPaths = (async () => {
  // Author pages need the whole archive: in a sharded build, the global shard renders them.
  if (!rendersGlobalPages()) return [];
  const { authors } = await getArchive();
  return authors.map((author) => ({ params: { author: author.slug }, props: { author } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ author: SiteAuthor }> = async ({ site, props: { author } }) =>
  archiveFeed(site, {
    title: t('author.feedTitle', { site: t('site.name'), name: author.name }),
    description: author.bio ?? t('author.feedDescription', { name: author.name }),
    self: urls.authorFeed(author.slug),
    page: urls.author(author.slug),
    articles: (await getArchive()).byAuthor.get(author.slug) ?? [],
  });
