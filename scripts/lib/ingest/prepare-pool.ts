import { Worker } from 'node:worker_threads';
import type { TopicData } from '../../../src/schemas/topic.ts';
import { prepareItem, type PrepareContext, type PreparedArticle, type PrepareFailure } from './prepare-item.ts';
import type { RawItem } from './types.ts';

/** Items queued on the worker at a time: enough that it never waits while this thread places results. */
export const WORKER_BACKLOG = 48;
/** A file with fewer items is prepared on this thread alone (starting a worker costs about a second). */
export const MIN_ITEMS_FOR_WORKER = 1000;
/** Input of at least this many bytes (about 1,000 news items) starts the worker before the first file is read. */
export const MIN_BYTES_FOR_WORKER = 4_000_000;

/** What placing an item needs: the prepared article without its tree-sized texts (`body`, `text`), which stay where it was prepared. */
export type PlaceableArticle = Omit<PreparedArticle, 'body' | 'text'>;
export type Prepared = PlaceableArticle | PrepareFailure;

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
  private readonly pending = new Map<number, { resolve: (prepared: Prepared) => void; reject: (error: Error) => void }>();
  private nextId = 0;
  private readonly context: PrepareContext;
  private readonly topics: readonly TopicData[];

  constructor(context: PrepareContext, topics: readonly TopicData[]) {
    this.context = context;
    this.topics = topics;
  }

  /** Starts the worker ahead of `prepareAll`, so that it is ready when the first large file has been read. */
  start(): void {
    if (!this.context.sanitize) this.startWorker();
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
      this.pending.set(id, { resolve: (prepared) => resolve('error' in prepared ? (prepared.thrown ? this.prepareHere(item) : prepared) : { ...prepared, item }), reject });
      worker.postMessage({ id, item });
    });
  }

  private async prepareHere(item: RawItem): Promise<Prepared> {
    const prepared = await prepareItem(item, this.context);
    if ('error' in prepared) return prepared;
    const { body: _body, text: _text, ...placeable } = prepared;
    return placeable;
  }

  /** Prepares `items`, handing each result in input order to `use` as soon as it and all before it are ready. */
  async prepareAll(items: RawItem[], use: (item: RawItem, prepared: Prepared) => void): Promise<void> {
    if (this.context.sanitize || items.length < MIN_ITEMS_FOR_WORKER) {
      for (const [i, item] of items.entries()) {
        use(item, await this.prepareHere(item));
        items[i] = undefined as never;
      }
      return;
    }
    const results: Array<Prepared | undefined> = new Array(items.length);
    // Items on the worker, by input index: settled once the result is in `results`.
    const waiting = new Map<number, Promise<void>>();
    let assigned = 0;
    let placed = 0;
    while (placed < items.length) {
      while (waiting.size < WORKER_BACKLOG && assigned < items.length) {
        const index = assigned++;
        const done = this.onWorker(items[index]!).then((prepared) => {
          results[index] = prepared;
          waiting.delete(index);
        });
        // Awaited below in input order; a worker failure rejects every waiting item, and the first one awaited ends the run.
        done.catch(() => undefined);
        waiting.set(index, done);
      }
      while (placed < items.length && results[placed] !== undefined) {
        use(items[placed]!, results[placed]!);
        // The item's tree and result are no longer needed.
        items[placed] = undefined as never;
        results[placed] = undefined;
        placed += 1;
      }
      if (placed === items.length) break;
      if (assigned < items.length) {
        const index = assigned++;
        results[index] = await this.prepareHere(items[index]!);
        await nextTurn();
      } else await waiting.get(placed);
    }
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
  }
}
