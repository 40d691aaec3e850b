import { createHash } from 'node:crypto';

/**
 * Cache keys for Astro's incremental build (`experimental.incrementalBuild`):
 * a page whose key and templates are unchanged is copied from the last build
 * instead of rendered. A key must therefore change whenever anything the
 * page shows changes: an article's page shows its own file, its topics'
 * names, and the titles and dates of its neighbours and related articles.
 */

/** Identifies one version of an article: its id and the digest of its file. */
export interface Versioned {
  id: string;
  entry: { digest?: string | number | undefined };
}

/** A short key for a list of parts (undefined parts count as empty). */
export function cacheKey(parts: ReadonlyArray<string | number | undefined>): string {
  const hash = createHash('sha1');
  for (const part of parts) hash.update(`${part ?? ''}\u0000`);
  return hash.digest('base64url');
}

/** One version of an article, as a part of a key. */
export function version(article: Versioned | undefined): string {
  return article ? `${article.id}@${article.entry.digest ?? ''}` : '';
}
