import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { generateArticles } from '../../scripts/lib/bench/generate-articles.ts';
import { validateArchive } from '#lib/archive/validate-archive.ts';
import type { IngestReport } from '../../scripts/lib/ingest/report.ts';
import { runCheck } from '../../scripts/lib/check/run-check.ts';
import { PROJECT_ROOT } from '../helpers/build-site.ts';
import { FUZZ_SEED, invalidUtf8, randomBytes, randomText, seeded } from '../fixtures/hostile/fuzz-inputs.ts';
import { endedCleanly, filesUnder, runCli } from '../fixtures/hostile/run-cli.ts';

/**
 * The ingest meets broken and hostile input: every run ends by itself with a
 * clear verdict in bounded time, good items are still ingested, and the
 * archive it leaves passes the archive validator and `npm run check`.
 * The seed (ARKHIV_FUZZ_SEED) is printed with every failure.
 */

const OUT = join(PROJECT_ROOT, 'tests/.output/fuzz-ingest');
const ARCHIVE = join(OUT, 'archive');
const INPUT = join(OUT, 'input');
/** Generous: the machine is shared; a hang, not slowness, is what this catches. */
const SAFETY_TIMEOUT = 240_000;

async function ingest(files: string[], extra: string[] = []) {
  const report = join(OUT, 'report.json');
  await rm(report, { force: true });
  const run = await runCli(
    'scripts/ingest.ts',
    ['--content', ARCHIVE, '--date', '2022-01-11', '--report', report, ...extra, ...files.map((file) => join(INPUT, file))],
    SAFETY_TIMEOUT,
  );
  const parsed = await readFile(report, 'utf8').then(
    (text) => JSON.parse(text) as IngestReport,
    () => undefined,
  );
  return { run, report: parsed };
}

/**
 * The archive is whole: the validator and the check find nothing (but the
 * `tolerated` rules), and no temporary file is left.
 */
async function expectArchiveValid(tolerated: readonly string[] = []): Promise<void> {
  expect(await validateArchive(ARCHIVE, { relativeTo: OUT })).toEqual([]);
  const checked = await runCheck({ root: ARCHIVE, cwd: OUT, today: '2026-11-25' });
  const errors = checked.problems.filter((p) => p.severity === 'error' && !tolerated.includes(p.rule));
  expect(errors.map((p) => `${p.file}:${p.line} ${p.rule} ${p.message}`)).toEqual([]);
  expect((await filesUnder(join(ARCHIVE, 'articles'))).filter((file) => !/\.mdx?$/.test(file))).toEqual([]);
}

beforeEach(async () => {
  await rm(OUT, { recursive: true, force: true });
  await mkdir(INPUT, { recursive: true });
  await mkdir(join(ARCHIVE, 'articles'), { recursive: true });
  await cp(join(PROJECT_ROOT, 'content/topics.yaml'), join(ARCHIVE, 'topics.yaml'));
});

