import { spawn } from 'node:child_process';
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'parse5';
import { beforeAll, describe, expect, test } from 'vitest';
import type { IngestReport } from '../../scripts/lib/ingest/report.ts';
import { buildSite, PROJECT_ROOT, type BuildResult } from '../helpers/build-site.ts';

/**
 * From raw news to a searchable site: a small archive made by the real
 * ingest goes through the real `astro build` and Pagefind; the pages carry the
 * text (hostile lines as visible text), and the index holds every article.
 */

const OUT = join(PROJECT_ROOT, 'tests/.output/ingest-build');
const ARCHIVE = join(OUT, 'archive');
const SITE = join(OUT, 'site');
const FIXTURES = join(PROJECT_ROOT, 'tests/fixtures/ingest');

function ingest(...args: string[]): Promise<number> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['scripts/ingest.ts', ...args], { cwd: PROJECT_ROOT, stdio: 'ignore' });
    child.on('error', fail);
    child.on('close', (code) => done(code ?? 1));
  });
}

let report: IngestReport;
let build: BuildResult;

beforeAll(async () => {
  await rm(OUT, { recursive: true, force: true });
  await mkdir(ARCHIVE, { recursive: true });
  await cp(join(PROJECT_ROOT, 'content/topics.yaml'), join(ARCHIVE, 'topics.yaml'));
  const reportPath = join(OUT, 'report.json');
  await ingest('--content', ARCHIVE, '--date', '2022-09-01', '--report', reportPath, join(FIXTURES, 'formats'));
  const first = JSON.parse(await readFile(reportPath, 'utf8')) as IngestReport;
  await ingest('--content', ARCHIVE, '--one-per-file', '--date', '2022-09-01', '--report', reportPath, join(FIXTURES, 'hostile'));
  const second = JSON.parse(await readFile(reportPath, 'utf8')) as IngestReport;
  report = { ...second, items: [...first.items, ...second.items] };
  build = await buildSite({ content: ARCHIVE, outDir: SITE });
}, 600_000);

interface HtmlNode {
  nodeName: string;
  value?: string;
  attrs?: Array<{ name: string; value: string }>;
  childNodes?: HtmlNode[];
}

function* walk(node: HtmlNode): Generator<HtmlNode> {
  yield node;
  for (const child of node.childNodes ?? []) yield* walk(child);
}

const textOf = (node: HtmlNode) => [...walk(node)].map((n) => (n.nodeName === '#text' ? n.value : '')).join('');

const written = () => report.items.filter((item) => item.outcome === 'written');
const pageOf = (path: string) => join(SITE, path.replace(/^articles\//, '').replace(/\.mdx?$/, ''), 'index.html');

describe('an ingested archive', () => {
  test('builds', () => {
    expect(build.code, build.stderr.slice(-3000)).toBe(0);
    expect(written().length).toBeGreaterThanOrEqual(19);
  });

  test('every written article has a page that shows its title and its text', async () => {
    for (const item of written()) {
      const html = await readFile(pageOf(item.path!), 'utf8');
      expect(html, item.path).toContain(item.title!.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
    }
    const rada = await readFile(pageOf('articles/2022/09/01/rada-zghorian-ukhvalyla-biudzhet-hromady-na-nastupnyi-rik.md'), 'utf8');
    expect(rada).toContain('Він передбачає також кошти на нову амбулаторію.');
    const fair = await readFile(pageOf('articles/2022/05/01/vesnianyi-yarmarok-u-shchasti.md'), 'utf8');
    expect(fair).toMatch(/<h2[^>]*>Музика до вечора<\/h2>/);
  });

  test('hostile lines are shown as text and never become elements', async () => {
    const item = written().find((i) => i.source.endsWith('hostile.txt:1'))!;
    const document = parse(await readFile(pageOf(item.path!), 'utf8'));
    const elements = [...walk(document)];
    // JSON-LD is data, not code; any other script holding the payload would run.
    const isData = (node: HtmlNode) => node.attrs?.some((attr) => attr.name === 'type' && /json/.test(attr.value));
    expect(elements.filter((node) => node.nodeName === 'script' && !isData(node) && textOf(node).includes('alert'))).toEqual([]);
    expect(elements.filter((node) => node.attrs?.some((attr) => attr.name.startsWith('on')))).toEqual([]);
    const main = elements.find((node) => node.nodeName === 'main')!;
    const text = textOf(main);
    for (const line of [
      '<script>alert(1)</script>',
      '{process.exit()}',
      'import x from «y»',
      'export const a = 1',
      '<img src=x onerror=alert(1)>',
    ]) {
      expect(text).toContain(line);
    }
  });

  test('the search index holds one page per article', async () => {
    const entry = JSON.parse(await readFile(join(SITE, 'pagefind/pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(Object.keys(entry.languages)).toEqual(['uk']);
    expect(entry.languages.uk!.page_count).toBe(written().length);
  });
});

// Builds wait for each other (one at a time on the machine), hence the long timeout.
test('an archive with invalid front matter fails the build with every bad entry listed', { timeout: 600_000 }, async () => {
  const broken = join(OUT, 'broken');
  await cp(ARCHIVE, broken, { recursive: true });
  const [first, second] = written().map((item) => join(broken, item.path!));
  await writeFile(first!, (await readFile(first!, 'utf8')).replace(/^date: .*$/m, 'date: колись'));
  await writeFile(second!, (await readFile(second!, 'utf8')).replace(/^topics: .*$/m, 'topics: [nema-takoi]'));
  const result = await buildSite({ content: broken, outDir: join(OUT, 'broken-site') });
  const log = `${result.stdout}\n${result.stderr}`;
  expect(result.code).not.toBe(0);
  expect(log).toContain('Архів містить 2 помилки у 2 файлах:');
  expect(log).toContain('date: «колись» не є датою (потрібно РРРР-ММ-ДД)  (schema)');
  expect(log).toContain('topics: теми «nema-takoi» немає в topics.yaml  (unknown-topic)');
  expect(await readdir(join(OUT, 'broken-site')).catch(() => [])).not.toContain('index.html');
});
