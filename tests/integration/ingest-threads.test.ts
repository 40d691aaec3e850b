import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { generateArticles } from '../../scripts/lib/bench/generate-articles.ts';
import { ARTICLE_COMPONENT_RULES } from '../../scripts/lib/ingest/article-components.ts';
import { MIN_ITEMS_FOR_WORKER } from '../../scripts/lib/ingest/prepare-pool.ts';
import { runIngest } from '../../scripts/lib/ingest/run-ingest.ts';
import { PROJECT_ROOT } from '../helpers/build-site.ts';

/**
 * A large input is prepared on two threads (this one and a worker); the
 * outcome must be exactly that of a one-thread run: the same report, item
 * by item and in the same order, broken lines included. Custom sanitising
 * rules keep everything on this thread, so passing the default rules
 * explicitly gives the one-thread run to compare with.
 */

const OUT = join(PROJECT_ROOT, 'tests/.output/ingest-threads');

test('two threads report exactly what one thread reports, broken JSON lines and repeats included', { timeout: 300_000 }, async () => {
  await rm(OUT, { recursive: true, force: true });
  await mkdir(join(OUT, 'archive/articles'), { recursive: true });
  await cp(join(PROJECT_ROOT, 'content/topics.yaml'), join(OUT, 'archive/topics.yaml'));
  const items = [...generateArticles({ count: MIN_ITEMS_FOR_WORKER + 300, seed: 11 })].map((item) => JSON.stringify(item));
  // Broken lines, items that are not articles, and repeats, spread through the file.
  items.splice(5, 0, '{"title": "без кінця"');
  items.splice(400, 0, '[1, 2]', '', '{"title": "Без тексту"}');
  items.splice(
    900,
    0,
    items[100]!,
    JSON.stringify({ title: 'Повтор з правкою', body: `${JSON.parse(items[200]!).body} Ще речення.`, date: '2020-01-01' }),
  );
  await writeFile(join(OUT, 'news.jsonl'), `${items.join('\n')}\n`);

  const run = (oneThread: boolean) =>
    runIngest({
      inputs: [join(OUT, 'news.jsonl')],
      contentDir: join(OUT, 'archive'),
      cwd: OUT,
      dryRun: true,
      ...(oneThread ? { sanitize: ARTICLE_COMPONENT_RULES } : {}),
    });
  const [twoThreads, oneThread] = [await run(false), await run(true)];
  expect(twoThreads).toEqual(oneThread);
  expect(twoThreads.counts.error).toBe(3);
  expect(twoThreads.items.slice(0, 3).map((item) => item.source)).toEqual(['news.jsonl:6', 'news.jsonl:401', 'news.jsonl:403']);
  expect(twoThreads.counts.duplicate).toBeGreaterThanOrEqual(2);
  expect(twoThreads.counts.written).toBeGreaterThan(MIN_ITEMS_FOR_WORKER);
});
