import { rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { formatArchiveProblems } from '#lib/archive/archive-problem.ts';
import { validateArchive } from '#lib/archive/validate-archive.ts';
import { freshFolder } from '../../../helpers/fresh-folder.ts';
import validateContent from '../../../../src/integrations/validate-content.ts';

const OUTPUT = join(import.meta.dirname, '../../../.output/validate-archive');
const TOPICS = '- slug: viina\n  name: Війна\n  match: [війн*]\n- slug: osvita\n  name: Освіта\n  match: [освіт*]\n';
const GOOD = (id: string, extra = '') =>
  `---\ntitle: Заголовок\ndate: 2022-01-11\ntopics: [viina]\nsummary: Лід.\nid: sha256:${id}\n${extra}---\n\nТекст.\n`;

const archive = (name: string, files: Record<string, string>): Promise<string> => freshFolder(join(OUTPUT, name), files);

afterAll(async () => {
  await rm(OUTPUT, { recursive: true, force: true });
});

describe('validateArchive', () => {
  test('a valid archive has no problems', async () => {
    const root = await archive('valid', {
      'topics.yaml': TOPICS,
      'articles/2022/01/11/zaholovok.md': GOOD('0123456789abcdef'),
      'articles/2022/01/11/druhyi.mdx': GOOD('fedcba9876543210', 'aliases: [/2021/12/31/stara-adresa/]\n'),
      // A file beside an article that the article shows is served with it, not stray.
      'articles/2022/01/11/skhema.png': 'png',
      'articles/2022/01/11/z-kartynkoiu.md': GOOD('0123456789abcde0').replace('Текст.', 'Схема:\n\n![Схема](./skhema.png)'),
    });
    expect(await validateArchive(root, { relativeTo: root })).toEqual([]);
  });

  test('lists every problem of every file with file, line, field and rule, not just the first', async () => {
    const root = await archive('broken', {
      'topics.yaml': TOPICS,
      'articles/2022/01/11/a.md':
        '---\ntitle: ""\ndate: 2022-01-12\ntopics: [viina, nema]\nsummary: Лід.\nid: sha256:0123456789abcdef\nextra: 1\n---\nТекст\n',
      'articles/2022/01/11/b.md':
        '---\ntitle: Б\ndate: 2022-01-11\nsummary: Лід.\nid: sha256:0123456789abcdef\nsource: {url: nope}\n---\nТекст\n',
      'articles/2022/01/12/c.md': '---\ntitle: [незакрито\n---\n',
      'articles/2022/01/12/Bad_Name.md': 'без front matter\n',
      'articles/2022/01/12/d.md': GOOD('aaaaaaaaaaaaaaaa').replace('2022-01-11', '2022-01-12'),
      'articles/2022/01/12/d.mdx': GOOD('bbbbbbbbbbbbbbbb').replace('2022-01-11', '2022-01-12'),
      'articles/2022/01/12/e.md': GOOD('cccccccccccccccc', 'aliases: [/2022/01/12/d/]\n').replace('2022-01-11', '2022-01-12'),
      'articles/zabludlyi.md': GOOD('dddddddddddddddd'),
      'articles/2022/01/12/foto.png': 'png',
    });
    const problems = await validateArchive(root, { relativeTo: root });
    expect(problems.map((p) => `${p.file}:${p.line} ${p.field ?? '-'} ${p.rule} ${p.severity}`)).toEqual([
      'articles/2022/01/11/a.md:2 title schema error',
      'articles/2022/01/11/a.md:3 date date-path error',
      'articles/2022/01/11/a.md:4 topics unknown-topic error',
      'articles/2022/01/11/a.md:6 id duplicate-id error',
      'articles/2022/01/11/a.md:7 extra schema error',
      'articles/2022/01/11/b.md:5 id duplicate-id error',
      'articles/2022/01/11/b.md:6 source.url schema error',
      'articles/2022/01/12/Bad_Name.md:1 - front-matter error',
      'articles/2022/01/12/Bad_Name.md:1 - path error',
      'articles/2022/01/12/c.md:2 - front-matter error',
      'articles/2022/01/12/d.md:1 - duplicate-path error',
      'articles/2022/01/12/d.mdx:1 - duplicate-path error',
      'articles/2022/01/12/e.md:7 aliases alias-clash error',
      'articles/2022/01/12/foto.png:1 - stray-file warning',
      'articles/zabludlyi.md:1 - path error',
    ]);
  });

  test('problems in topics.yaml are reported with their line', async () => {
    const root = await archive('topics', {
      'topics.yaml': `${TOPICS}- slug: Погана тема\n  name: X\n  match: []\n- slug: viina\n  name: Ще раз\n  match: [x]\n`,
    });
    const problems = await validateArchive(root, { relativeTo: root });
    expect(problems.map((p) => `${p.file}:${p.line} ${p.field ?? '-'} ${p.rule}`)).toEqual([
      'topics.yaml:7 slug topic-schema',
      'topics.yaml:9 match topic-schema',
      'topics.yaml:10 slug topic-duplicate',
    ]);
  });

  test('problems on one line come in column order, as npm run check prints them', async () => {
    const root = await archive('topics-columns', { 'topics.yaml': `- {name: "", slug: Bad}\n${TOPICS}` });
    const problems = await validateArchive(root, { relativeTo: root });
    expect(problems.map((p) => `${p.line}:${p.column} ${p.field}`)).toEqual(['1:3 match', '1:4 name', '1:14 slug']);
  });
});

describe('the build integration', () => {
  async function runSetup(root: string, command: 'build' | 'dev') {
    const logged: string[] = [];
    const logger = { warn: (m: string) => logged.push(`warn: ${m}`), error: (m: string) => logged.push(`error: ${m}`), info: () => {} };
    const hook = validateContent({ contentDir: '.' }).hooks['astro:config:setup']!;
    await (hook as (options: unknown) => Promise<void>)({ config: { root: pathToFileURL(`${root}/`) }, command, logger });
    return logged;
  }

  test('fails the build with one error that lists every bad entry (exact wording)', async () => {
    const root = await archive('build', {
      'topics.yaml': TOPICS,
      'articles/2022/01/11/a.md':
        '---\ntitle: А\ndate: 2022-01-11\ntopics: [nema]\nsummary: Лід.\nid: sha256:0123456789abcdef\n---\nТекст\n',
      'articles/2022/01/12/b.md': '---\ntitle: Б\ndate: вчора\nsummary: Лід.\nid: 42\n---\nТекст\n',
    });
    // Paths are shown from where the build runs, as npm run check shows them.
    const at = relative(process.cwd(), root);
    await expect(runSetup(root, 'build')).rejects.toThrow(
      [
        'Архів містить 3 помилки у 2 файлах:',
        `${at}/articles/2022/01/11/a.md:4:1  topics: теми «nema» немає в topics.yaml  (unknown-topic)`,
        '    → Додайте тему до topics.yaml або виправте слаг.',
        `${at}/articles/2022/01/12/b.md:3:1  date: «вчора» не є датою (потрібно РРРР-ММ-ДД)  (schema)`,
        '    → Запишіть дату як РРРР-ММ-ДД, наприклад 2026-01-26.',
        `${at}/articles/2022/01/12/b.md:5:1  id: неправильний тип: потрібно текст, а не число  (schema)`,
        '    → id ставить npm run ingest (або npm run new); не редагуйте його вручну.',
        'Виправте ці файли (або запустіть npm run check) і зберіть сайт знову.',
      ].join('\n'),
    );
  });

  test('in astro dev the problems are logged and the server keeps running', async () => {
    const root = await archive('dev', {
      'topics.yaml': TOPICS,
      'articles/2022/01/11/a.md': GOOD('0123456789abcdef').replace('[viina]', '[nema]'),
    });
    const logged = await runSetup(root, 'dev');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain(
      `error: Архів містить 1 помилку у 1 файлі:\n${relative(process.cwd(), root)}/articles/2022/01/11/a.md:4:1  topics: теми «nema» немає в topics.yaml`,
    );
  });

  test('formats warnings apart from errors', () => {
    expect(
      formatArchiveProblems([
        { file: 'a.md', line: 1, column: 1, message: 'm', rule: 'r', severity: 'error' },
        { file: 'b.png', line: 1, column: 1, message: 'n', rule: 'stray-file', severity: 'warning' },
      ]),
    ).toBe('Архів містить 1 помилку і 1 попередження у 2 файлах:\na.md:1:1  m  (r)\nb.png:1:1  попередження: n  (stray-file)');
  });
});
