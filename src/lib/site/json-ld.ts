/**
 * Serialises structured data for a `<script type="application/ld+json">`
 * element. `<`, `>` and `&` become JSON escapes, so no text in the data
 * (a headline such as `</script><script>…`) can end the element early;
 * U+2028/U+2029 are escaped for old parsers. The result is still JSON.
 */
export function serialiseJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export interface NewsArticleInput {
  /** Absolute URL of the article page. */
  url: string;
  headline: string;
  description: string;
  /** ISO 8601. */
  datePublished: string;
  /** The article's photo, or the absolute URL of the site's preview image. */
  image?: string | NewsImage;
  /** ISO 8601, when the article was updated. */
  dateModified?: string;
  /** Topic names, most relevant first. */
  topics: readonly string[];
  lang: string;
  publisher: { name: string; url: string; logo?: string };
  /** The people in the byline, in its order, with the absolute URLs of their pages. */
  authors?: ReadonlyArray<{ name: string; url: string }>;
  /** The original publication, when known. */
  source?: { name?: string; url?: string };
}

/** A photo of an article: its absolute URL and what is known of it. */
export interface NewsImage {
  url: string;
  width?: number | undefined;
  height?: number | undefined;
  caption?: string | undefined;
}

function imageObject(image: NewsImage): Record<string, unknown> {
  return {
    '@type': 'ImageObject',
    url: image.url,
    ...(image.width ? { width: image.width } : {}),
    ...(image.height ? { height: image.height } : {}),
    ...(image.caption ? { caption: image.caption } : {}),
  };
}

/** A schema.org `NewsArticle` for one article page. */
export function newsArticle(input: NewsArticleInput): Record<string, unknown> {
  const data: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: input.headline,
    description: input.description,
    url: input.url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': input.url },
    datePublished: input.datePublished,
    inLanguage: input.lang,
    publisher: {
      '@type': 'Organization',
      name: input.publisher.name,
      url: input.publisher.url,
      ...(input.publisher.logo ? { logo: { '@type': 'ImageObject', url: input.publisher.logo } } : {}),
    },
  };
  if (input.authors && input.authors.length > 0) data.author = input.authors.map(({ name, url }) => ({ '@type': 'Person', name, url }));
  if (input.image) data.image = [typeof input.image === 'string' ? input.image : imageObject(input.image)];
  if (input.dateModified) data.dateModified = input.dateModified;
  if (input.topics.length > 0) {
    data.articleSection = input.topics[0];
    data.keywords = input.topics.join(', ');
  }
  if (input.source?.url || input.source?.name) {
    data.isBasedOn = {
      '@type': 'CreativeWork',
      ...(input.source.name ? { name: input.source.name } : {}),
      ...(input.source.url ? { url: input.source.url } : {}),
    };
  }
  return data;
}
