import { join } from 'node:path';
import { parseArticlePath } from '../archive/article-file.ts';
import { articleFileStates } from '../archive/article-file-states.ts';

/**
 * Article files per year of an archive (`articles/<yyyy>/<mm>/<dd>/<slug>.md(x)`),
 * from their paths alone so that it costs no parsing: the input of the
 * index-part and shard plans, which must not depend on what a build has
 * rendered so far.
 */
export function articlesPerYear(contentDir: string): Map<number, number> {
  return yearCounts(articleFileStates(join(contentDir, 'articles')).keys());
}

/** `articlesPerYear` of the article files at `paths` (under `articles/`, as `2022/01/11/slug.md`). */
export function yearCounts(paths: Iterable<string>): Map<number, number> {
  const counts = new Map<number, number>();
  for (const path of paths) {
    const parts = parseArticlePath(`articles/${path}`);
    if (!parts) continue;
    const year = Number(parts.date.slice(0, 4));
    counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  return counts;
}
