import { isJsonLinesFile, jsonLineItem, jsonLineValue, readJsonLine } from '../readers/read-json-items.ts';
import { readInputText, type InputFile } from './input-files.ts';
import { prepareItem, type PrepareContext, type PreparedArticle, type PrepareFailure } from './prepare-item.ts';
import { readItems, type ReadOptions } from './read-items.ts';
import type { InputError, RawItem, ReadResult, SourcePlace } from './types.ts';

/**
 * What the ingest prepares, one job per input item. A line of JSON Lines
 * is read where it is prepared, on either thread: only its text crosses
 * between threads, and the file's items are not all built before the first
 * is prepared. Other formats are read whole first (their readers need the
 * whole file) and their items are jobs as they are.
 */

/** A non-blank line of a JSON Lines file, not yet parsed. */
export interface JsonLineJob {
  text: string;
  place: SourcePlace;
}

export type ItemJob = RawItem | JsonLineJob;

/** What placing an item needs: the prepared article without its tree-sized texts (`body`, `text`), which stay where it was prepared. */
export type PlaceableArticle = Omit<PreparedArticle, 'item' | 'body' | 'text'> & { place: SourcePlace };

/** A JSON line that is not an item: reported among the file's read errors. */
export interface ReadFailure {
  readError: InputError;
}

export type JobOutcome = PlaceableArticle | PrepareFailure | ReadFailure;

/** The jobs of one input file, the errors of reading it (a file that cannot be read at all is one error), and what its reader skipped. */
export async function readJobs(
  file: InputFile,
  options: ReadOptions,
): Promise<{ jobs: ItemJob[]; errors: InputError[] } & Pick<ReadResult, 'skipped' | 'notices'>> {
  if (file.format !== 'json' || !isJsonLinesFile(file.path)) {
    const { items, ...rest } = await readItems(file, options);
    return { jobs: items, ...rest };
  }
  const read = await readInputText(file);
  if ('error' in read) return { jobs: [], errors: [read.error] };
  const jobs: JsonLineJob[] = [];
  read.text.split('\n').forEach((text, index) => {
    if (text.trim() !== '') jobs.push({ text, place: { file: file.path, line: index + 1 } });
  });
  return { jobs, errors: [] };
}

function placeable(prepared: PreparedArticle): PlaceableArticle {
  const { item, body: _body, text: _text, ...rest } = prepared;
  return { ...rest, place: item.place };
}

async function prepared(item: RawItem, context: PrepareContext): Promise<JobOutcome> {
  const result = await prepareItem(item, context);
  return 'error' in result ? result : placeable(result);
}

/** Reads (a JSON line) and prepares one job on this thread: whatever either step throws is that item's error. */
export async function runJob(job: ItemJob, context: PrepareContext): Promise<JobOutcome> {
  if (!('text' in job)) return prepared(job, context);
  const item = readJsonLine(job.text, job.place.file, job.place.line);
  if (item === undefined) throw new Error(`${job.place.file}:${job.place.line}: a blank line is not a job`);
  return 'body' in item ? prepared(item, context) : { readError: item };
}

/**
 * `runJob` on the worker, except that an exception while reading a line
 * comes back as a thrown failure, like one while preparing: the main
 * thread runs such a job again, so that its own stack decides, as in a
 * one-thread run.
 */
export async function runJobOnWorker(job: ItemJob, context: PrepareContext): Promise<JobOutcome> {
  if (!('text' in job)) return prepared(job, context);
  const parsed = jsonLineValue(job.text, job.place.file, job.place.line);
  if (parsed === undefined) throw new Error(`${job.place.file}:${job.place.line}: a blank line is not a job`);
  if (!('value' in parsed)) return { readError: parsed };
  let item: RawItem | InputError;
  try {
    item = jsonLineItem(parsed.value, job.place.file, job.place.line);
  } catch {
    return { error: '', thrown: true };
  }
  return 'body' in item ? prepared(item, context) : { readError: item };
}
