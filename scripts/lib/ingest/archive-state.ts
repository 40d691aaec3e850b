import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArticlePath } from '#lib/archive/article-file.ts';
import { InvalidArchiveError } from '#lib/archive/archive-problem.ts';
import { archivedArticleFromBytes, listArchive, readArchivedArticle, type ArchivedArticle } from '#lib/archive/archive-files.ts';
import { rulesKey, StatCache } from '#lib/files/stat-cache.ts';
import { sortProblems, type Problem } from '#lib/problems.ts';
import { NearDuplicateIndex, textSignature, type DuplicateMatch, type TextSignature } from './near-duplicates.ts';
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

/** What the ingest keeps of an archived article between runs (`StatCache`): all it needs unless the article is a candidate duplicate. */
interface ArchivedFacts {
  id?: string;
  aliases: string[];
  /** The text's sampled trigrams (`textSignature`), as base64 of 32-bit little-endian words. */
  samples: string;
}

/** The modules whose rules decide `ArchivedFacts`: a change to any of them voids the kept facts. */
const FACT_MODULES = [
  '../../../src/lib/archive/archive-files.ts',
  '../../../src/lib/archive/article-source.ts',
  '../../../src/lib/archive/article-file.ts',
  './comparable-text.ts',
  './text-hashes.ts',
  './near-duplicates.ts',
  './archive-state.ts',
].map((module) => new URL(module, import.meta.url));

/** The file in `cacheDir` with the facts of the archive in `contentDir` (one file per archive). */
export function archiveFactsFile(cacheDir: string, contentDir: string): string {
  return join(cacheDir, `arkhiv-ingest-${createHash('sha256').update(resolve(contentDir)).digest('hex').slice(0, 12)}.json`);
}

function factsOf(article: ArchivedArticle): ArchivedFacts {
  return {
    ...(article.id ? { id: article.id } : {}),
    aliases: article.aliases,
    samples: encodeSamples(textSignature(article.text).samples),
  };
}

const encodeSamples = (samples: readonly number[]): string => Buffer.from(Uint32Array.from(samples).buffer).toString('base64');
function decodeSamples(text: string): number[] {
  const bytes = Buffer.from(text, 'base64');
  return Array.from(new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4));
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
  private cache?: StatCache<ArchivedFacts>;

  private constructor(contentDir: string, slugs: string[]) {
    this.contentDir = contentDir;
    this.slugs = new SlugRegistry(slugs);
    this.index = new NearDuplicateIndex<KnownArticle>((known) => this.textOf(known));
    this.runIndex = new NearDuplicateIndex<KnownArticle>(() => '', { comparableOf: (known) => this.runTexts.get(known) ?? '' });
  }

  /**
   * Reads every article of the archive once (id, former addresses,
   * comparison samples) with the reader the build and `npm run check` use,
   * or takes what an earlier run kept in `cacheFile` for the files unchanged
   * since (same modification time and size), so that ingesting a few items
   * reads only the archive's changed files; what it learnt is kept by
   * `keepWritten` or `saveFacts`, one write per run. Rejects with an
   * `InvalidArchiveError` listing every file they would reject (paths
   * relative to the working folder), before anything is written.
   */
  static async load(contentDir: string, onProgress?: (done: number, total: number) => void, cacheFile?: string): Promise<ArchiveState> {
    const listing = await listArchive(contentDir);
    const slugs = listing.articles.map((path) => parseArticlePath(path)?.slug).filter((slug): slug is string => Boolean(slug));
    const state = new ArchiveState(contentDir, slugs);
    const cache = cacheFile ? new StatCache<ArchivedFacts>(cacheFile, rulesKey([resolve(contentDir)], FACT_MODULES)) : undefined;
    if (cache) state.cache = cache;
    const problems: Problem[] = [];
    for (const [n, path] of listing.articles.entries()) {
      const facts = state.archivedFacts(path, problems);
      if (facts) {
        const known: KnownArticle = { label: path, path, archived: true };
        if (facts.id && !state.byId.has(facts.id)) state.byId.set(facts.id, known);
        state.index.add(known, { samples: decodeSamples(facts.samples) });
        // A former address still leads to its article: a new article must not take it.
        for (const alias of facts.aliases) state.slugs.take(aliasSlug(alias));
      }
      onProgress?.(n + 1, listing.articles.length);
    }
    if (problems.length > 0) throw new InvalidArchiveError(sortProblems(problems), 'запустіть npm run ingest знову');
    return state;
  }

  /** One archived article's facts: kept from an earlier run while its file is unchanged, else read (its problems added to `problems`). */
  private archivedFacts(path: string, problems: Problem[]): ArchivedFacts | undefined {
    const { cache } = this;
    const stats = cache ? statSync(join(this.contentDir, path)) : undefined;
    const kept = stats && cache?.get(path, stats);
    if (kept) return kept;
    const { article, problems: found } = readArchivedArticle(this.contentDir, path, path);
    // Named from the working folder, as the build and `npm run check` name them; only a rejected file needs the name.
    problems.push(...found.map((problem) => ({ ...problem, file: relative(process.cwd(), join(this.contentDir, path)) })));
    if (!article) return undefined;
    const facts = factsOf(article);
    if (stats && cache && found.length === 0) cache.set(path, stats, facts);
    return facts;
  }

  /**
   * Keeps the facts of the files this run wrote, from the bytes it wrote, so
   * that the next run does not read them back: publishing after a large
   * import stays a read of the changed files only.
   */
  keepWritten(writes: ReadonlyArray<{ path: string; content: Uint8Array }>): void {
    const { cache } = this;
    if (!cache) return;
    for (const { path, content } of writes) {
      const { article, problems } = archivedArticleFromBytes(content, path, path);
      if (article && problems.length === 0) cache.set(path, statSync(join(this.contentDir, path)), factsOf(article));
    }
    cache.save();
  }

  /** Keeps what `load` learnt of the archive's files, for a run that writes nothing (`keepWritten` keeps it otherwise). */
  saveFacts(): void {
    this.cache?.save();
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
