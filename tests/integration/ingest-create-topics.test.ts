import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { parseTaxonomy } from '#lib/archive/taxonomy.ts';
import { validateArchive } from '#lib/archive/validate-archive.ts';
import { generateArticles } from '../../scripts/lib/bench/generate-articles.ts';
import { ARTICLE_COMPONENT_RULES } from '../../scripts/lib/ingest/article-components.ts';
import { MIN_ITEMS_FOR_WORKER } from '../../scripts/lib/ingest/prepare-pool.ts';
import type { IngestReport } from '../../scripts/lib/ingest/report.ts';
import { runIngest } from '../../scripts/lib/ingest/run-ingest.ts';
import { PROJECT_ROOT } from '../helpers/build-site.ts';
import { runNode } from '../helpers/run-node.ts';

/**
 * `--create-topics` through the real ingest CLI: the source's topics that
 * topics.yaml lacks become topics appended to it, once, only for articles
 * that are written, before the articles; the archive passes `npm run
 * check`; a dry run writes nothing; on two threads the outcome is that of one.
 */

const OUT = join(PROJECT_ROOT, 'tests/.output/ingest-create-topics');
const WORDPRESS = join(PROJECT_ROOT, 'tests/fixtures/ingest/wordpress');
const PROJECT_TOPICS = join(PROJECT_ROOT, 'content/topics.yaml');

function ingest(...args: string[]) {
  return runNode(['scripts/ingest.ts', ...args], { cwd: PROJECT_ROOT });
}

/** A fresh archive with the project's taxonomy. */
async function archive(name: string): Promise<string> {
  const root = join(OUT, name);
  await rm(root, { recursive: true, force: true });
  await mkdir(root, { recursive: true });
  await cp(PROJECT_TOPICS, join(root, 'topics.yaml'));
  return root;
}

async function input(root: string, name: string, items: object[]): Promise<string> {
  const path = join(root, name);
  await writeFile(path, JSON.stringify(items, null, 2));
  return path;
}

const item = (n: number, topics: string[], body: string) => ({ title: body.split('.')[0], date: `2022-04-0${n}`, topics, body });

const FAIR = 'На площі відкрився ярмарок рукоділля. Майстрині показали сорочки й рушники.';
const CRAFTS = 'У музеї навчають гончарства й лозоплетіння. Заняття безплатні для школярів.';
const BAD_NAME = 'Волонтери прибрали береги річки. Зібрали сорок мішків сміття.';

async function articleFiles(root: string): Promise<Record<string, string>> {
  const dir = join(root, 'articles');
  const files = (await readdir(dir, { recursive: true })).filter((file) => /\.mdx?$/.test(file)).sort();
  return Object.fromEntries(await Promise.all(files.map(async (file) => [file, await readFile(join(dir, file), 'utf8')] as const)));
}

const topicsLine = (text: string) => /^topics: .*$/m.exec(text)?.[0];

beforeEach(async () => {
  await mkdir(OUT, { recursive: true });
});

