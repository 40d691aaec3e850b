import fc from 'fast-check';
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import type { IngestReport } from '../../scripts/lib/ingest/report.ts';
import { buildSite, PROJECT_ROOT } from '../helpers/build-site.ts';
import { FUZZ_SEED } from '../fixtures/hostile/fuzz-inputs.ts';
import { endedCleanly, runCli, type CliRun } from '../fixtures/hostile/run-cli.ts';

/**
 * Whatever the input, the ingest never leaves an archive that its own check
 * or the build rejects. fast-check generates hostile items in every input
 * format (a plain-text dump, JSON, JSON Lines, RSS, Atom, Markdown and MDX
 * with front matter); the real ingest reads them, and the real `npm run check`
 * reads what it wrote. One archive also goes through the real build.
 * The seed (ARKHIV_FUZZ_SEED) and the number of cases are fixed, so a run
 * costs the same every time and a failure reproduces.
 */

const OUT = join(PROJECT_ROOT, 'tests/.output/ingest-property');
/** Each case is two CLI runs of a few seconds; four cases cover every format several times over. */
const RUNS = Number(process.env.ARKHIV_PROPERTY_RUNS ?? 4);
/** Generous: the machine is shared; a hang, not slowness, is what this catches. */
const SAFETY_TIMEOUT = 120_000;

const WORDS =
  'київ рада громада бюджет школа лікарня ремонт дорога вода світло тариф депутат мер місто село область фермер зерно порт потяг міст автобус театр музей бібліотека вчитель лікар студент футбол обстріл енергетика'.split(
    ' ',
  );

// What breaks parsers, escapers and normalisers: markup, code, entities, controls, YAML and dash traps.
const FRAGMENTS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<b>жирний</b>',
  '<iframe src="https://evil.example/x"></iframe>',
  '<div>',
  '</p>',
  '<!-- коментар -->',
  '<Embed url="https://evil.example/x" title="Відео" />',
  '<Chart data={x} />',
  '<PullQuote>цитата</PullQuote>',
  '{process.exit()}',
  '{',
  '}',
  '{/* примітка */}',
  'import x from "y"',
  'export const a = 1',
  "import { Figure } from '@arkhiv/article'",
  '&#x110000;',
  '&#0;',
  '&#xD800;',
  '&#99999999;',
  '&amp;',
  '&lt;script&gt;',
  '&nbsp;',
  '&bogus;',
  '\u202E',
  '\u202A',
  '\u2066',
  '\u2069',
  '\u200F',
  '\u0000',
  '\u0007',
  '\u0085',
  '\uFEFF',
  '\u00AD',
  '\u2028',
  '\uD800',
  'e\u0301',
  '😀',
  '0b101',
  'yes',
  'on',
  '~',
  'null',
  '.inf',
  '1:30',
  '- пункт',
  '? так',
  '# заголовок',
  '> цитата',
  '* зірка',
  '`код`',
  '|a|b|',
  '---',
  '--',
  ' - ',
  '...',
  '2026-01-26',
  '2022-01-11T23:30:00-05:00',
  '10:30-11:00',
  '044-123-45-67',
  '1990-2000-х',
  '"лапки"',
  "об'єкт",
  '«ялинки»',
  '„лапки“',
  '\\',
  '*',
  '_',
  '[',
  ']',
  '(',
  ')',
  '[посилання](javascript:alert(1))',
  '[адреса](https://example.org/a)',
  '[внутрішнє](/2022/01/01/nema/)',
  '![](x.png)',
  '![знімок](javascript:alert(1))',
  '<https://example.org>',
];

const URLS = [
  'https://example.org/news/1',
  'http://example.org/a?b=c&d=e',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html,<b>x</b>',
  'https://',
  '//evil.example/x',
  '/2022/01/01/x/',
  'relative.html',
  'https://example.org/a b',
  'mailto:a@b.c',
  'https://evil.example/x',
  'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
  ' https://example.org/space ',
  '',
];

