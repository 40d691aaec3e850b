import { render, type CollectionEntry } from 'astro:content';
import { hasHtmlFile, readArticleHtml } from '#lib/site/article-html-store.ts';
import { countReadableWords } from '#lib/text/word-count.ts';

/** Set by `src/integrations/article-html.ts`. */
declare const __ARKHIV_ARTICLE_HTML_DIR__: string;

export type ArticleBody =
  | { html: string; words: number; Content?: undefined }
  | { html?: undefined; words: number; Content: Awaited<ReturnType<typeof render>>['Content'] };

/**
 * An article's body for its page: the stored HTML of a plain Markdown entry,
 * or the component Astro renders for MDX (and for Markdown with local images),
 * with the number of words read in it.
 */
export async function articleBody(entry: Omit<CollectionEntry<'articles'>, 'data'>): Promise<ArticleBody> {
  if (hasHtmlFile(entry)) {
    const { html, words } = await readArticleHtml(__ARKHIV_ARTICLE_HTML_DIR__, entry.id, entry.digest);
    return { html, words };
  }
  // Astro renders an entry from its file, its rendered HTML and their metadata; the data the store leaves out is not read.
  const { Content } = await render(entry as CollectionEntry<'articles'>);
  return { Content, words: countReadableWords(entry.body ?? '') };
}