describe('ingest --create-topics', () => {
  test('new topics are appended once, only for written articles, and listed; a dry run writes nothing', { timeout: 120_000 }, async () => {
    const root = await archive('json');
    const original = await readFile(join(root, 'topics.yaml'), 'utf8');
    const reportPath = join(root, 'report.json');
    const file = await input(root, 'items.json', [
      item(1, ['Вишивка', 'Освіта'], FAIR),
      item(2, ['вишивка', 'Народні   ремесла'], CRAFTS),
      // A repeat of the first item: not written, so its topic is not created.
      { ...item(1, ['Лише в повторі'], FAIR), title: 'Повтор' },
      item(3, ['——'], BAD_NAME),
    ]);
    const listed = 'Нові теми (додано до topics.yaml):\n  Вишивка (vyshyvka)\n  Народні ремесла (narodni-remesla)';

    const dry = await ingest('--content', root, '--create-topics', '--dry-run', '--report', reportPath, file);
    expect(dry.code, dry.stdout + dry.stderr).toBe(0);
    expect(dry.stdout).toContain(listed.replace('додано', 'було б додано'));
    expect(await readFile(join(root, 'topics.yaml'), 'utf8')).toBe(original);
    await expect(readdir(join(root, 'articles'))).rejects.toThrow(/ENOENT/);

    const run = await ingest('--content', root, '--create-topics', '--report', reportPath, file);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const report = JSON.parse(await readFile(reportPath, 'utf8')) as IngestReport;
    expect(report.counts).toMatchObject({ written: 3, duplicate: 1, error: 0 });
    expect(report.newTopics).toEqual([
      { slug: 'vyshyvka', name: 'Вишивка' },
      { slug: 'narodni-remesla', name: 'Народні ремесла' },
    ]);
    expect(run.stdout).toContain(listed);
    const bad = report.items.find((entry) => entry.title === BAD_NAME.split('.')[0])!;
    expect(bad.reason).toContain('тему «——» не створено: з назви не виходить адреса сторінки');

    const topicsText = await readFile(join(root, 'topics.yaml'), 'utf8');
    expect(topicsText.startsWith(original)).toBe(true);
    expect(topicsText.slice(original.length)).toBe(
      '\n- slug: vyshyvka\n  name: Вишивка\n  kind: subject\n  match: [вишивка]\n\n- slug: narodni-remesla\n  name: Народні ремесла\n  kind: subject\n  match: [народні ремесла]\n',
    );
    expect(parseTaxonomy(topicsText)).toHaveLength(parseTaxonomy(original).length + 2);
    expect(Object.values(await articleFiles(root)).map(topicsLine)).toEqual([
      'topics: [vyshyvka, osvita]',
      'topics: [vyshyvka, narodni-remesla, kultura, osvita]',
      'topics: [ekolohiia]',
    ]);
    expect(await validateArchive(root, { relativeTo: root })).toEqual([]);
    const check = await runNode(['scripts/check.ts', '--content', root], { cwd: PROJECT_ROOT });
    expect(check.code, check.stdout + check.stderr).toBe(0);

    // Again, with one more item of a topic created before: nothing new, topics.yaml as it was.
    const more = await input(root, 'more.json', [item(4, ['ВИШИВКА'], 'Вишиванки показали на виставці. Прийшли сотні людей.')]);
    const again = await ingest('--content', root, '--create-topics', '--report', reportPath, more);
    expect(again.code, again.stdout + again.stderr).toBe(0);
    expect((JSON.parse(await readFile(reportPath, 'utf8')) as IngestReport).newTopics).toBeUndefined();
    expect(again.stdout).not.toContain('Нові теми');
    expect(await readFile(join(root, 'topics.yaml'), 'utf8')).toBe(topicsText);
    expect(Object.values(await articleFiles(root)).filter((text) => topicsLine(text)?.startsWith('topics: [vyshyvka'))).toHaveLength(3);
  });

  test('without the flag unknown topics are reported with the way to create them, and topics.yaml is left alone', async () => {
    const root = await archive('without');
    const original = await readFile(join(root, 'topics.yaml'), 'utf8');
    const reportPath = join(root, 'report.json');
    const run = await ingest('--content', root, '--report', reportPath, await input(root, 'items.json', [item(1, ['Вишивка'], FAIR)]));
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const report = JSON.parse(await readFile(reportPath, 'utf8')) as IngestReport;
    expect(report.newTopics).toBeUndefined();
    expect(report.items[0]!.reason).toContain(
      'тему «Вишивка» не знайдено в topics.yaml (не додано): її створить імпорт із --create-topics',
    );
    expect(await readFile(join(root, 'topics.yaml'), 'utf8')).toBe(original);
  });

  test('a WordPress category or tag that the topic map does not name becomes a topic', { timeout: 120_000 }, async () => {
    const root = await archive('wordpress');
    const reportPath = join(root, 'report.json');
    const args = ['--content', root, '--topic-map', join(WORDPRESS, 'topic-map.yaml'), '--create-topics', '--report', reportPath];
    const run = await ingest(...args, join(WORDPRESS, 'export.xml'));
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const report = JSON.parse(await readFile(reportPath, 'utf8')) as IngestReport;
    expect(report.newTopics).toEqual([{ slug: 'vyshyvka', name: 'Вишивка' }]);
    const fair = report.items.find((entry) => entry.title?.startsWith('Ярмарок'))!;
    // The source's own topics first, then those the taxonomy's rules find.
    expect(fair.topics!.slice(0, 2)).toEqual(['kultura', 'vyshyvka']);
    expect(fair.reason ?? '').not.toContain('Вишивка');
    expect(parseTaxonomy(await readFile(join(root, 'topics.yaml'), 'utf8')).at(-1)).toEqual({
      slug: 'vyshyvka',
      name: 'Вишивка',
      kind: 'subject',
      match: ['вишивка'],
    });
    expect(await validateArchive(root, { relativeTo: root })).toEqual([]);
  });

  test('two threads create exactly the topics one thread creates', { timeout: 300_000 }, async () => {
    const root = await archive('threads');
    await mkdir(join(root, 'articles'));
    const names = ['Вишивка', 'Народні ремесла', 'Гончарство', 'Лозоплетіння'];
    const items = [...generateArticles({ count: MIN_ITEMS_FOR_WORKER + 50, seed: 5 })].map((generated, n) =>
      JSON.stringify({ ...generated, topics: [names[n % names.length]!] }),
    );
    await writeFile(join(root, 'news.jsonl'), `${items.join('\n')}\n`);
    const run = (oneThread: boolean) =>
      runIngest({
        inputs: [join(root, 'news.jsonl')],
        contentDir: root,
        cwd: root,
        createTopics: true,
        dryRun: true,
        ...(oneThread ? { sanitize: ARTICLE_COMPONENT_RULES } : {}),
      });
    const [twoThreads, oneThread] = [await run(false), await run(true)];
    expect(twoThreads).toEqual(oneThread);
    expect(twoThreads.newTopics?.map((topic) => topic.name).sort()).toEqual([...names].sort());
    expect(twoThreads.items.filter((entry) => entry.outcome === 'written').every((entry) => entry.topics!.length > 0)).toBe(true);
  });
});