describe(`ingest fuzz (seed ${FUZZ_SEED})`, () => {
  test('random bytes in every input format are refused with a located error and write nothing', async () => {
    const random = seeded(1);
    const files = ['bytes.txt', 'bytes.json', 'bytes.md', 'bytes.mdx', 'bytes.xml', 'no-nul.txt', 'no-nul.jsonl'];
    for (const file of files) await writeFile(join(INPUT, file), randomBytes(random, 64 * 1024, !file.startsWith('no-nul')));
    const { run, report } = await ingest(files);
    expect(endedCleanly(run), run.stderr).toBe(true);
    expect(run.code).toBe(1);
    expect(report?.counts.written).toBe(0);
    for (const file of files) expect(run.stdout).toMatch(new RegExp(`${file.replace('.', '\\.')}:\\d+: `));
    await expectArchiveValid();
  });

  test('invalid UTF-8: the file is refused at its line, its neighbours are ingested', async () => {
    await writeFile(join(INPUT, 'bad-utf8.txt'), invalidUtf8(seeded(2)));
    await writeFile(
      join(INPUT, 'good.txt'),
      'Міська рада ухвалила бюджет громади на наступний рік.\n\nДепутати підтримали ремонт трьох шкіл і нової амбулаторії.\n',
    );
    const { run, report } = await ingest(['bad-utf8.txt', 'good.txt'], ['--one-per-file']);
    expect(endedCleanly(run), run.stderr).toBe(true);
    expect(run.stdout).toMatch(/bad-utf8\.txt:3: .*UTF-8/);
    expect(report?.items.map((item) => item.outcome).sort()).toEqual(['error', 'written']);
    await expectArchiveValid();
  });

  test('NUL characters escaped in JSON do not reach the archive', async () => {
    await writeFile(
      join(INPUT, 'nul-escaped.json'),
      JSON.stringify([{ title: 'Заголовок\u0000з нулем', body: 'Текст\u0000 новини з нульовим символом усередині.', date: '2022-01-11' }]),
    );
    const { run, report } = await ingest(['nul-escaped.json']);
    expect(endedCleanly(run), run.stderr).toBe(true);
    // The item is ingested (a refusal would also keep NULs out, but that is not the case under test).
    if (report?.counts.written !== 1) return;
    for (const file of await filesUnder(join(ARCHIVE, 'articles')))
      expect(await readFile(join(ARCHIVE, 'articles', file), 'utf8')).not.toContain('\u0000');
    await expectArchiveValid();
  });

  test('random Unicode with Markdown, HTML and MDX syntax becomes safe articles or clear errors', async () => {
    const random = seeded(3);
    const items = Array.from({ length: 40 }, (_, n) => ({
      title: randomText(random, 60),
      body: Array.from({ length: 4 }, () => randomText(random, 300)).join('\n\n'),
      date: `2022-01-${String((n % 28) + 1).padStart(2, '0')}`,
    }));
    await writeFile(join(INPUT, 'unicode.jsonl'), `${items.map((item) => JSON.stringify(item)).join('\n')}\n`);
    await writeFile(join(INPUT, 'unicode.md'), `---\ntitle: Випадковий текст\ndate: 2022-01-12\n---\n${randomText(random, 4000)}\n`);
    await writeFile(join(INPUT, 'unicode.txt'), randomText(random, 4000));
    const { run, report } = await ingest(['unicode.jsonl', 'unicode.md', 'unicode.txt']);
    expect(endedCleanly(run), run.stderr).toBe(true);
    expect(report?.counts.read).toBeGreaterThanOrEqual(42);
    expect(report?.counts.written).toBeGreaterThan(0);
    await expectArchiveValid();
  });

  test('a 10 MB single line ends in bounded time with one article or a clear error', { timeout: SAFETY_TIMEOUT + 120_000 }, async () => {
    const random = seeded(4);
    const words = 'Київ рада ухвалила закон про бюджет громади ремонт школи у місті новини'.split(' ');
    const parts: string[] = [];
    for (let size = 0; size < 10 * 1024 * 1024; size += 12) parts.push(random.pick(words));
    await writeFile(join(INPUT, 'one-line.txt'), `${parts.join(' ')}.`);
    const { run, report } = await ingest(['one-line.txt']);
    expect(endedCleanly(run), run.stderr).toBe(true);
    expect((report?.counts.written ?? 0) + (report?.counts.error ?? 0)).toBe(1);
    await expectArchiveValid();
  });

  const nestedFront = (title: string) => `---\ntitle: ${title}\ndate: 2022-01-11\n---\nПерший абзац новини про роботу міської ради.\n\n`;

  test('deeply nested Markdown ends with a clear error or a clean article', { timeout: SAFETY_TIMEOUT * 2 }, async () => {
    const cases: Record<string, string> = {
      'quotes.md': `${nestedFront('Цитати')}${'>'.repeat(10_000)} текст\n`,
      'brackets.md': `${nestedFront('Дужки')}${'['.repeat(10_000)}текст${']'.repeat(10_000)}\n`,
      'jsx.mdx': `${nestedFront('JSX')}${'<b>'.repeat(5_000)}текст${'</b>'.repeat(5_000)}\n`,
    };
    for (const [file, text] of Object.entries(cases)) await writeFile(join(INPUT, file), text);
    const { run, report } = await ingest(Object.keys(cases));
    expect(endedCleanly(run), run.stderr).toBe(true);
    expect(report?.counts.read).toBe(Object.keys(cases).length);
    await expectArchiveValid();
  });

  test(
    'lists, emphasis and HTML nested thousands deep are refused item by item, and the other input still ingested',
    { timeout: SAFETY_TIMEOUT * 2 },
    async () => {
      await writeFile(join(INPUT, 'lists.md'), `${nestedFront('Списки')}${'- '.repeat(1_500)}текст\n`);
      await writeFile(join(INPUT, 'emphasis.md'), `${nestedFront('Виділення')}${'*'.repeat(5_000)}текст${'*'.repeat(5_000)}\n`);
      await writeFile(join(INPUT, 'html.md'), `${nestedFront('Теги')}${'<div>'.repeat(10_000)}текст${'</div>'.repeat(10_000)}\n`);
      await writeFile(join(INPUT, 'good.txt'), 'Міська рада ухвалила бюджет громади на наступний рік.\n');
      const { run, report } = await ingest(['lists.md', 'emphasis.md', 'html.md', 'good.txt'], ['--one-per-file']);
      expect(endedCleanly(run), run.stderr).toBe(true);
      expect(report?.items.map((item) => item.outcome).sort()).toEqual(['error', 'error', 'error', 'written']);
      await expectArchiveValid();
    },
  );

  test(
    'thousands of items with a few broken ones: the broken are reported by line, the rest ingested',
    { timeout: SAFETY_TIMEOUT * 2 },
    async () => {
      const lines = [...generateArticles({ count: 2000, seed: FUZZ_SEED, firstYear: 2015, lastYear: 2024 })].map((item) =>
        JSON.stringify(item),
      );
      const broken = new Map<number, string>([
        [17, '{"title": "Обірваний рядок", "body": "Текст'],
        [404, '{"title": "Без тексту", "date": "2020-01-01"}'],
        [999, 'not json at all'],
        [1500, JSON.stringify({ title: 'Неможлива дата', body: 'Текст новини з датою, якої не буває.', date: '2021-02-30' })],
        [1999, '[1, 2, 3]'],
      ]);
      for (const [index, line] of broken) lines[index] = line;
      await writeFile(join(INPUT, 'many.jsonl'), `${lines.join('\n')}\n`);
      const first = await ingest(['many.jsonl']);
      expect(endedCleanly(first.run), first.run.stderr).toBe(true);
      const counts = first.report!.counts;
      expect(counts.read).toBe(2000);
      expect(counts.error).toBe(broken.size);
      expect(counts.written + counts.duplicate).toBe(2000 - broken.size);
      const errorLines = first
        .report!.items.filter((item) => item.outcome === 'error')
        .map((item) => Number(/:(\d+)$/.exec(item.source)?.[1]));
      expect(errorLines.sort((a, b) => a - b)).toEqual([...broken.keys()].map((index) => index + 1));
      const files = (await filesUnder(join(ARCHIVE, 'articles'))).filter((file) => /\.mdx?$/.test(file));
      expect(files).toHaveLength(counts.written);
      await expectArchiveValid();
    },
  );

  test('re-ingesting the same thousands of items writes nothing new', { timeout: SAFETY_TIMEOUT * 2 }, async () => {
    const lines = [...generateArticles({ count: 2000, seed: FUZZ_SEED, firstYear: 2015, lastYear: 2024 })].map((item) =>
      JSON.stringify(item),
    );
    await writeFile(join(INPUT, 'many.jsonl'), `${lines.join('\n')}\n`);
    const first = await ingest(['many.jsonl']);
    expect(first.run.code, first.run.stderr).toBe(0);
    const again = await ingest(['many.jsonl']);
    expect(endedCleanly(again.run), again.run.stderr).toBe(true);
    expect(again.report!.counts).toMatchObject({ written: 0, unchanged: first.report!.counts.written });
  });
});
