import { rulesKey } from '../files/stat-cache.ts';
import type { Problem } from '../problems.ts';

/**
 * What the validator learnt of one article file, reusable while the file is
 * unchanged (`StatCache`): its own problems (without the file name, which
 * depends on where paths are shown from) and the facts the cross-file checks need.
 */
export interface CachedArticle {
  problems: Array<Omit<Problem, 'file'>>;
  /** `undefined` when the file could not be read as an article (no facts for cross checks). */
  facts?: { id?: string; idLine: number; aliases: Array<{ alias: string; line: number }> };
  /** The files of the archive it links by a relative address (paths under the archive folder). */
  links: string[];
}

// The modules whose rules decide a file's problems: a change to any of them invalidates every entry.
const RULE_MODULES = [
  './validate-archive.ts',
  './article-source.ts',
  './article-file.ts',
  './zod-messages.ts',
  './article-schema.ts',
  '../media/lead-image-schema.ts',
  '../safety/url-policy.ts',
  '../text/dates.ts',
  '../text/slug.ts',
  '../text/encoding.ts',
  '../text/character-references.ts',
  '../safety/served-files.ts',
];

/** The cache key for the text of the lists articles refer to (topics, authors): that text plus the validator's own source. */
export function validationCacheKey(listsText: string): string {
  return rulesKey(
    [listsText],
    RULE_MODULES.map((module) => new URL(module, import.meta.url)),
  );
}
