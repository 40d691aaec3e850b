import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArticlePath } from '#lib/archive/article-file.ts';
import { InvalidArchiveError } from '#lib/archive/archive-problem.ts';
import { listArchive, readArchivedArticle } from '#lib/archive/archive-files.ts';
import { sortProblems, type Problem } from '#lib/problems.ts';
import { NearDuplicateIndex, type DuplicateMatch, type TextSignature } from './near-duplicates.ts';
import { aliasSlug, SlugRegistry } from './slug-registry.ts';
import type { PlannedWrite } from './write-plan.ts';

/** An article known to this run: archived on disk, or new from the input. */
export interface KnownArticle {
  /** `file:line` of a new item, or the archive path of an archived one. */
  label: string;
  /** Archive path (relative to the content folder), when it has one. */
  path?: string;
  archived: boolean;
  /** For an archived article: the first input item of this run found to be it (later ones are duplicates). */
  seenBy?: string;
  /** The write this run plans for it: a new article, or an update of an archived one. */
  write?: PlannedWrite;
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

  /**
   * Reads every article of the archive once (id, slug, comparison text) with
   * the reader the build and `npm run check` use. Rejects with an
   * `InvalidArchiveError` listing every file they would reject (paths
   * relative to the working folder), before anything is written.
   */
  static async load(contentDir: string, onProgress?: (done: number, total: number) => void): Promise<ArchiveState> {
    const listing = await listArchive(contentDir);
    const slugs = listing.articles.map((path) => parseArticlePath(path)?.slug).filter((slug): slug is string => Boolean(slug));
    const state = new ArchiveState(contentDir, slugs);
    const problems: Problem[] = [];
    for (const [n, path] of listing.articles.entries()) {
      const { article, problems: found } = readArchivedArticle(contentDir, path, path);
      // Named from the working folder, as the build and `npm run check` name them; only a rejected file needs the name.
      problems.push(...found.map((problem) => ({ ...problem, file: relative(process.cwd(), join(contentDir, path)) })));
      if (article) {
        const known: KnownArticle = { label: path, path, archived: true };
        if (article.id && !state.byId.has(article.id)) state.byId.set(article.id, known);
        state.index.add(known, article.text);
        // A former address still leads to its article: a new article must not take it.
        for (const alias of article.aliases) state.slugs.take(aliasSlug(alias));
      }
      onProgress?.(n + 1, listing.articles.length);
    }
    if (problems.length > 0) throw new InvalidArchiveError(sortProblems(problems), 'запустіть npm run ingest знову');
    return state;
  }

  private textOf(known: KnownArticle): string {
    // The file was read without problems when the run began.
    return readArchivedArticle(this.contentDir, known.path!, known.path!).article?.text ?? '';
  }

  /** The file of a known article as this run would leave it so far: the planned write, else what is on disk (`undefined` if it is gone). */
  currentBytes(known: KnownArticle): Uint8Array | undefined {
    if (known.write) return known.write.content;
    try {
      return readFileSync(join(this.contentDir, known.path!));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  /** The article (archived or new in this run) with this id. */
  byArticleId(id: string): KnownArticle | undefined {
    return this.byId.get(id);
  }

  /**
   * A known article that the text of `signature` nearly duplicates: the most
   * similar of this run's items, else of the archive (of the archive alone with `archivedOnly`).
   */
  nearDuplicate(signature: TextSignature, options: { archivedOnly?: boolean } = {}): DuplicateMatch<KnownArticle> | undefined {
    return (options.archivedOnly ? undefined : this.runIndex.find(signature)) ?? this.index.find(signature);
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
