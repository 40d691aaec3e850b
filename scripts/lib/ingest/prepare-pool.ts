import { Worker } from 'node:worker_threads';
import type { TopicData } from '../../../src/schemas/topic.ts';
import { prepareItem, type PrepareContext, type PreparedArticle, type PrepareFailure } from './prepare-item.ts';
import type { RawItem } from './types.ts';

/** Items prepared per round: half on this thread, half on the worker. */
export const ROUND_SIZE = 64;
/** A file with fewer items is prepared on this thread alone (starting a worker costs about a second). */
export const MIN_ITEMS_FOR_WORKER = 1000;

type Prepared = PreparedArticle | PrepareFailure;

/**
 * Prepares items on two threads (this one and one worker), since preparing
 * is pure per item and takes most of an ingest's time. Results come back in
 * input order, so duplicates, slugs and the report are exactly those of a
 * one-thread run. Custom sanitising rules (functions) cannot cross to a
 * worker: with them everything runs here.
 */
export class PreparePool {
  private worker?: Worker;
  private readonly pending = new Map<number, { resolve: (prepared: Prepared) => void; reject: (error: Error) => void }>();
  private nextId = 0;
  private readonly context: PrepareContext;
  private readonly topics: readonly TopicData[];

  constructor(context: PrepareContext, topics: readonly TopicData[]) {
    this.context = context;
    this.topics = topics;
  }

  private startWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./prepare-worker.ts', import.meta.url), {
      workerData: { topics: this.topics, ...(this.context.fallbackDate ? { fallbackDate: this.context.fallbackDate } : {}) },
    });
    worker.on('message', ({ id, prepared }: { id: number; prepared: Prepared }) => {
      this.pending.get(id)?.resolve(prepared);
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

  private onWorker(item: RawItem): Promise<Prepared> {
    const worker = this.startWorker();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      // An item that threw on the worker (whose stack is not this thread's) is prepared again here, so the verdict is this thread's.
      this.pending.set(id, { resolve: (prepared) => resolve('error' in prepared ? (prepared.thrown ? prepareItem(item, this.context) : prepared) : { ...prepared, item }), reject });
      worker.postMessage({ id, item });
    });
  }

  /** Prepares `items` in rounds, handing each result in input order to `use` before the next round starts. */
  async prepareAll(items: RawItem[], use: (item: RawItem, prepared: Prepared) => void): Promise<void> {
    const parallel = !this.context.sanitize && items.length >= MIN_ITEMS_FOR_WORKER;
    for (let start = 0; start < items.length; start += ROUND_SIZE) {
      const round = items.slice(start, start + ROUND_SIZE);
      // Worker jobs are sent first, so both threads work at once.
      const results: Array<Promise<Prepared> | undefined> = round.map((item, i) => (parallel && i % 2 === 1 ? this.onWorker(item) : undefined));
      for (const [i, item] of round.entries()) if (!results[i]) results[i] = prepareItem(item, this.context);
      for (const [i, item] of round.entries()) use(item, await results[i]!);
      // The round's trees are no longer needed.
      for (let i = start; i < start + round.length; i += 1) items[i] = undefined as never;
    }
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
  }
}
