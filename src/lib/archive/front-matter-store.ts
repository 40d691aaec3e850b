import { readFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import { writeFileAtomic } from '../files/atomic-write.ts';

/** An article's front matter as the schema parsed it, and the digest of the file it was parsed from. */
interface Stored<T> {
  digest: string;
  data: T;
}

/**
 * The front matter of every article, kept beside Astro's data store, where
 * the content loader leaves each entry its id, digest and file but no data.
 * Astro writes its store as one JavaScript module that every build bundles,
 * compiles and parses again: for 20,000 articles 18 MB and about 2 s of each
 * build and publish, growing with the archive. This store is one file in
 * `node:v8`'s serialisation (which keeps dates as dates), written only when
 * an entry changed, and read once per build by the loader, which hands it to
 * the pages in memory (`shareFrontMatter`).
 *
 * An entry holds for the file bytes of its digest only, so a loader that
 * finds none for a stored entry loads that file again.
 */
export class FrontMatterStore<T> {
  private readonly file: string;
  private readonly entries: Map<string, Stored<T>>;
  private changed = false;
  /** Saved at every change (`keepSaved`). */
  private autosave = false;

  /** The store kept in `file`; empty when the file is missing or cannot be read. */
  constructor(file: string) {
    this.file = file;
    this.entries = read<T>(file);
  }

  /** The front matter of `id` parsed from the bytes of `digest`, if kept. */
  get(id: string, digest: string): T | undefined {
    const stored = this.entries.get(id);
    return stored?.digest === digest ? stored.data : undefined;
  }

  set(id: string, digest: string, data: T): void {
    this.entries.set(id, { digest, data });
    this.changed = true;
    if (this.autosave) this.save();
  }

  delete(id: string): void {
    this.changed = this.entries.delete(id) || this.changed;
    if (this.autosave) this.save();
  }

  clear(): void {
    this.changed = this.entries.size > 0 || this.changed;
    this.entries.clear();
  }

  /** Forgets every entry whose id `keep` rejects. */
  retain(keep: (id: string) => boolean): void {
    for (const id of this.entries.keys()) if (!keep(id)) this.delete(id);
  }

  /** Writes the store when an entry changed since it was read or last saved. */
  save(): void {
    if (!this.changed) return;
    writeFileAtomic(this.file, serialize(this.entries));
    this.changed = false;
  }

  /**
   * Saves the store now and after every later change: for the dev server,
   * whose changes come one at a time after its load has ended. Not during a
   * load, where saving at each of thousands of entries would write the whole
   * store thousands of times.
   */
  keepSaved(): void {
    this.save();
    this.autosave = true;
  }

  /** Every entry's front matter by id: a view that follows later changes. */
  view(): FrontMatter<T> {
    return { get: (id) => this.entries.get(id)?.data };
  }
}

/** Front matter by article id. */
export interface FrontMatter<T> {
  get(id: string): T | undefined;
}

function read<T>(file: string): Map<string, Stored<T>> {
  try {
    const value: unknown = deserialize(readFileSync(file));
    return value instanceof Map ? (value as Map<string, Stored<T>>) : new Map();
  } catch {
    return new Map();
  }
}

/**
 * Where the loader leaves the front matter for the pages. The content
 * loader and the pages run in one process but are two module graphs (the
 * loader is loaded for the content sync, the pages from the bundle that
 * follows), each with its own copy of this module, so the hand-over goes
 * through a global slot.
 */
const SLOT = Symbol.for('arkhiv.front-matter');

/** Hands the articles' front matter to the pages of this process. */
export function shareFrontMatter<T>(frontMatter: FrontMatter<T>): void {
  (globalThis as Record<symbol, unknown>)[SLOT] = frontMatter;
}

/** The articles' front matter the content loader handed over in this process, if it ran. */
export function sharedFrontMatter<T>(): FrontMatter<T> | undefined {
  return (globalThis as Record<symbol, unknown>)[SLOT] as FrontMatter<T> | undefined;
}
