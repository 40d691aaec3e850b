/**
 * Worker side of `PreparePool`: runs jobs (see item-jobs.ts) with the
 * default sanitising rules and the taxonomy and authors it is started with. Messages
 * in: `{ id, job }`; out: `{ id, outcome }`. Messages sent while the
 * modules load wait in the port.
 */
import { enableCompileCache } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
import type { TopicData } from '#lib/archive/topic-schema.ts';
import type { AuthorData } from '#lib/archive/author-schema.ts';
import type { ItemJob } from './item-jobs.ts';

// As in scripts/ingest.ts: the modules below load from Node's compile cache.
enableCompileCache();
const [{ compileTaxonomy }, { runJobOnWorker }, { authorIndex }] = await Promise.all([
  import('#lib/archive/taxonomy.ts'),
  import('./item-jobs.ts'),
  import('./authors.ts'),
]);

const { topics, authors, fallbackDate, createTopics, archiveDir } = workerData as {
  topics: TopicData[];
  authors: AuthorData[];
  fallbackDate?: string;
  createTopics?: true;
  archiveDir?: string;
};
const context = {
  taxonomy: compileTaxonomy(topics),
  authors: authorIndex(authors),
  ...(fallbackDate ? { fallbackDate } : {}),
  ...(createTopics ? { createTopics } : {}),
  ...(archiveDir ? { archiveDir } : {}),
};

parentPort!.on('message', async ({ id, job }: { id: number; job: ItemJob }) => {
  const outcome = await runJobOnWorker(job, context);
  // The file's bytes move to the main thread instead of being copied.
  parentPort!.postMessage({ id, outcome }, 'content' in outcome ? [outcome.content.buffer] : []);
});
