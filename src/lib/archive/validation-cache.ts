import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { writeFileAtomic } from '../files/atomic-write.ts';
import type { Problem } from '../problems.ts';

/**
 * What the validator learnt of one article file, reusable while the file is
 * unchanged: its own problems (without the file name, which depends on where
 * paths are shown from) and the facts the cross-file checks need.
 */
export interface CachedArticle {
  mtimeMs: number;
  size: number;
  problems: Array<Omit<Problem, 'file'>>;
  /** `undefined` when the file could not be read as an article (no facts for cross checks). */
  facts?: { id?: string; idLine: number; aliases: Array<{ alias: string; line: number }> };
}

interface CacheFile {
  /** Hash of everything a file's result depends on besides the file itself: the taxonomy and the validator's code. */
  key: string;
  articles: Record<string, CachedArticle>;
}

// The modules whose rules decide a file's problems: a change to any of them invalidates every entry.
const RULE_MODULES = [
  './validate-archive.ts',
  './article-source.ts',
  './article-file.ts',
  './zod-messages.ts',
  './article-schema.ts',
  '../safety/url-policy.ts',
  '../text/dates.ts',
  '../text/encoding.ts',
  '../text/character-references.ts',
];

/** The cache key for the text of the lists articles refer to (topics, authors): that text plus the validator's own source. */
export function validationCacheKey(listsText: string): string {
  const hash = createHash('sha256').update(listsText);
  for (const module of RULE_MODULES) hash.update('\0').update(readFileSync(new URL(module, import.meta.url)));
  return hash.digest('hex');
}

/**
 * Per-file validation results keyed by path, modification time and size,
 * kept in a JSON file (in Astro's cache folder). The archive stays the source
 * of truth: an entry is used only while its file's mtime and size match, and
 * a missing, unreadable or outdated cache file is simply ignored.
 */
export class ValidationCache {
  private readonly path: string;
  private readonly key: string;
  private readonly previous: Record<string, CachedArticle>;
  private readonly next: Record<string, CachedArticle> = {};
  private changed = false;

  constructor(path: string, key: string) {
    this.path = path;
    this.key = key;
    let previous: Record<string, CachedArticle> = {};
    try {
      const parsed = JSON.parse(readFileSync(path, 'utf8')) as CacheFile;
      if (parsed.key === key && parsed.articles && typeof parsed.articles === 'object') previous = parsed.articles;
    } catch {
      // No cache yet, or a damaged one: validate everything.
    }
    this.previous = previous;
  }

  /** The stored result for a file, if it has not changed since. */
  get(path: string, mtimeMs: number, size: number): CachedArticle | undefined {
    const entry = this.previous[path];
    if (!entry || entry.mtimeMs !== mtimeMs || entry.size !== size) return undefined;
    this.next[path] = entry;
    return entry;
  }

  set(path: string, entry: CachedArticle): void {
    this.next[path] = entry;
    this.changed = true;
  }

  /** Writes the results of this run (files gone from the archive drop out). */
  save(): void {
    if (!this.changed && Object.keys(this.next).length === Object.keys(this.previous).length) return;
    const file: CacheFile = { key: this.key, articles: this.next };
    writeFileAtomic(this.path, JSON.stringify(file));
  }
}
