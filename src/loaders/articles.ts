import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import type { DataEntry, DataStore } from 'astro/loaders';
import { articleHtmlDir, writeArticleHtml } from '../lib/article-html-store.ts';
import { countWords } from '../lib/reading-time.ts';

export interface ArticlesLoaderOptions {
  /** The `articles/` folder of the archive, relative to the project root. */
  base: string;
}

/**
 * Astro's `glob()` loader for `<yyyy>/<mm>/<dd>/<slug>.md|.mdx`, with the
 * same parsing, schema, digests, Markdown processor and dev-server reloads,
 * but with a lean data store: a plain Markdown entry keeps only its front
 * matter there, and its rendered HTML and word count go to a file of its own
 * (`src/lib/article-html-store.ts`), read back when its page renders. MDX
 * entries (compiled modules), entries whose Markdown uses local images (Astro
 * must process those) and entries that failed to render are stored as
 * `glob()` stores them.
 */
export function articlesLoader(options: ArticlesLoaderOptions): Loader {
  const inner = glob({
    base: options.base,
    pattern: '**/*.{md,mdx}',
    generateId: ({ entry }) => entry.replace(/\.mdx?$/, ''),
  });
  return {
    name: 'arkhiv:articles',
    load: (context: LoaderContext) => inner.load({ ...context, store: leanStore(context.store, articleHtmlDir(context.config.cacheDir)) }),
  };
}

/** Whether the body of a stored entry is in its own file rather than in the data store. */
export function hasHtmlFile(entry: Pick<DataEntry, 'rendered' | 'deferredRender'>): boolean {
  return !entry.rendered && !entry.deferredRender;
}

function slim(entry: DataEntry, dir: string): DataEntry {
  const { rendered, body, ...rest } = entry;
  const usesImages = (rendered?.metadata?.imagePaths?.length ?? 0) > 0;
  if (!rendered || entry.deferredRender || usesImages) return entry;
  writeArticleHtml(dir, entry.id, { digest: String(entry.digest), html: rendered.html, words: countWords(body ?? '') });
  return rest;
}

/** The store `glob()` writes to, with the bodies of plain Markdown entries moved out to files. */
function leanStore(store: DataStore, dir: string): DataStore {
  return new Proxy(store, {
    get(target, property) {
      if (property === 'set') return (entry: DataEntry) => target.set(slim(entry, dir));
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
