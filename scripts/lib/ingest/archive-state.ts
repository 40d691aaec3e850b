import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArticlePath, splitFrontMatter } from '#lib/archive/article-file.ts';
import { bodyTextForComparison, listArchive, readArchivedArticle } from '#lib/archive/archive-files.ts';
import { NearDuplicateIndex, type DuplicateMatch, type TextSignature } from './near-duplicates.ts';
import { SlugRegistry } from './slug-registry.ts';

/** An article known to this run: archived on disk, or new from the input. */
export interface KnownArticle {
  /** `file:line` of a new item, or the archive path of an archived one. */
  label: string;
  /** Archive path (relative to the content folder), when it has one. */
  path?: string;
  archived: boolean;
  /** For an archived article: the first input item of this run found to be it (later ones are duplicates). */
  seenBy?: string;
}

/**
 * What the ingest knows of the archive while it runs: ids (an item already
 * archived is `unchanged`), slugs (new ones must be unique), and two
 * near-duplicate indexes. The run index holds this run's items in input
 * order (written or found unchanged), compared on their text in memory; it
 * is consulted first, and a second run of the same input builds it exactly
 * as the first did, so an item judged a near duplicate of an earlier item of
 * the input stays one. The archive index holds the archive as it was when the
 * run began; archived bodies are not kept in memory, a candidate's text is
 * read again from disk.
 */
export class ArchiveState {
  readonly slugs: SlugRegistry;
  private readonly contentDir: string;
  private readonly byId = new Map<string, KnownArticle>();
  /** Comparable text of this run's items (see `runIndex`). */
  private readonly runTexts = new Map<KnownArticle, string>();
  private readonly index: NearDuplicateIndex<KnownArticle>;
  private readonly runIndex: NearDuplicateIndex<KnownArticle>;

  private constructor(contentDir: string, slugs: string[]) {
    this.contentDir = contentDir;
    this.slugs = new SlugRegistry(slugs);
    this.index = new NearDuplicateIndex<KnownArticle>((known) => this.textOf(known));
    this.runIndex = new NearDuplicateIndex<KnownArticle>(() => '', { comparableOf: (known) => this.runTexts.get(known) ?? '' });
  }

  /** Reads every article of the archive once (id, slug, comparison text). */
  static async load(contentDir: string, onProgress?: (done: number, total: number) => void): Promise<ArchiveState> {
    const listing = await listArchive(contentDir);
    const slugs = listing.articles.map((path) => parseArticlePath(path)?.slug).filter((slug): slug is string => Boolean(slug));
    const state = new ArchiveState(contentDir, slugs);
    for (const [n, path] of listing.articles.entries()) {
      const article = readArchivedArticle(contentDir, path);
      const known: KnownArticle = { label: path, path, archived: true };
      if (article.id && !state.byId.has(article.id)) state.byId.set(article.id, known);
      state.index.add(known, article.text);
      onProgress?.(n + 1, listing.articles.length);
    }
    return state;
  }

  private textOf(known: KnownArticle): string {
    const text = readFileSync(join(this.contentDir, known.path!), 'utf8');
    const split = splitFrontMatter(text);
    return bodyTextForComparison(split && !('error' in split) ? split.body : text);
  }

  /** The article (archived or new in this run) with this id. */
  byArticleId(id: string): KnownArticle | undefined {
    return this.byId.get(id);
  }

  /** A known article that the text of `signature` nearly duplicates: the most similar of this run's items, else of the archive. */
  nearDuplicate(signature: TextSignature): DuplicateMatch<KnownArticle> | undefined {
    return this.runIndex.find(signature) ?? this.index.find(signature);
  }

  /** Registers a new article of this run, so later items are compared with it too. */
  addNew(known: KnownArticle, id: string, signature: TextSignature): void {
    this.byId.set(id, known);
    this.addToRun(known, signature);
  }

  /** Registers an item of this run found already archived (`unchanged`): later items are compared with it as in the run that wrote it. */
  addToRun(known: KnownArticle, signature: TextSignature): void {
    this.runTexts.set(known, signature.plain);
    this.runIndex.add(known, signature);
  }
}
