import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { ARTICLE_STATES_VARIABLE, articleFileStates, saveArticleFileStates } from '#lib/archive/article-file-states.ts';

let dir: string;
let articles: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'arkhiv-article-states-'));
  articles = join(dir, 'articles');
  await mkdir(join(articles, '2024/06/03'), { recursive: true });
  await mkdir(join(articles, '2023/01/09/.chernetky'), { recursive: true });
  await writeFile(join(articles, '2024/06/03/druha.mdx'), 'b');
  await writeFile(join(articles, '2024/06/03/persha.md'), 'a');
  await writeFile(join(articles, '2024/06/03/skhema.png'), 'png');
  await writeFile(join(articles, '2024/06/03/.prykhovana.md'), 'h');
  await writeFile(join(articles, '2023/01/09/.chernetky/chernetka.md'), 'd');
  await writeFile(join(articles, '2023/01/09/stara.md'), 'old');
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await rm(dir, { recursive: true, force: true });
});

test('lists the Markdown and MDX files in path order with their states, leaving out other and hidden files', () => {
  const states = articleFileStates(articles);
  expect([...states.keys()]).toEqual(['2023/01/09/stara.md', '2024/06/03/druha.mdx', '2024/06/03/persha.md']);
  expect(states.get('2023/01/09/stara.md')).toMatchObject({ size: 3 });
});

test('a process given the listing of a build takes it, as the build found the folder, instead of listing again', async () => {
  const file = join(dir, 'cache/states.json');
  saveArticleFileStates(file, articles, articleFileStates(articles));
  vi.stubEnv(ARTICLE_STATES_VARIABLE, file);
  await writeFile(join(articles, '2024/06/03/tretia.md'), 'c');
  await writeFile(join(articles, '2024/06/03/persha.md'), 'змінена');
  const given = articleFileStates(articles);
  expect([...given.keys()]).toEqual(['2023/01/09/stara.md', '2024/06/03/druha.mdx', '2024/06/03/persha.md']);
  expect(given.get('2024/06/03/persha.md')).toMatchObject({ size: 1 });
});

test('a listing of another folder, or a file that cannot be read, is not taken', async () => {
  const file = join(dir, 'states.json');
  const other = join(dir, 'other/articles');
  await mkdir(join(other, '2020/01/01'), { recursive: true });
  await writeFile(join(other, '2020/01/01/insha.md'), 'x');
  saveArticleFileStates(file, other, articleFileStates(other));
  vi.stubEnv(ARTICLE_STATES_VARIABLE, file);
  expect([...articleFileStates(articles).keys()]).toHaveLength(3);
  vi.stubEnv(ARTICLE_STATES_VARIABLE, join(dir, 'missing.json'));
  expect([...articleFileStates(articles).keys()]).toHaveLength(3);
  await writeFile(file, '{not json');
  vi.stubEnv(ARTICLE_STATES_VARIABLE, file);
  expect([...articleFileStates(articles).keys()]).toHaveLength(3);
});
