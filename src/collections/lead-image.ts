import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { ArticleRecord } from '#lib/archive/article-record.ts';
import { ImageCache, removeOtherVariants, type LocalImage } from '#lib/media/image-cache.ts';
import { isLocalImage, type LeadImage } from '#lib/media/lead-image-schema.ts';
import { planVariants, ROLES, srcset, VARIANT_MEDIA_TYPE, type ImageRole } from '#lib/media/variant-plan.ts';
import type { FeedImage } from '#lib/site/feed.ts';
import { absoluteUrl, paths, urls } from '#lib/site/urls.ts';

/** Set by `src/integrations/media.ts`: the archive folder, the variants' cache and the site's output folder. */
declare const __ARKHIV_MEDIA__: { archive: string; cache: string; out: string };

const folders = __ARKHIV_MEDIA__;
const cache = new ImageCache(folders.cache);

/** A lead photo as a page shows it: `<img>` attributes and the figure's text. */
export interface PageImage {
  src: string;
  srcset?: string | undefined;
  sizes?: string | undefined;
  width?: number | undefined;
  height?: number | undefined;
  alt: string;
  caption?: string | undefined;
  credit?: string | undefined;
}

/** A lead photo as previews and feeds carry it: an absolute URL, its description and what is known of it (local photos are served as WebP). */
export interface SharedImage extends FeedImage {
  alt: string;
}

const sourcePath = (image: LeadImage): string => join(folders.archive, image.src);

async function localSource(article: ArticleRecord, image: LeadImage): Promise<LocalImage> {
  try {
    return await cache.source(sourcePath(image));
  } catch (cause) {
    throw new Error(
      `The lead photo of ${article.id} (image.src: ${image.src}) cannot be used: ${(cause as Error).message} Run npm run check to see how to fix it.`,
      { cause },
    );
  }
}

/**
 * The lead photo of `article` as `role` shows it; `undefined` when it has
 * none, and for a remote photo in a list: a list page loads nothing from
 * another host (only the article page itself shows a remote photo).
 */
export async function pageImage(article: ArticleRecord, role: ImageRole): Promise<PageImage | undefined> {
  const { image } = article;
  if (!image) return undefined;
  const text = { alt: image.alt, caption: image.caption, credit: image.credit };
  if (!isLocalImage(image.src)) return role === 'lead' ? { src: image.src, width: image.width, height: image.height, ...text } : undefined;
  const source = await localSource(article, image);
  // The dev server has no build output: it shows the original file, which Vite serves from the project.
  if (import.meta.env.DEV) return { src: `/@fs${source.path}`, width: source.width, height: source.height, ...text };
  const variants = planVariants(source, role);
  const widest = variants.at(-1)!;
  const folder = urls.article(article.id);
  return {
    src: `${folder}${widest.name}`,
    srcset: srcset(variants, folder),
    sizes: ROLES[role].sizes,
    width: widest.width,
    height: widest.height,
    ...text,
  };
}

/**
 * Copies every variant of the article's local lead photo into the folder of
 * its page: the sizes of the page itself and of the lists that show it. The
 * article page does this, so the files belong to the shard that renders the
 * article's year, and a page copied from the last build keeps its files.
 */
export async function publishLeadImage(article: ArticleRecord): Promise<void> {
  if (import.meta.env.DEV) return;
  const { image } = article;
  const folder = join(folders.out, paths.article(article.id));
  // A photo taken out of the article, or made remote, leaves no files behind.
  if (!image || !isLocalImage(image.src)) return removeOtherVariants(folder, []);
  const source = await localSource(article, image);
  await cache.publish(source, [...planVariants(source, 'lead'), ...planVariants(source, 'thumbnail')], folder);
}

/** The lead photo for link previews, JSON-LD and feeds: the widest size of a local photo, or the remote address. */
export async function sharedImage(article: ArticleRecord, site: URL | undefined): Promise<SharedImage | undefined> {
  const { image } = article;
  if (!image) return undefined;
  if (!isLocalImage(image.src)) return { url: image.src, alt: image.alt, width: image.width, height: image.height };
  const source = await localSource(article, image);
  const widest = planVariants(source, 'lead').at(-1)!;
  return {
    url: absoluteUrl(`${urls.article(article.id)}${widest.name}`, site),
    alt: image.alt,
    width: widest.width,
    height: widest.height,
    type: VARIANT_MEDIA_TYPE,
    length: await cache.variantSize(source, widest),
  };
}

/**
 * The version of an article's local photo file, for cache keys of pages
 * that show it: the file's size and modification time (its bytes are read
 * only when the page is rendered). Empty for a remote photo or none.
 */
export function leadImageVersion(article: ArticleRecord): string {
  const { image } = article;
  if (!image || !isLocalImage(image.src)) return '';
  const info = statSync(sourcePath(image), { throwIfNoEntry: false });
  return info ? `${info.size}:${info.mtimeMs}` : 'missing';
}

/** The shared lead photos of `articles` by id, for a feed (`feedOptions`' `image`). */
export async function feedImages(articles: readonly ArticleRecord[], site: URL | undefined): Promise<Map<string, SharedImage>> {
  const found = await Promise.all(articles.map(async (article) => [article.id, await sharedImage(article, site)] as const));
  return new Map(found.filter((entry): entry is readonly [string, SharedImage] => entry[1] !== undefined));
}
