import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { compileTaxonomy, parseTaxonomy, type CompiledTaxonomy } from '#lib/archive/taxonomy.ts';
import type { TopicData } from '#lib/archive/topic-schema.ts';
import { topicSchema } from '#lib/archive/topic-schema.ts';
import { articlePath } from '#lib/archive/article-file.ts';
import { writeFileAtomic } from '#lib/files/atomic-write.ts';
import type { SanitizeOptions } from '../remark/remark-sanitize.ts';
import { collectInputFiles } from './input-files.ts';
import { ArchiveState } from './archive-state.ts';
import { readJobs, type PlaceableArticle } from './item-jobs.ts';
import { MIN_BYTES_FOR_WORKER, PreparePool } from './prepare-pool.ts';
import { countOutcomes, type IngestReport, type ReportItem } from './report.ts';
import { formatPlace } from './types.ts';

export interface IngestOptions {
  /** Files and folders to read. */
  inputs: readonly string[];
  /** The archive: holds `topics.yaml` and `articles/`. */
  contentDir: string;
  /** `YYYY-MM-DD` for items whose date cannot be determined. */
  fallbackDate?: string;
  /** Each input file is one article. */
  onePerFile?: boolean;
  /** Plan everything, write nothing. */
  dryRun?: boolean;
  /** Folder that input paths and `origin` are relative to. */
  cwd?: string;
  sanitize?: SanitizeOptions;
  /** Called as items are processed (for a progress bar). */
  onProgress?: (done: number, total: number, stage: string) => void;
}

/** A problem that stops the whole run (no taxonomy): nothing is read or written. */
export class IngestSetupError extends Error {
  override name = 'IngestSetupError';
}

async function loadTaxonomy(contentDir: string): Promise<{ topics: TopicData[]; taxonomy: CompiledTaxonomy }> {
  const path = join(contentDir, 'topics.yaml');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new IngestSetupError(`${path}: немає таксономії тем. Укажіть архів через --content <тека> (у ньому мають бути topics.yaml і articles/).`);
  }
  const topics = parseTaxonomy(text);
  const problems = topics.flatMap((topic, index) => {
    const parsed = topicSchema.safeParse(topic);
    return parsed.success ? [] : [`тема №${index + 1}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`];
  });
  if (problems.length > 0) throw new IngestSetupError(`${path}: таксономія некоректна:\n  ${problems.join('\n  ')}\nВиправте topics.yaml і запустіть знову.`);
  return { topics, taxonomy: compileTaxonomy(topics) };
}

/**
 * The ingest: read every input, normalise every item, find what is already
 * archived or duplicated, give each new article a unique path, and only then
 * write (atomically). Returns one report entry per input item.
 */
export async function runIngest(options: IngestOptions): Promise<IngestReport> {
  const cwd = options.cwd ?? process.cwd();
  const contentDir = resolve(cwd, options.contentDir);
  const { topics, taxonomy } = await loadTaxonomy(contentDir);
  const archive = await ArchiveState.load(contentDir, (done, total) => options.onProgress?.(done, total, 'архів'));
  const report: ReportItem[] = [];
  const { files, errors: fileErrors } = await collectInputFiles(options.inputs, cwd);
  for (const error of fileErrors) report.push({ source: formatPlace(error.place), outcome: 'error', reason: error.message });
  const writes: Array<{ path: string; content: Uint8Array }> = [];
  const pool = new PreparePool(
    {
      taxonomy,
      ...(options.fallbackDate ? { fallbackDate: options.fallbackDate } : {}),
      ...(options.sanitize ? { sanitize: options.sanitize } : {}),
    },
    topics,
  );
  const sizes = await Promise.all(files.map((file) => stat(file.absolute).then((info) => info.size, () => 0)));
  if (sizes.reduce((sum, size) => sum + size, 0) >= MIN_BYTES_FOR_WORKER) pool.start();
  try {
    for (const [n, file] of files.entries()) {
      const { jobs, errors } = await readJobs(file, { onePerFile: options.onePerFile ?? false });
      // A file's read errors come first in the report, then its items in input order.
      const readErrors: ReportItem[] = errors.map((error) => ({ source: formatPlace(error.place), outcome: 'error', reason: error.message }));
      const outcomes: ReportItem[] = [];
      // Prepared in parallel, placed in input order.
      await pool.prepareAll(jobs, (place, outcome) => {
        if ('readError' in outcome) readErrors.push({ source: formatPlace(outcome.readError.place), outcome: 'error', reason: outcome.readError.message });
        else if ('error' in outcome) outcomes.push({ source: formatPlace(place), outcome: 'error', reason: outcome.error });
        else outcomes.push(placeArticle(outcome, archive, writes));
      });
      for (const entry of readErrors) report.push(entry);
      for (const entry of outcomes) report.push(entry);
      options.onProgress?.(n + 1, files.length, 'вхідні файли');
    }
  } finally {
    await pool.close();
  }
  // Nothing is written until every input has been read and planned.
  if (!options.dryRun) for (const write of writes) writeFileAtomic(join(contentDir, write.path), write.content);
  return { contentDir, dryRun: options.dryRun ?? false, counts: countOutcomes(report), items: report };
}

/** Decides one prepared item's outcome and, for a new article, its path and file content. */
function placeArticle(prepared: PlaceableArticle, archive: ArchiveState, writes: Array<{ path: string; content: Uint8Array }>): ReportItem {
  const { data } = prepared;
  const source = formatPlace(prepared.place);
  const base = { source, title: data.title, id: data.id, date: data.date };
  const same = archive.byArticleId(data.id);
  if (same?.archived && !same.seenBy) {
    same.seenBy = source;
    archive.addToRun(same, prepared.signature);
    return { ...base, outcome: 'unchanged', path: same.path!, reason: `уже в архіві: ${same.path}` };
  }
  if (same?.archived) return { ...base, outcome: 'duplicate', duplicateOf: same.seenBy!, similarity: 1, path: same.path!, reason: `точний повтор ${same.seenBy} (уже в архіві: ${same.path})` };
  if (same) return { ...base, outcome: 'duplicate', duplicateOf: same.label, similarity: 1, path: same.path!, reason: `точний повтор ${same.label}` };
  const match = archive.nearDuplicate(prepared.signature);
  if (match) {
    return {
      ...base,
      outcome: 'duplicate',
      duplicateOf: match.key.label,
      similarity: Math.round(match.jaccard * 100) / 100,
      ...(match.key.path ? { path: match.key.path } : {}),
      reason: `майже повтор ${match.key.label} (схожість ${match.jaccard.toFixed(2)}, вкладеність ${match.containment.toFixed(2)})`,
    };
  }
  const { slug, clashed } = archive.slugs.claimSlug(prepared.slug);
  const path = articlePath(data.date, slug, prepared.extension);
  archive.addNew({ label: source, path, archived: false }, data.id, prepared.signature);
  writes.push({ path, content: prepared.content });
  const notes = [...prepared.notes, ...(clashed ? [`слаг «${slug}»: такий заголовок уже є в архіві, додано суфікс`] : [])];
  const reason = [...notes, ...prepared.info].join('; ');
  return { ...base, topics: data.topics ?? [], outcome: 'written', path, ...(reason ? { reason } : {}), ...(notes.length > 0 ? { attention: true } : {}) };
}
