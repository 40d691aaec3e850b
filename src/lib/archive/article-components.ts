/**
 * The components an article may use, with the attributes each accepts.
 * `npm run check` and the build reject any other component, tag or attribute
 * in article bodies (see `src/lib/safety/unsafe-content.ts`);
 * `docs/components.md` documents the same list for contributors.
 */

/** The only module an article may import from: `import { Figure } from '@arkhiv/article';`. */
export const ARTICLE_MODULE = '@arkhiv/article';

export interface ComponentSpec {
  /** Attributes the component reads; all values are plain strings. */
  attributes: readonly string[];
  /** Attributes that must be present. */
  required: readonly string[];
  /** Attributes that hold an address (checked for safe schemes). */
  urls: readonly string[];
}

export const ARTICLE_COMPONENTS: Readonly<Record<string, ComponentSpec>> = {
  Figure: { attributes: ['src', 'alt', 'caption', 'credit', 'width', 'height'], required: ['src', 'alt'], urls: ['src'] },
  PullQuote: { attributes: ['author', 'role'], required: [], urls: [] },
  SourceDocument: { attributes: ['href', 'title', 'publisher', 'date'], required: ['href', 'title'], urls: ['href'] },
  Embed: { attributes: ['url', 'title'], required: ['url', 'title'], urls: ['url'] },
};

/**
 * Inline HTML an article may contain (in `.md` as raw HTML, in `.mdx` as
 * lower-case JSX): formatting only, never anything that loads, runs or styles.
 */
export const INERT_TAGS: ReadonlySet<string> = new Set([
  'abbr',
  'b',
  'br',
  'cite',
  'del',
  'em',
  'i',
  'ins',
  'kbd',
  'mark',
  'q',
  's',
  'small',
  'strong',
  'sub',
  'sup',
  'u',
  'wbr',
]);

/** Attributes allowed on inert tags. */
export const INERT_ATTRIBUTES: ReadonlySet<string> = new Set(['title', 'lang', 'dir']);
