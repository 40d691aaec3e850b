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
  /** Absolute URL of the preview image. */
  image?: string;
  /** ISO 8601, when the article was updated. */
  dateModified?: string;
  /** Topic names, most relevant first. */
  topics: readonly string[];
  lang: string;
  publisher: { name: string; url: string; logo?: string };
  /** The original publication, when known. */
  source?: { name?: string; url?: string };
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
  if (input.image) data.image = [input.image];
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