const DATES = [
  '2022-01-11',
  '2019-03-23',
  '2024-02-29',
  '2022-01-11T23:30:00-05:00',
  '2021-06-01T10:00:00Z',
  '11.01.2022',
  '2022-02-30',
  'вчора',
  '2150-01-01',
  '0b101',
  '',
];

const LANGS = ['uk', 'uk-UA', 'en', 'EN-gb', 'x y', '<script>', '../../etc', ''];

const word = fc.constantFrom(...WORDS);
const fragment = fc.constantFrom(...FRAGMENTS);
const noise = fc.string({ unit: 'binary', minLength: 1, maxLength: 3 });
/** Runs of Markdown, MDX and typography syntax: emphasis around quotes, dashes between digits, escapes. */
const syntax = fc.string({ unit: fc.constantFrom(...'<>{}[]()*_`#|\\&"\'«»„“”-—–.:!~=$%\n 0123456789'), minLength: 1, maxLength: 8 });

/** Words with hostile fragments and odd code points, joined by spaces or not at all. */
const phrase = fc
  .tuple(
    fc.array(
      fc.oneof(
        { weight: 6, arbitrary: word },
        { weight: 3, arbitrary: fragment },
        { weight: 1, arbitrary: noise },
        { weight: 2, arbitrary: syntax },
      ),
      { minLength: 1, maxLength: 12 },
    ),
    fc.constantFrom(' ', ' ', ''),
  )
  .map(([parts, glue]) => parts.join(glue));

/** A paragraph that has words of its own, so that most items are news and not only debris. */
const paragraph = fc.tuple(word, word, phrase, word).map(([a, b, rest, c]) => `${a[0]!.toUpperCase()}${a.slice(1)} ${b} ${rest} ${c}.`);

const title = fc.oneof(
  phrase,
  fragment,
  fc.constantFrom(
    '0b101',
    'yes',
    'No',
    '~',
    'null',
    '2022-01-11',
    '1_000',
    '.NaN',
    '- пункт',
    '--- розділ',
    'Бюджет\n---\nухвалено',
    '\u202Eтxt.exe',
    'ЗАПОВНІТЬ: заголовок',
  ),
);

interface Item {
  title?: string;
  summary?: string;
  paragraphs: string[];
  date?: string;
  url?: string;
  lang?: string;
  topics?: string[];
  /** The body is given as HTML (JSON, feeds) or as Markdown with its syntax left in (Markdown, MDX). */
  html: boolean;
  /** Front matter written by hand, not by a YAML writer: hostile values may break it, which must be reported. */
  rawFrontMatter: boolean;
}

const item: fc.Arbitrary<Item> = fc.record(
  {
    title,
    summary: phrase,
    paragraphs: fc.array(paragraph, { minLength: 1, maxLength: 4 }),
    date: fc.constantFrom(...DATES),
    url: fc.constantFrom(...URLS),
    lang: fc.constantFrom(...LANGS),
    topics: fc.array(fc.oneof(fc.constantFrom('ekonomika', 'osvita', 'Освіта', 'вигадана тема'), fragment), { maxLength: 3 }),
    html: fc.boolean(),
    rawFrontMatter: fc.boolean(),
  },
  { requiredKeys: ['paragraphs', 'html', 'rawFrontMatter'] },
);

const items = (max: number) => fc.array(item, { minLength: 1, maxLength: max });

/** One case: items for every input format. */
const inputs = fc.record({
  text: items(4),
  json: items(3),
  jsonl: items(3),
  rss: items(3),
  atom: items(3),
  markdown: items(2),
  mdx: items(2),
});
type Inputs = typeof inputs extends fc.Arbitrary<infer T> ? T : never;

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function htmlBody(item: Item): string {
  return item.paragraphs.map((p) => `<p>${p}</p>`).join('\n');
}

function jsonItem(item: Item): Record<string, unknown> {
  return {
    ...(item.title !== undefined ? { title: item.title } : {}),
    ...(item.summary !== undefined ? { summary: item.summary } : {}),
    body: item.html ? htmlBody(item) : item.paragraphs.join('\n\n'),
    ...(item.date !== undefined ? { date: item.date } : {}),
    ...(item.url !== undefined ? { url: item.url } : {}),
    ...(item.lang !== undefined ? { lang: item.lang } : {}),
    ...(item.topics !== undefined ? { tags: item.topics } : {}),
  };
}

