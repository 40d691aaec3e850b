/**
 * The search worker: runs the search engine off the page's thread, so that
 * Pagefind's WebAssembly, the index files and the reranking never hold up
 * typing or rendering. The page sends its configuration first, then calls
 * (`client.ts`); each call is answered with its id.
 */
import { createEngine, type SearchEngine } from './engine.ts';
import type { EngineCall, EngineReply, WorkerStart } from './client.ts';

let engine: SearchEngine | null = null;

/** The Prioritized Task Scheduling API where there is one (Chromium), else a plain task. */
const scheduler = (
  globalThis as { scheduler?: { postTask<T>(work: () => T | PromiseLike<T>, options: { priority: 'background' }): Promise<T> } }
).scheduler;
function whenIdle<T>(work: () => Promise<T>): Promise<T> {
  return scheduler ? scheduler.postTask(work, { priority: 'background' }) : new Promise<void>((done) => setTimeout(done, 0)).then(work);
}

self.addEventListener('message', (event: MessageEvent<WorkerStart | EngineCall>) => {
  const message = event.data;
  if (message.type === 'start') {
    engine = createEngine({ ...message.config, language: 'unknown', shareFetches: true });
    return;
  }
  const reply = (body: Omit<EngineReply, 'id'>) => self.postMessage({ id: message.id, ...body } satisfies EngineReply);
  const run = async () => {
    if (!engine) throw new Error('The search worker was called before it was started.');
    if (message.method === 'search') return engine.search(...message.args);
    // Counts wait until nothing more urgent is queued: a search that follows starts first, and counts fill its waits for the network.
    if (message.method === 'counts') return whenIdle(() => engine!.counts(...message.args));
    if (message.method === 'timelineCounts') return whenIdle(() => engine!.timelineCounts(...message.args));
    return engine.preload(...message.args);
  };
  run().then(
    (result) => reply({ result }),
    (error: unknown) => reply({ error: error instanceof Error ? error.message : String(error) }),
  );
});
