/**
 * Worker side of `PreparePool`: prepares items with the default sanitising
 * rules and the taxonomy it is started with. Messages in: `{ id, item }`;
 * out: `{ id, prepared }`, where `prepared` is a failure or a
 * `PlaceableArticle` without its `item` (the sender has it).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { compileTaxonomy } from '../../../src/lib/taxonomy.ts';
import type { TopicData } from '../../../src/schemas/topic.ts';
import { prepareItem } from './prepare-item.ts';
import type { RawItem } from './types.ts';

const { topics, fallbackDate } = workerData as { topics: TopicData[]; fallbackDate?: string };
const context = { taxonomy: compileTaxonomy(topics), ...(fallbackDate ? { fallbackDate } : {}) };

parentPort!.on('message', async ({ id, item }: { id: number; item: RawItem }) => {
  const prepared = await prepareItem(item, context);
  if ('error' in prepared) parentPort!.postMessage({ id, prepared });
  else {
    const { item: _item, body: _body, text: _text, ...placeable } = prepared;
    parentPort!.postMessage({ id, prepared: placeable });
  }
});
