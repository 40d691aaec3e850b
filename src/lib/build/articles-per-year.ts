import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const ARTICLE_FILE = /^\d{2}\/\d{2}\/[^/]+\.mdx?$/;

/**
 * Article files per year of an archive (`articles/<yyyy>/<mm>/<dd>/<slug>.md(x)`),
 * read from the folder names alone so that it costs no parsing: the input of
 * the index-part and shard plans, which must not depend on what a build has
 * rendered so far.
 */
export function articlesPerYear(contentDir: string): Map<number, number> {
  const articles = join(contentDir, 'articles');
  const counts = new Map<number, number>();
  if (!existsSync(articles)) return counts;
  for (const year of readdirSync(articles)) {
    if (!/^\d{4}$/.test(year)) continue;
    const files = readdirSync(join(articles, year), { recursive: true, encoding: 'utf8' }).filter((path) =>
      ARTICLE_FILE.test(path.replace(/\\/g, '/')),
    );
    if (files.length > 0) counts.set(Number(year), files.length);
  }
  return counts;
}
