import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { t } from '../../../i18n/uk.ts';
import { getArchive, topicsOf, type SiteAuthor } from '../../../collections/archive.ts';
import { feedImages } from '../../../collections/lead-image.ts';
import { feedOptions } from '#lib/site/feed.ts';
import { FEED_ITEMS } from '#lib/site/site-config.ts';
import { urls } from '#lib/site/urls.ts';
import { rendersGlobalPages } from '#lib/build/shards.ts';

/** One feed per author: their newest articles. */
export const getStaticPaths = (async () => {
  // Author pages need the whole archive: in a sharded build, the global shard renders them.
  if (!rendersGlobalPages()) return [];
  const { authors } = await getArchive();
  return authors.map((author) => ({ params: { author: author.slug }, props: { author } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ author: SiteAuthor }> = async ({ site, props: { author } }) => {
  const archive = await getArchive();
  const articles = (archive.byAuthor.get(author.slug) ?? []).slice(-FEED_ITEMS).reverse();
  const images = await feedImages(articles, site);
  return rss(
    feedOptions({
      title: t('author.feedTitle', { site: t('site.name'), name: author.name }),
      description: author.bio ?? t('author.feedDescription', { name: author.name }),
      site,
      self: urls.authorFeed(author.slug),
      page: urls.author(author.slug),
      articles,
      categories: (article) => topicsOf(archive, article).map((tp) => tp.name),
      image: (article) => images.get(article.id),
    }),
  );
};
