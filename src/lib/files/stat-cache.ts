import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, type Stats } from 'node:fs';
import { dirname } from 'node:path';
import { writeFileAtomic } from './atomic-write.ts';

interface Entry<T> {
  mtimeMs: number;
  size: number;
  value: T;
}

interface CacheFile<T> {
  key: string;
  files: Record<string, Entry<T>>;
}

/**
 * What a run learnt of each file, kept in a JSON file between runs and reused
 * while the file's modification time and size are unchanged: a later run
 * reads only the files that changed. The files stay the source of truth: a
 * missing, damaged or outdated cache file is ignored, and a cache made under
 * another `key` (other rules, another archive) is never used.
 */
export class StatCache<T> {
  private readonly path: string;
  private readonly key: string;
  private readonly previous: Record<string, Entry<T>>;
  private readonly next: Record<string, Entry<T>> = {};
  private changed = false;

  constructor(path: string, key: string) {
    this.path = path;
    this.key = key;
    let previous: Record<string, Entry<T>> = {};
    try {
      const parsed = JSON.parse(readFileSync(path, 'utf8')) as CacheFile<T>;
      if (parsed.key === key && parsed.files && typeof parsed.files === 'object') previous = parsed.files;
    } catch {
      // No cache yet, or a damaged one: every file is read.
    }
    this.previous = previous;
  }

  /** The value kept for a file (by its path under the archive), if the file has not changed since. */
  get(path: string, stats: Pick<Stats, 'mtimeMs' | 'size'>): T | undefined {
    const entry = this.previous[path];
    if (!entry || entry.mtimeMs !== stats.mtimeMs || entry.size !== stats.size) return undefined;
    this.next[path] = entry;
    return entry.value;
  }

  set(path: string, stats: Pick<Stats, 'mtimeMs' | 'size'>, value: T): void {
    this.next[path] = { mtimeMs: stats.mtimeMs, size: stats.size, value };
    this.changed = true;
  }

  /** Writes what this run kept or learnt; files this run did not ask about drop out. */
  save(): void {
    if (!this.changed && Object.keys(this.next).length === Object.keys(this.previous).length) return;
    mkdirSync(dirname(this.path), { recursive: true });
    writeFileAtomic(this.path, JSON.stringify({ key: this.key, files: this.next } satisfies CacheFile<T>));
  }
}

/**
 * A `StatCache` key: some texts the cached values depend on (a taxonomy, the
 * archive's folder) and the source of the modules whose rules compute them,
 * so that a change to any of these voids every entry.
 */
export function rulesKey(texts: readonly string[], modules: readonly URL[]): string {
  const hash = createHash('sha256');
  for (const text of texts) hash.update(text).update('\0');
  for (const module of modules) hash.update(readFileSync(module)).update('\0');
  return hash.digest('hex');
}
