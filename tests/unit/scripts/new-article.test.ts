import { spawnSync } from 'node:child_process';
import { cp, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, expect, test } from 'vitest';
import { newArticle, validateNewArticle } from '../../../scripts/lib/new-article.ts';
import { articleSchema } from '#lib/archive/article-schema.ts';
import { parseYamlFrontMatter, splitFrontMatter } from '#lib/archive/article-file.ts';
import { PROJECT_ROOT } from '../../helpers/build-site.ts';

const ARCHIVE = join(PROJECT_ROOT, 'tests/.output/new-article');
const TOPICS = new Set(['kazakhstan', 'ekonomika']);

function run(...args: string[]) {
  const result = spawnSync(process.execPath, ['scripts/new.ts', '--content', ARCHIVE, ...args], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

beforeEach(async () => {
  await rm(ARCHIVE, { recursive: true, force: true });
  await cp(join(PROJECT_ROOT, 'tests/fixtures/check/clean'), ARCHIVE, { recursive: true });
});

test.each([
  ['Щастя у Згоранах', 'shchastia-u-zghoranakh'],
  ['Юрій Їжакевич у Києві', 'yurii-yizhakevych-u-kyievi'],
  ["Обʼєднання та п'ять «нових» шкіл", 'obiednannia-ta-piat-novykh-shkil'],
])('places «%s» at articles/2022/01/11/%s.md', (title, slug) => {
  expect(newArticle({ title, date: '2022-01-11', topics: [], mdx: false }).path).toBe(`articles/2022/01/11/${slug}.md`);
});

test('writes front matter that the schema accepts, in the ingest format, with normalised typography', () => {
  const article = newArticle({
    title: 'Ціни на газ -- "рекордні"',
    date: '2022-01-11',
    topics: ['ekonomika'],
    summary: "Ціни зросли в п'ять разів.",
    mdx: true,
  });
  expect(article.path).toBe('articles/2022/01/11/tsiny-na-haz-rekordni.mdx');
  const split = splitFrontMatter(article.text);
  if (!split || 'error' in split) throw new Error('no front matter');
  const parsed = parseYamlFrontMatter(split.frontMatter);
  if ('error' in parsed) throw new Error(parsed.error);
  const data = articleSchema.parse(parsed.data);
  expect(data.title).toBe('Ціни на газ — «рекордні»');
  expect(data.summary).toBe('Ціни зросли в пʼять разів.');
  expect(data.topics).toEqual(['ekonomika']);
  expect(data.id).toMatch(/^sha256:[0-9a-f]{16}$/);
  expect(split.body).toMatch(
    /^\n?import \{ Figure, PullQuote, SourceDocument, Embed \} from '@arkhiv\/article';\n\nЗАПОВНІТЬ: текст статті/,
  );
});

test('gives different articles different ids and the same answers the same id', () => {
  const a = newArticle({ title: 'Перша', date: '2022-01-11', topics: [], mdx: false }).text;
  const b = newArticle({ title: 'Друга', date: '2022-01-11', topics: [], mdx: false }).text;
  expect(a).not.toBe(b);
  expect(newArticle({ title: 'Перша', date: '2022-01-11', topics: [], mdx: false }).text).toBe(a);
});

test('explains every invalid answer at once', () => {
  expect(validateNewArticle({ title: '!!!', date: '2031-02-30', topics: ['kazahstan'], mdx: false }, TOPICS, '2026-11-25')).toEqual([
    'Із заголовка не виходить адреса (у ньому немає літер чи цифр): додайте --slug latynytseiu.',
    'Дата «2031-02-30» не існує: вкажіть --date рррр-мм-дд.',
    'Немає таких тем у content/topics.yaml: kazahstan. Доступні: kazakhstan, ekonomika.',
  ]);
  expect(validateNewArticle({ title: 'Завтра', date: '2026-11-26', topics: [], mdx: false }, TOPICS, '2026-11-25')).toEqual([
    'Дата 2026-11-26 ще не настала: архів містить лише опубліковане.',
  ]);
});

test('the CLI writes the file, prints its path, and the check then asks only for the placeholders', async () => {
  const created = run('--title', 'Протести в Алмати', '--date', '2022-01-12', '--topics', 'kazakhstan');
  expect(created.code).toBe(0);
  expect(created.out.trim()).toBe('tests/.output/new-article/articles/2022/01/12/protesty-v-almaty.md');
  const check = spawnSync(process.execPath, ['scripts/check.ts', '--content', ARCHIVE], { cwd: PROJECT_ROOT, encoding: 'utf8' });
  expect(check.status).toBe(1);
  expect(check.stdout.match(/\(([a-z-]+)\)$/gm)).toEqual(['(placeholder)', '(placeholder)']);
});

test('the CLI refuses to overwrite an article, with either extension', async () => {
  const path = join(ARCHIVE, 'articles/2022/01/11/protesty-v-kazakhstani.md');
  const before = await readFile(path, 'utf8');
  for (const extra of [[], ['--mdx']]) {
    const result = run('--title', 'Протести в Казахстані', '--date', '2022-01-11', ...extra);
    expect(result.code).toBe(1);
    expect(result.err).toContain(
      'Стаття з цією адресою вже є: tests/.output/new-article/articles/2022/01/11/protesty-v-kazakhstani.md. Нічого не записано.',
    );
  }
  expect(await readFile(path, 'utf8')).toBe(before);
  expect((await readdir(join(ARCHIVE, 'articles/2022/01/11'))).sort()).toEqual(['protesty-v-kazakhstani.md', 'tsiny-na-gaz.mdx']);
});

test('the CLI needs a title', () => {
  const result = run('--date', '2022-01-12');
  expect(result.code).toBe(2);
  expect(result.err).toBe('new: бракує заголовка: додайте --title "Заголовок"; див. npm run new -- --help\n');
});
