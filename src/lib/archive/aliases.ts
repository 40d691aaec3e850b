import type { ArticleRecord } from './article-record.ts';

export interface AliasRoute<T> {
  /** The former path as a collection-style id: `2022/01/11/old-slug`. */
  path: string;
  /** The article that now lives elsewhere. */
  article: T;
}

/**
 * Redirect routes for articles' former URLs (front matter `aliases`, site
 * paths such as `/2022/01/11/old-slug/`). An alias that is another article's
 * current path, or that two articles claim, is an error; every clash is listed.
 */
export function aliasRoutes<T extends ArticleRecord>(
  articles: readonly T[],
  aliasesOf: (article: T) => readonly string[],
): AliasRoute<T>[] {
  const current = new Set(articles.map((a) => a.id));
  const claimed = new Map<string, T>();
  const problems: string[] = [];
  for (const article of articles) {
    for (const alias of aliasesOf(article)) {
      const path = alias.replace(/^\/+|\/+$/g, '');
      const owner = claimed.get(path);
      if (path === article.id) problems.push(`  ${article.id}: the alias ${alias} is the article's own address; remove it.`);
      else if (current.has(path))
        problems.push(`  ${article.id}: the alias ${alias} is the address of another article; remove the alias or rename that article.`);
      else if (owner) problems.push(`  ${article.id}: the alias ${alias} is also claimed by ${owner.id}; keep it on one article only.`);
      else claimed.set(path, article);
    }
  }
  if (problems.length > 0) throw new Error(`${problems.length} article alias(es) cannot become redirect pages:\n${problems.join('\n')}`);
  return [...claimed].map(([path, article]) => ({ path, article }));
}
