import { readFile, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { compileTaxonomy, parseTaxonomy, type CompiledTaxonomy } from '#lib/archive/taxonomy.ts';
import type { TopicData } from '#lib/archive/topic-schema.ts';
import { topicSchema } from '#lib/archive/topic-schema.ts';
import type { SanitizeOptions } from '../remark/remark-sanitize.ts';
import { collectInputFiles } from './input-files.ts';
import { ArchiveState, archiveFactsFile } from './archive-state.ts';
import { acquireIngestLock, DEFAULT_LOCK_WAIT_SECONDS, IngestLockBusyError, type IngestLock } from './ingest-lock.ts';
import { readJobs } from './item-jobs.ts';
import type { ReadOptions } from './read-items.ts';
import { placeItem, type Placement } from './place-item.ts';
import { MIN_BYTES_FOR_WORKER, PreparePool } from './prepare-pool.ts';
import { countOutcomes, skippedEntry, type IngestReport, type ReportItem } from './report.ts';
import { loadTopicMap } from './topic-map.ts';
import { formatPlace } from './types.ts';
import { authorIndex, authorsAddition, loadAuthorsFile } from './authors.ts';
import { writeListAdditions } from './list-additions.ts';
import { topicsAddition, TOPICS_FILE } from './new-topics.ts';
import { writePlanned } from './write-plan.ts';

export interface IngestOptions {
  /** Files and folders to read. */
  inputs: readonly string[];
  /** The archive: holds `topics.yaml` and `articles/`. */
  contentDir: string;
  /** `YYYY-MM-DD` for items whose date cannot be determined. */
  fallbackDate?: string;
  /** Each input file is one article. */
  onePerFile?: boolean;
  /** A YAML file mapping the source's categories and tags to topic slugs (see topic-map.ts); read by the WordPress reader. */
  topicMap?: string;
  /** `--create-topics`: a source's topic that topics.yaml lacks becomes a new topic, appended to it (see new-topics.ts). */
  createTopics?: boolean;
  /** Plan everything, write nothing. */
  dryRun?: boolean;
  /** Apply possible updates: rewrite the article with the item's version (see possible-update.ts). */
  update?: boolean;
  /** How long to wait for another ingest to release the archive, in milliseconds (default `DEFAULT_LOCK_WAIT_SECONDS`). */
  lockWaitMs?: number;
  /** `YYYY-MM-DD`, today in Kyiv unless given (for `updated`). */
  today?: string;
  /** Folder that input paths and `origin` are relative to. */
  cwd?: string;
  sanitize?: SanitizeOptions;
  /** Where the ingest keeps what it learnt of the archive's files between runs (`archiveFactsFile`); without it, every article is read on each run. */
  cacheDir?: string;
  /** Called as items are processed (for a progress bar). */
  onProgress?: (done: number, total: number, stage: string) => void;
}

/** A problem that stops the whole run (no taxonomy): nothing is read or written. */
export class IngestSetupError extends Error {
  override name = 'IngestSetupError';
}

/** The archive's taxonomy, valid or not at all, with the bytes it was read from (to append new topics only over them). */
interface Taxonomy {
  topics: TopicData[];
  taxonomy: CompiledTaxonomy;
  bytes: Uint8Array;
}

async function loadTaxonomy(contentDir: string): Promise<Taxonomy> {
  const path = join(contentDir, TOPICS_FILE);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch {
    throw new IngestSetupError(
      `${path}: немає таксономії тем. Укажіть архів через --content <тека> (у ньому мають бути topics.yaml і articles/).`,
    );
  }
  const topics = parseTaxonomy(new TextDecoder().decode(bytes));
  const problems = topics.flatMap((topic, index) => {
    const parsed = topicSchema.safeParse(topic);
    return parsed.success ? [] : [`тема №${index + 1}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`];
  });
  if (problems.length > 0)
    throw new IngestSetupError(`${path}: таксономія некоректна:\n  ${problems.join('\n  ')}\nВиправте topics.yaml і запустіть знову.`);
  return { topics, taxonomy: compileTaxonomy(topics), bytes };
}

async function lockArchive(contentDir: string, waitMs: number): Promise<IngestLock> {
  try {
    return await acquireIngestLock(contentDir, waitMs);
  } catch (error) {
    if (error instanceof IngestLockBusyError) throw new IngestSetupError(error.message);
    throw error;
  }
}

/**
 * The ingest: read every input, normalise every item, find what is already
 * archived, duplicated or updated, give each new article a unique path, and
 * only then write (atomically, never over a file the run did not read).
 * A writing run holds the archive's lock (ingest-lock.ts) from before it
 * reads the archive until it has written. Returns one report entry per
 * input item.
 */
export async function runIngest(options: IngestOptions): Promise<IngestReport> {
  const cwd = options.cwd ?? process.cwd();
  const contentDir = resolve(cwd, options.contentDir);
  const loaded = await loadTaxonomy(contentDir);
  const { topics } = loaded;
  const readOptions: ReadOptions = { onePerFile: options.onePerFile ?? false };
  if (options.topicMap) {
    const mapFile = resolve(cwd, options.topicMap);
    const topicMap = await loadTopicMap(mapFile, relative(cwd, mapFile) || mapFile, topics);
    if ('problems' in topicMap) throw new IngestSetupError(`--topic-map:\n  ${topicMap.problems.join('\n  ')}`);
    readOptions.topicMap = topicMap.map;
  }
  // A dry run writes nothing: it needs no lock and may run beside a writing ingest.
  const lock = options.dryRun ? undefined : await lockArchive(contentDir, options.lockWaitMs ?? DEFAULT_LOCK_WAIT_SECONDS * 1000);
  try {
    // New topics are appended only over the taxonomy as read: read it again under the lock, after any ingest that held it.
    const taxonomy = lock && options.createTopics ? await loadTaxonomy(contentDir) : loaded;
    return await ingestInto(contentDir, cwd, taxonomy, options, readOptions);
  } finally {
    lock?.release();
  }
}

async function ingestInto(
  contentDir: string,
  cwd: string,
  { topics, taxonomy, bytes: topicsBytes }: Taxonomy,
  options: IngestOptions,
  readOptions: ReadOptions,
): Promise<IngestReport> {
  const archive = await ArchiveState.load(
    contentDir,
    (done, total) => options.onProgress?.(done, total, 'архів'),
    options.cacheDir ? archiveFactsFile(options.cacheDir, contentDir) : undefined,
  );
  const authorsFile = await loadAuthorsFile(contentDir);
  if ('error' in authorsFile) throw new IngestSetupError(authorsFile.error);
  const report: ReportItem[] = [];
  const notices: string[] = [];
  const { files, errors: fileErrors } = await collectInputFiles(options.inputs, cwd);
  for (const error of fileErrors) report.push({ source: formatPlace(error.place), outcome: 'error', reason: error.message });
  const placement: Placement = {
    archive,
    writes: [],
    update: options.update ?? false,
    ...(options.today ? { today: options.today } : {}),
    newAuthors: new Map(),
    newTopics: new Map(),
  };
  const pool = new PreparePool(
    {
      taxonomy,
      ...(options.fallbackDate ? { fallbackDate: options.fallbackDate } : {}),
      ...(options.sanitize ? { sanitize: options.sanitize } : {}),
      authors: authorIndex(authorsFile.authors),
      ...(options.createTopics ? { createTopics: true } : {}),
      archiveDir: contentDir,
    },
    topics,
    authorsFile.authors,
  );
  const sizes = await Promise.all(
    files.map((file) =>
      stat(file.absolute).then(
        (info) => info.size,
        () => 0,
      ),
    ),
  );
  if (sizes.reduce((sum, size) => sum + size, 0) >= MIN_BYTES_FOR_WORKER) pool.start();
  try {
    for (const [n, file] of files.entries()) {
      const read = await readJobs(file, readOptions);
      const { jobs, errors } = read;
      notices.push(...(read.notices ?? []));
      // A file's read errors come first in the report, then its items in input order.
      const readErrors: ReportItem[] = errors.map((error) => ({
        source: formatPlace(error.place),
        outcome: 'error',
        reason: error.message,
      }));
      const outcomes: ReportItem[] = [];
      // Prepared in parallel, placed in input order.
      await pool.prepareAll(jobs, (place, outcome) => {
        if ('readError' in outcome)
          readErrors.push({ source: formatPlace(outcome.readError.place), outcome: 'error', reason: outcome.readError.message });
        else if ('error' in outcome) outcomes.push({ source: formatPlace(place), outcome: 'error', reason: outcome.error });
        else outcomes.push(placeItem(outcome, placement));
      });
      for (const entry of readErrors) report.push(entry);
      for (const entry of outcomes) report.push(entry);
      for (const item of read.skipped ?? []) report.push(skippedEntry(item));
      options.onProgress?.(n + 1, files.length, 'вхідні файли');
    }
  } finally {
    await pool.close();
  }
  // Nothing is written until every input has been read and planned.
  const newAuthors = [...placement.newAuthors.values()];
  const newTopics = [...placement.newTopics.values()];
  if (!options.dryRun) {
    // Topics and authors first, both or neither: an article must never name a topic or an author the archive lacks.
    const additions = [topicsAddition(contentDir, topicsBytes, newTopics), authorsAddition(contentDir, authorsFile, newAuthors)];
    const changed = writeListAdditions(additions.filter((addition) => addition !== undefined));
    if (changed)
      throw new IngestSetupError(
        `${changed} змінено чи створено під час імпорту: нових тем, авторів і статей не записано, щоб не затерти цих змін. Запустіть імпорт ще раз.`,
      );
    archive.keepWritten(writePlanned(contentDir, placement.writes));
  } else archive.saveFacts();
  return {
    contentDir,
    dryRun: options.dryRun ?? false,
    counts: countOutcomes(report),
    items: report,
    ...(notices.length > 0 ? { notices } : {}),
    ...(newTopics.length > 0 ? { newTopics: newTopics.map(({ slug, name }) => ({ slug, name })) } : {}),
    ...(newAuthors.length > 0 ? { newAuthors } : {}),
  };
}
