/**
 * Every internal URL of the site is built here, so that the site works at a
 * domain root and under a subfolder (`base`) alike. Paths are relative to the
 * base and always end in `/` (folders) or a file name (`rss.xml`).
 */

/** Astro's `base` as configured; it always ends in `/` because `trailingSlash` is `'always'`. */
const BASE: string = import.meta.env.BASE_URL ?? '/';

/** Joins a base (`/` or `/sub/`) and a path relative to it (`topics/`), without doubled slashes. */
export function joinBase(base: string, path: string): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  return `${root}${path.replace(/^\/+/, '')}`;
}

/** A site path relative to the base (`topics/`) as a root-relative URL (`/sub/topics/`). */
export function url(path = ''): string {
  return joinBase(BASE, path);
}

/** A root-relative URL made absolute against the site origin, for feeds, canonical links and sitemaps. */
export function absoluteUrl(href: string, site: URL | string | undefined): string {
  if (!site) throw new Error(`Cannot make "${href}" absolute: set "site" in astro.config.mjs or pass --site.`);
  return new URL(href, site).href;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Relative paths of every page kind; combine with `url()` or `joinBase()`. */
export const paths = {
  home: (): string => '',
  article: (id: string): string => `${id}/`,
  year: (year: number): string => `${year}/`,
  month: (year: number, month: number): string => `${year}/${pad(month)}/`,
  day: (year: number, month: number, day: number): string => `${year}/${pad(month)}/${pad(day)}/`,
  archive: (): string => 'archive/',
  topics: (): string => 'topics/',
  /** Page `null` is the topic's front page (newest articles); numbered pages are fixed chunks counted from the oldest. */
  topic: (slug: string, page: number | null = null): string => (page === null ? `topics/${slug}/` : `topics/${slug}/${page}/`),
  topicFeed: (slug: string): string => `topics/${slug}/rss.xml`,
  authors: (): string => 'authors/',
  /** Numbered like `topic`: page `null` is the author's front page (newest articles). */
  author: (slug: string, page: number | null = null): string => (page === null ? `authors/${slug}/` : `authors/${slug}/${page}/`),
  authorFeed: (slug: string): string => `authors/${slug}/rss.xml`,
  feed: (): string => 'rss.xml',
  search: (): string => 'search/',
  sitemap: (): string => 'sitemap-index.xml',
  favicon: (): string => 'favicon.svg',
  /** The site's preview image for links shared on social networks and in messengers (`public/og-image.png`). */
  shareImage: (): string => 'og-image.png',
} as const;

/** Size of `public/og-image.png`, the shape that link previews expect. */
export const SHARE_IMAGE = { width: 1200, height: 630 } as const;

type Paths = typeof paths;

/** Root-relative URLs of each page kind under the configured base: `urls.topic('viina')` is `/sub/topics/viina/`. */
export const urls = Object.fromEntries(
  Object.entries(paths).map(([name, build]) => [name, (...args: never[]) => url((build as (...a: never[]) => string)(...args))]),
) as { [K in keyof Paths]: (...args: Parameters<Paths[K]>) => string };
