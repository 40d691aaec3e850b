import { Worker } from 'node:worker_threads';
import type { TopicData } from '#lib/archive/topic-schema.ts';
import type { AuthorData } from '#lib/archive/author-schema.ts';
import { runJob, type ItemJob, type JobOutcome } from './item-jobs.ts';
import type { PrepareContext } from './prepare-item.ts';
import type { SourcePlace } from './types.ts';

/** Items queued on the worker at a time: enough that it never waits while this thread places results. */
export const WORKER_BACKLOG = 48;
/** A file with fewer items (jobs) is prepared on this thread alone (starting a worker costs about a second). */
export const MIN_ITEMS_FOR_WORKER = 1000;
/** Input of at least this many bytes (about 1,000 news items) starts the worker before the first file is read. */
export const MIN_BYTES_FOR_WORKER = 4_000_000;

/** Yields to the event loop, so that the worker's finished items are received and it is given more. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Prepares items on two threads (this one and one worker), since preparing
 * is pure per item and takes most of an ingest's time. The worker is kept
 * `WORKER_BACKLOG` items ahead; this thread prepares the next unassigned
 * item whenever the next result in input order is not ready, so both stay
 * busy and this thread's own share shrinks by the time placing takes.
 * Results are handed over in input order, so duplicates, slugs and the
 * report are exactly those of a one-thread run. Custom sanitising rules
 * (functions) cannot cross to a worker: with them everything runs here.
 */
export class PreparePool {
  private worker?: Worker;
  private readonly pending = new Map<number, { resolve: (outcome: JobOutcome) => void; reject: (error: Error) => void }>();
  private nextId = 0;
  private readonly context: PrepareContext;
  private readonly topics: readonly TopicData[];
  private readonly authors: readonly AuthorData[];

  /** `topics` and `authors` are what `context.taxonomy` and `context.authors` were made from: the worker makes its own. */
  constructor(context: PrepareContext, topics: readonly TopicData[], authors: readonly AuthorData[] = []) {
    this.context = context;
    this.topics = topics;
    this.authors = authors;
  }

  /** Starts the worker ahead of `prepareAll`, so that it is ready when the first large file has been read. */
  start(): void {
    if (!this.context.sanitize) this.startWorker();
  }

  private startWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./prepare-worker.ts', import.meta.url), {
      workerData: {
        topics: this.topics,
        authors: this.authors,
        ...(this.context.fallbackDate ? { fallbackDate: this.context.fallbackDate } : {}),
        ...(this.context.createTopics ? { createTopics: true } : {}),
        ...(this.context.archiveDir ? { archiveDir: this.context.archiveDir } : {}),
      },
    });
    worker.on('message', ({ id, outcome }: { id: number; outcome: JobOutcome }) => {
      this.pending.get(id)?.resolve(outcome);
      this.pending.delete(id);
    });
    // A failure inside the worker is a bug, as it would be on this thread: every waiting item fails with it.
    worker.on('error', (error) => {
      for (const { reject } of this.pending.values()) reject(error);
      this.pending.clear();
    });
    this.worker = worker;
    return worker;
  }

  private onWorker(job: ItemJob): Promise<JobOutcome> {
    const worker = this.startWorker();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      // A job that threw on the worker (whose stack is not this thread's) is run again here, so the verdict is this thread's.
      this.pending.set(id, {
        resolve: (outcome) => resolve('thrown' in outcome && outcome.thrown ? runJob(job, this.context) : outcome),
        reject,
      });
      worker.postMessage({ id, job });
    });
  }

  /** Prepares `jobs`, handing each outcome in input order to `use` as soon as it and all before it are ready. */
  async prepareAll(jobs: ItemJob[], use: (place: SourcePlace, outcome: JobOutcome) => void): Promise<void> {
    if (this.context.sanitize || jobs.length < MIN_ITEMS_FOR_WORKER) {
      for (const [i, job] of jobs.entries()) {
        use(job.place, await runJob(job, this.context));
        jobs[i] = undefined as never;
      }
      return;
    }
    const outcomes: Array<JobOutcome | undefined> = new Array(jobs.length);
    // Jobs on the worker, by input index: settled once the outcome is in `outcomes`.
    const waiting = new Map<number, Promise<void>>();
    let assigned = 0;
    let placed = 0;
    while (placed < jobs.length) {
      while (waiting.size < WORKER_BACKLOG && assigned < jobs.length) {
        const index = assigned++;
        const done = this.onWorker(jobs[index]!).then((outcome) => {
          outcomes[index] = outcome;
          waiting.delete(index);
        });
        // Awaited below in input order; a worker failure rejects every waiting job, and the first one awaited ends the run.
        done.catch(() => undefined);
        waiting.set(index, done);
      }
      while (placed < jobs.length && outcomes[placed] !== undefined) {
        use(jobs[placed]!.place, outcomes[placed]!);
        // The job (a tree or a line) and its outcome are no longer needed.
        jobs[placed] = undefined as never;
        outcomes[placed] = undefined;
        placed += 1;
      }
      if (placed === jobs.length) break;
      if (assigned < jobs.length) {
        const index = assigned++;
        outcomes[index] = await runJob(jobs[index]!, this.context);
        await nextTurn();
      } else await waiting.get(placed);
    }
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
  }
}
