/**
 * The search worker: runs the search engine off the page's thread, so that
 * Pagefind's WebAssembly, the index files and the reranking never hold up
 * typing or rendering. The page sends its configuration first, then calls
 * (`client.ts`); each call is answered with its id.
 */
import { createEngine, type SearchEngine } from './engine.ts';
import type { EngineCall, EngineReply, WorkerStart } from './client.ts';

let engine: SearchEngine | null = null;

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
    if (message.method === 'counts') return engine.counts(...message.args);
    return engine.preload(...message.args);
  };
  run().then(
    (result) => reply({ result }),
    (error: unknown) => reply({ error: error instanceof Error ? error.message : String(error) }),
  );
});
