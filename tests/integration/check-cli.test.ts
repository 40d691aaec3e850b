import { spawnSync } from 'node:child_process';
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { beforeEach, expect, test } from 'vitest';
import { PROJECT_ROOT } from '../helpers/build-site.ts';

const OUT = join(PROJECT_ROOT, 'tests/.output/check-cli');
const TOPICS = join(PROJECT_ROOT, 'tests/fixtures/check/clean/topics.yaml');

function check(content: string, ...args: string[]) {
  const run = spawnSync(process.execPath, ['scripts/check.ts', '--content', content, '--today', '2026-11-25', ...args], { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 60_000 });
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
  expect(result.out).toContain('tests/fixtures/check/broken/articles/2022/01/11/hostile.mdx:11:16  Тег <script> запускав би код у браузері читача  (unsafe-element)\n    → Приберіть тег.');
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
  const text = 'Уряд Казахстану оголосив надзвичайний стан у кількох областях після масових протестів через подвоєння цін на скраплений газ. Президент звернувся до країн ОДКБ по допомогу, а в Алмати тривають сутички з поліцією.';
  const front = (id: string, extra = '') => `title: Надзвичайний стан\ndate: 2022-01-11\ntopics: [kazakhstan]\nsummary: Лід.\nid: sha256:${id}\n${extra}`;
  await article(root, '2022/01/11/nadzvychainyi-stan.md', front('aaaaaaaaaaaaaaaa'), `${text}\n`);
  await article(root, '2022/01/11/nadzvychainyi-stan-2.md', front('bbbbbbbbbbbbbbbb', 'aliases: [/2022/01/11/nadzvychainyi-stan/]'), `${text} Про це повідомляє агенція.\n`);
  await article(root, '2022/01/11/nadzvychainyi-stan.mdx', front('cccccccccccccccc'), 'Зовсім інший текст про погоду в Києві: сніг і мороз.\n\nДив. [економіку](/topics/ekonomika) і [тему](/topics/nemaie/) та [день](/2022/01/12/).\n');
  const result = check(root);
  expect(result.code).toBe(1);
  const lines = result.out.split('\n').filter((line) => /^\S.*\(\S+\)$/.test(line)).map((line) => line.replace(/^.*?articles\//, '').replace(/  .*\(/, ' ('));
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

test('refuses an unknown option with a usage line and exit code 2', () => {
  const result = check('content', '--frobnicate');
  expect(result.code).toBe(2);
  expect(result.err).toContain('Використання: npm run check');
});
