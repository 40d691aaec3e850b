/**
 * Worker side of `PreparePool`: runs jobs (see item-jobs.ts) with the
 * default sanitising rules and the taxonomy it is started with. Messages
 * in: `{ id, job }`; out: `{ id, outcome }`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { compileTaxonomy } from '../../../src/lib/taxonomy.ts';
import type { TopicData } from '../../../src/schemas/topic.ts';
import { runJobOnWorker, type ItemJob } from './item-jobs.ts';

const { topics, fallbackDate } = workerData as { topics: TopicData[]; fallbackDate?: string };
const context = { taxonomy: compileTaxonomy(topics), ...(fallbackDate ? { fallbackDate } : {}) };

parentPort!.on('message', async ({ id, job }: { id: number; job: ItemJob }) => {
  const outcome = await runJobOnWorker(job, context);
  // The file's bytes move to the main thread instead of being copied.
  parentPort!.postMessage({ id, outcome }, 'content' in outcome ? [outcome.content.buffer] : []);
});
