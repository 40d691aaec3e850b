import type { ArticleFrontMatter } from '#lib/archive/article-file.ts';
import { serializeIngestedArticle } from './article-text.ts';
import { aliasSlug, type SlugRegistry } from './slug-registry.ts';

const utf8 = new TextEncoder();
const text = new TextDecoder();

/**
 * The former addresses (`aliases`) a new article at `path` keeps: not its
 * own address (nothing to redirect), and not one whose slug another article
 * or alias of the archive already has (the old link would lead to two
 * places). Kept aliases take their slug, so no later article gets it. The
 * file is written again only when an alias was dropped; each dropped one is a
 * note for the report.
 */
export function placeAliases(
  article: { data: ArticleFrontMatter; content: Uint8Array<ArrayBuffer> },
  placed: { path: string; slug: string },
  slugs: SlugRegistry,
): { content: Uint8Array<ArrayBuffer>; notes: string[] } {
  const aliases = article.data.aliases ?? [];
  if (aliases.length === 0) return { content: article.content, notes: [] };
  const own = `/${placed.path.replace(/^articles\//, '').replace(/\.mdx?$/, '')}/`;
  const notes: string[] = [];
  const kept = aliases.filter((alias) => {
    if (alias === own) return false;
    const slug = aliasSlug(alias);
    if (slug !== placed.slug && slugs.has(slug)) {
      notes.push(`стару адресу ${alias} не перенаправлено: слаг «${slug}» уже має інша стаття чи стара адреса архіву`);
      return false;
    }
    slugs.take(slug);
    return true;
  });
  if (kept.length === aliases.length) return { content: article.content, notes };
  const file = text.decode(article.content);
  // The ingest writes `---\n<front matter>---\n\n<body>` (serializeArticle).
  const body = file.slice(file.indexOf('\n---\n', 3) + '\n---\n\n'.length);
  const { aliases: _dropped, ...rest } = article.data;
  const data: ArticleFrontMatter = kept.length > 0 ? { ...rest, aliases: kept } : rest;
  return { content: utf8.encode(serializeIngestedArticle(data, body)), notes };
}