/** An RSS date when the generated one is a date, else the string as it is. */
function rfc822(date: string | undefined): string | undefined {
  if (date === undefined) return undefined;
  const time = Date.parse(date);
  return Number.isNaN(time) ? date : new Date(time).toUTCString();
}

function rss(list: readonly Item[]): string {
  const entries = list.map((item) => {
    const date = rfc822(item.date);
    return [
      '<item>',
      item.title !== undefined ? `<title>${xml(item.title)}</title>` : '',
      item.url !== undefined ? `<link>${xml(item.url)}</link>` : '',
      date !== undefined ? `<pubDate>${xml(date)}</pubDate>` : '',
      ...(item.topics ?? []).map((topic) => `<category>${xml(topic)}</category>`),
      `<description>${xml(item.html ? htmlBody(item) : item.paragraphs.join('\n'))}</description>`,
      '</item>',
    ].join('\n');
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Новини &amp; «плітки»</title><link>https://example.org</link><language>uk</language>\n${entries.join('\n')}\n</channel></rss>\n`;
}

function atom(list: readonly Item[]): string {
  const entries = list.map((item, n) =>
    [
      '<entry>',
      `<id>urn:item:${n}</id>`,
      item.title !== undefined ? `<title type="html">${xml(item.title)}</title>` : '',
      item.url !== undefined ? `<link href="${xml(item.url)}"/>` : '',
      item.date !== undefined ? `<updated>${xml(item.date)}</updated>` : '',
      item.summary !== undefined ? `<summary>${xml(item.summary)}</summary>` : '',
      `<content type="html">${xml(htmlBody(item))}</content>`,
      '</entry>',
    ].join('\n'),
  );
  return `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>Вісті</title><id>urn:feed</id><updated>2022-05-12T10:00:00Z</updated>\n${entries.join('\n')}\n</feed>\n`;
}

function markdownFile(item: Item, mdx: boolean): string {
  const fields = {
    ...(item.title !== undefined ? { title: item.title } : {}),
    ...(item.date !== undefined ? { date: item.date } : {}),
    ...(item.summary !== undefined ? { description: item.summary } : {}),
    ...(item.url !== undefined ? { canonical: item.url } : {}),
    ...(item.lang !== undefined ? { lang: item.lang } : {}),
    ...(item.topics !== undefined ? { tags: item.topics } : {}),
  };
  const frontMatter = item.rawFrontMatter
    ? Object.entries(fields)
        .map(([key, value]) => `${key}: ${Array.isArray(value) ? `[${value.join(', ')}]` : value}`)
        .join('\n')
    : stringify(fields).trimEnd();
  const imports = mdx ? "import { Embed, Figure } from '@arkhiv/article';\nimport Chart from './chart.js';\n\n" : '';
  return `---\n${frontMatter}\n---\n\n${imports}${item.paragraphs.join('\n\n')}\n`;
}

/** Writes one case's input files; returns their names. */
async function writeInputs(folder: string, input: Inputs): Promise<string[]> {
  const files: Record<string, string> = {
    // The seed's format: a headline line, then its paragraphs, one per line.
    'dump.txt': input.text.map((item) => [item.title ?? '', ...item.paragraphs].join('\n')).join('\n'),
    'items.json': JSON.stringify(input.json.map(jsonItem), null, 2),
    'items.jsonl': `${input.jsonl.map((item) => JSON.stringify(jsonItem(item))).join('\n')}\n`,
    'feed.rss': rss(input.rss),
    'feed.atom': atom(input.atom),
  };
  input.markdown.forEach((item, n) => (files[`post-${n}.md`] = markdownFile(item, false)));
  input.mdx.forEach((item, n) => (files[`post-${n}.mdx`] = markdownFile(item, true)));
  await mkdir(folder, { recursive: true });
  for (const [name, text] of Object.entries(files)) await writeFile(join(folder, name), text);
  return Object.keys(files);
}

interface CheckJson {
  problems: Array<{ file: string; line: number; rule: string; severity: string; message: string }>;
}

/** `npm run check -- --format json` on an archive, as a contributor runs it. */
async function check(archive: string): Promise<{ run: CliRun; errors: string[] }> {
  const run = await runCli('scripts/check.ts', ['--content', archive, '--format', 'json'], SAFETY_TIMEOUT);
  const parsed = JSON.parse(run.stdout || '{"problems":[]}') as CheckJson;
  return { run, errors: parsed.problems.filter((p) => p.severity === 'error').map((p) => `${p.file}:${p.line} ${p.rule} ${p.message}`) };
}

let caseNumber = 0;
/** Archives that passed the check, with how many articles each holds: one of them is built. */
const checked: Array<{ archive: string; written: number }> = [];

/** One case through the real ingest and the real check; throws (with the evidence) when either fails its contract. */
async function ingestAndCheck(input: Inputs): Promise<void> {
  const root = join(OUT, `case-${caseNumber++}`);
  const folder = join(root, 'input');
  const archive = join(root, 'archive');
  await rm(root, { recursive: true, force: true });
  await mkdir(join(archive, 'articles'), { recursive: true });
  await cp(join(PROJECT_ROOT, 'content/topics.yaml'), join(archive, 'topics.yaml'));
  const files = await writeInputs(folder, input);
  const reportPath = join(root, 'report.json');
  const run = await runCli(
    'scripts/ingest.ts',
    ['--content', archive, '--date', '2022-01-11', '--report', reportPath, folder],
    SAFETY_TIMEOUT,
  );
  const evidence = `inputs in ${relative(PROJECT_ROOT, folder)}\n${run.stdout.slice(-4000)}\n${run.stderr.slice(-4000)}`;
  expect(endedCleanly(run), evidence).toBe(true);
  const report = JSON.parse(await readFile(reportPath, 'utf8')) as IngestReport;
  // Exit code 1 exactly when some item was refused; each refusal names its file and line and says why.
  expect(run.code, evidence).toBe(report.counts.error > 0 ? 1 : 0);
  for (const entry of report.items.filter((i) => i.outcome === 'error')) {
    expect(entry.source, evidence).toMatch(/:\d+$/);
    expect(entry.reason?.length, evidence).toBeGreaterThan(10);
  }
  // No input file vanishes without a trace: each has an entry (an item or an error) in the report.
  const shown = relative(PROJECT_ROOT, folder);
  for (const file of files)
    expect(
      report.items.some((i) => i.source.startsWith(`${shown}/${file}:`)),
      `${file}\n${evidence}`,
    ).toBe(true);
  const { run: checkRun, errors } = await check(archive);
  expect(errors, evidence).toEqual([]);
  expect(checkRun.code, checkRun.stderr).toBe(0);
  checked.push({ archive, written: report.counts.written });
}

describe(`ingest property (seed ${FUZZ_SEED})`, () => {
  test(
    `hostile items in every input format: the ingest ends with a verdict, and what it writes passes npm run check (${RUNS} cases)`,
    { timeout: RUNS * 2 * SAFETY_TIMEOUT },
    async () => {
      await rm(OUT, { recursive: true, force: true });
      // No shrinking: each case costs seconds; the failing case stays on disk (see `evidence`) to be read.
      await fc.assert(fc.asyncProperty(inputs, ingestAndCheck), { seed: FUZZ_SEED, numRuns: RUNS, endOnFailure: true });
    },
  );

  test('the archive with the most articles builds', { timeout: 600_000 }, async () => {
    const best = checked.sort((a, b) => b.written - a.written)[0];
    expect(best, 'no archive passed the check').toBeDefined();
    expect(best!.written).toBeGreaterThan(0);
    const build = await buildSite({ content: best!.archive, outDir: join(OUT, 'site') });
    expect(build.code, `${best!.archive}\n${build.stdout.slice(-3000)}\n${build.stderr.slice(-3000)}`).toBe(0);
    const pages = await readdir(join(OUT, 'site'), { recursive: true });
    expect(pages.filter((page) => page.endsWith('index.html')).length).toBeGreaterThan(best!.written);
  });
});
