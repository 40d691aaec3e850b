import { spawnSync } from 'node:child_process';
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { PROJECT_ROOT } from '../helpers/build-site.ts';

const OUT = join(PROJECT_ROOT, 'tests/.output/check-cli');
const TOPICS = join(PROJECT_ROOT, 'tests/fixtures/check/clean/topics.yaml');

function check(content: string, ...args: string[]) {
  const run = spawnSync(process.execPath, ['scripts/check.ts', '--content', content, '--today', '2026-11-25', ...args], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

async function article(root: string, path: string, front: string, body: string): Promise<void> {
  const file = join(root, 'articles', path);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `---\n${front.trim()}\n---\n${body}`);
}

beforeEach(async () => {
  await rm(OUT, { recursive: true, force: true });
  await mkdir(OUT, { recursive: true });
});

test('exits 0 on a clean archive and says so', () => {
  const result = check('tests/fixtures/check/clean');
  expect(result.code).toBe(0);
  expect(result.out).toBe('Перевірено 2 статті: усе гаразд.\n');
});

test('exits 1 and prints each problem with its place, rule and fix', () => {
  const result = check('tests/fixtures/check/broken');
  expect(result.code).toBe(1);
  expect(result.out).toContain(
    'tests/fixtures/check/broken/articles/2022/01/11/hostile.mdx:11:16  Тег <script> запускав би код у браузері читача  (unsafe-element)\n    → Приберіть тег.',
  );
  expect(result.out.trimEnd().split('\n').at(-1)).toBe('Перевірено 5 статей: 25 проблем. 4 проблеми виправить npm run check -- --fix.');
});

test('--fix repairs typography and missing imports atomically and leaves the rest reported', async () => {
  const root = join(OUT, 'fix');
  await cp(join(PROJECT_ROOT, 'tests/fixtures/check/broken'), root, { recursive: true });
  const result = check(root, '--fix');
  expect(result.code).toBe(1);
  expect(result.out).toContain('Виправлено 2 файли.');
  expect(result.out).not.toMatch(/\((typography|missing-import)\)/);
  const hostile = await readFile(join(root, 'articles/2022/01/11/hostile.mdx'), 'utf8');
  expect(hostile).toContain('title: Ворожий «текст»\n');
  expect(hostile).toMatch(/^---\n[\s\S]*?\n---\nimport \{ Figure \} from '@arkhiv\/article';\nimport fs from 'node:fs';/);
  const raw = await readFile(join(root, 'articles/2022/01/11/raw-html.md'), 'utf8');
  expect(raw).toContain('summary: Лід — з дефісом.\n');
  expect(raw).toContain('Нормальний текст з «лапками» і апострофом пʼять.');
  const leftovers = (await readdir(join(root, 'articles'), { recursive: true })).filter((name) => name.endsWith('.tmp'));
  expect(leftovers).toEqual([]);
  // A second --fix has nothing left to do.
  expect(check(root, '--fix').out).not.toContain('Виправлено');
});

test('finds near duplicates, clashing addresses and broken internal links across the archive', async () => {
  const root = join(OUT, 'archive');
  await cp(TOPICS, join(root, 'topics.yaml'));
  const text =
    'Уряд Казахстану оголосив надзвичайний стан у кількох областях після масових протестів через подвоєння цін на скраплений газ. Президент звернувся до країн ОДКБ по допомогу, а в Алмати тривають сутички з поліцією.';
  const front = (id: string, extra = '') =>
    `title: Надзвичайний стан\ndate: 2022-01-11\ntopics: [kazakhstan]\nsummary: Лід.\nid: sha256:${id}\n${extra}`;
  await article(root, '2022/01/11/nadzvychainyi-stan.md', front('aaaaaaaaaaaaaaaa'), `${text}\n`);
  await article(
    root,
    '2022/01/11/nadzvychainyi-stan-2.md',
    front('bbbbbbbbbbbbbbbb', 'aliases: [/2022/01/11/nadzvychainyi-stan/]'),
    `${text} Про це повідомляє агенція.\n`,
  );
  await article(
    root,
    '2022/01/11/nadzvychainyi-stan.mdx',
    front('cccccccccccccccc'),
    'Зовсім інший текст про погоду в Києві: сніг і мороз.\n\nДив. [економіку](/topics/ekonomika) і [тему](/topics/nemaie/) та [день](/2022/01/12/).\n',
  );
  const result = check(root);
  expect(result.code).toBe(1);
  const lines = result.out
    .split('\n')
    .filter((line) => /^\S.*\(\S+\)$/.test(line))
    .map((line) => line.replace(/^.*?articles\//, '').replace(/ {2}.*\(/, ' ('));
  expect(lines).toEqual([
    '2022/01/11/nadzvychainyi-stan-2.md:7:1 (alias-clash)',
    '2022/01/11/nadzvychainyi-stan.md:1:1 (duplicate-path)',
    '2022/01/11/nadzvychainyi-stan.md:1:1 (near-duplicate)',
    '2022/01/11/nadzvychainyi-stan.mdx:1:1 (duplicate-path)',
    '2022/01/11/nadzvychainyi-stan.mdx:10:6 (broken-link)',
    '2022/01/11/nadzvychainyi-stan.mdx:10:39 (broken-link)',
    '2022/01/11/nadzvychainyi-stan.mdx:10:66 (broken-link)',
  ]);
});

test('refuses an unknown option with one line that points at the help, and exit code 2', () => {
  const result = check('content', '--frobnicate');
  expect(result.code).toBe(2);
  expect(result.err).toBe('check: невідомий параметр --frobnicate; див. npm run check -- --help\n');
  expect(result.out).toBe('');
});

describe('--format json', () => {
  test('a broken archive: one JSON document with every problem and the counts, exit code 1', () => {
    const result = check('tests/fixtures/check/broken', '--format', 'json');
    expect(result.code).toBe(1);
    const report = JSON.parse(result.out) as { problems: Array<Record<string, unknown>>; errors: number; warnings: number };
    expect(report).toMatchObject({ errors: 25, warnings: 0 });
    expect(report.problems).toHaveLength(25);
    const file = 'tests/fixtures/check/broken/articles/2022/01/11/hostile.mdx';
    expect(report.problems).toContainEqual({
      file,
      line: 4,
      column: 1,
      rule: 'unknown-topic',
      severity: 'error',
      message: 'теми «kazakhstn» немає в topics.yaml',
      fix: 'Додайте тему до topics.yaml або виправте слаг.',
      field: 'topics',
    });
    const script = report.problems.find((p) => p.rule === 'unsafe-element' && p.line === 11);
    expect(Object.keys(script!)).toEqual(['file', 'line', 'column', 'rule', 'severity', 'message', 'fix']);
    expect(script).toMatchObject({ file, column: 16, message: 'Тег <script> запускав би код у браузері читача' });
  });

  test('warnings only: counted, and exit code 0', async () => {
    const root = join(OUT, 'json-warning');
    await cp(TOPICS, join(root, 'topics.yaml'));
    const text =
      'Уряд Казахстану оголосив надзвичайний стан у кількох областях після масових протестів через подвоєння цін на скраплений газ. Президент звернувся до країн ОДКБ по допомогу, а в Алмати тривають сутички з поліцією.';
    const front = (id: string) => `title: Надзвичайний стан\ndate: 2022-01-11\ntopics: [kazakhstan]\nsummary: Лід.\nid: sha256:${id}`;
    await article(root, '2022/01/11/nadzvychainyi-stan.md', front('aaaaaaaaaaaaaaaa'), `${text}\n`);
    await article(root, '2022/01/11/nadzvychainyi-stan-2.md', front('bbbbbbbbbbbbbbbb'), `${text} Про це повідомляє агенція.\n`);
    const result = check(root, '--format', 'json');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.out) as { problems: Array<{ rule: string; severity: string }>; errors: number; warnings: number };
    expect(report).toMatchObject({ errors: 0, warnings: 1 });
    expect(report.problems.map((p) => [p.rule, p.severity])).toEqual([['near-duplicate', 'warning']]);
  });

  test('a clean archive is an empty report, exit code 0', () => {
    const result = check('tests/fixtures/check/clean', '--format', 'json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toEqual({ problems: [], errors: 0, warnings: 0 });
  });

  test('an unknown format is a usage error', () => {
    const result = check('tests/fixtures/check/clean', '--format', 'xml');
    expect(result).toMatchObject({ code: 2, out: '', err: 'check: --format приймає human або json (отримано «xml»)\n' });
  });
});

test('checks every file the site serves: public/ and the local files articles link, located with a fix', async () => {
  const root = join(OUT, 'served');
  await cp(join(PROJECT_ROOT, 'tests/fixtures/check/clean'), root, { recursive: true });
  const folder = join(root, 'articles/2022/01/11');
  const entry = (await readdir(folder)).find((name) => name.endsWith('.md'))!;
  await writeFile(join(folder, entry), `${await readFile(join(folder, entry), 'utf8')}\n![Схема](./skhema.svg)\n`);
  await writeFile(
    join(folder, 'skhema.svg'),
    '<svg xmlns="http://www.w3.org/2000/svg"><a href="javascript:alert(1)"><text>x</text></a></svg>',
  );
  const publicDir = join(OUT, 'served-public');
  await mkdir(join(publicDir, 'images'), { recursive: true });
  await writeFile(join(publicDir, 'images/x.svg'), '<svg xmlns="http://www.w3.org/2000/svg">\n  <script>alert(1)</script>\n</svg>\n');
  await writeFile(join(publicDir, 'images/ok.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>');
  await writeFile(join(publicDir, 'landing.html'), '<h1>x</h1>');
  const result = check(root, '--public', publicDir);
  expect(result.code).toBe(1);
  const shown = (path: string) => path.slice(PROJECT_ROOT.length + 1);
  expect(result.out).toContain(
    `${shown(publicDir)}/images/x.svg:2:3  Елемент <script> запускав би код на домені сайту, щойно SVG відкриють напряму  (svg-script)\n` +
      '    → Приберіть скрипт: зображення на сайті не містять коду. SVG з редактора збережіть як «простий SVG» (Plain SVG) або очистіть оптимізатором SVGO.\n',
  );
  expect(result.out).toContain(
    `${shown(publicDir)}/landing.html:1:1  Файл .html браузер відкриє як сторінку сайту, і скрипти в ньому запрацюють  (file-type)\n`,
  );
  expect(result.out).toContain(
    `${shown(folder)}/skhema.svg:1:44  Адреса «javascript:alert(1)» в атрибуті href у <a> запускала б код  (svg-script)\n`,
  );
  expect(result.out.trimEnd().split('\n').at(-1)).toBe('Перевірено 2 статті: 3 проблеми.');
});
