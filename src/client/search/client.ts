/**
 * The page's side of the search engine: calls go to the search worker
 * (`worker.ts`); when no worker can start (an old browser, a policy without
 * `worker-src 'self'`), the engine runs on the page instead, and calls made
 * in the meantime are answered from there.
 */
// Imported, not loaded on demand: a dynamic import would put Vite's preload helper, one more request, in front of the page script.
import { createEngine, type EngineConfig, type SearchEngine } from './engine.ts';

/** The first message to the worker. */
export interface WorkerStart {
  type: 'start';
  config: Pick<EngineConfig, 'bundlePath' | 'buildId'>;
}

type Methods = { [K in keyof SearchEngine]: { method: K; args: Parameters<SearchEngine[K]> } }[keyof SearchEngine];
export type EngineCall = { type: 'call'; id: number } & Methods;
export interface EngineReply {
  id: number;
  result?: unknown;
  error?: string;
}

interface Pending {
  call: Methods;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

export function connectEngine(config: WorkerStart['config']): SearchEngine {
  let nextId = 0;
  const pending = new Map<number, Pending>();
  let onPage: SearchEngine | null = null;

  const runOnPage = ({ call, resolve, reject }: Pending) => {
    onPage ??= createEngine({ ...config, language: document.documentElement.lang || 'unknown', shareFetches: false });
    (onPage[call.method] as (...args: unknown[]) => Promise<unknown>)(...call.args).then(resolve, reject);
  };

  let worker: Worker | null = null;
  try {
    worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'search' });
    worker.addEventListener('message', (event: MessageEvent<EngineReply>) => {
      const { id, result, error } = event.data;
      const call = pending.get(id);
      pending.delete(id);
      if (error === undefined) call?.resolve(result);
      else call?.reject(new Error(error));
    });
    worker.addEventListener('error', (event) => {
      console.warn('The search worker failed; searching on the page instead.', event.message);
      worker?.terminate();
      worker = null;
      for (const call of pending.values()) runOnPage(call);
      pending.clear();
    });
    worker.postMessage({ type: 'start', config } satisfies WorkerStart);
  } catch {
    worker = null;
  }

  const call = <K extends keyof SearchEngine>(method: K, ...args: Parameters<SearchEngine[K]>) =>
    new Promise((resolve, reject) => {
      const entry: Pending = { call: { method, args } as Methods, resolve, reject };
      if (!worker) return runOnPage(entry);
      const id = nextId++;
      pending.set(id, entry);
      worker.postMessage({ type: 'call', id, ...entry.call } satisfies EngineCall);
    }) as ReturnType<SearchEngine[K]>;

  return {
    search: (...args) => call('search', ...args),
    counts: (...args) => call('counts', ...args),
    timelineCounts: (...args) => call('timelineCounts', ...args),
    preload: (...args) => call('preload', ...args),
  };
}
