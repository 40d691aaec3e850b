import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { InvalidArchiveError } from '#lib/archive/archive-problem.ts';
import { validateArchive } from '#lib/archive/validate-archive.ts';
import type { Problem } from '#lib/problems.ts';
import { runCheck } from '../../scripts/lib/check/run-check.ts';
import { ArchiveState } from '../../scripts/lib/ingest/archive-state.ts';
import { PROJECT_ROOT } from '../helpers/build-site.ts';
import { runNode } from '../helpers/run-node.ts';
import { windows1251 } from '../helpers/windows-1251.ts';

/**
 * The archive has one reader: `npm run check`, the build's validator and the
 * ingest accept or reject each file alike, at the same place.
 */

const OUT = join(PROJECT_ROOT, 'tests/.output/archive-readers');
const TOPICS = '- slug: viina\n  name: Війна\n  match: [війн*]\n';
const TEXT = 'Уряд ухвалив рішення про ремонт мостів у трьох областях до кінця року.\n';
const front = (date = '2022-01-11', extra = '') =>
  `---\ntitle: Ремонт мостів\ndate: ${date}\ntopics: [viina]\nsummary: Уряд ухвалив рішення.\nid: sha256:0123456789abcdef\n${extra}---\n\n`;

/** Name, file (relative to the archive), its bytes, and what every reader must say: `line:column rule`. */
const CASES: Array<[string, string, string | Buffer, string[]]> = [
  ['a clean article', '2022/01/11/remont-mostiv.md', `${front()}${TEXT}`, []],
  ['a file saved in Windows-1251', '2022/01/11/remont-mostiv.md', windows1251(`${front()}${TEXT}`), ['2:8 encoding']],
  [
    'a file with a byte that is not UTF-8 further down',
    '2022/01/11/remont-mostiv.md',
    Buffer.concat([Buffer.from(`${front()}Перший рядок.\nДругий `), Buffer.from([0xc3, 0x28]), Buffer.from('.\n')]),
    ['10:8 encoding'],
  ],
  ['a file that starts with a BOM', '2022/01/11/remont-mostiv.md', `\uFEFF${front()}${TEXT}`, ['1:1 encoding']],
  ['a file saved in UTF-16', '2022/01/11/remont-mostiv.md', Buffer.from(`\uFEFF${front()}${TEXT}`, 'utf16le'), ['1:1 encoding']],
  ['a NUL character', '2022/01/11/remont-mostiv.md', `${front()}Текст\0.\n`, ['9:6 encoding']],
  [
    'front matter that is never closed',
    '2022/01/11/remont-mostiv.md',
    `---\ntitle: Ремонт мостів\ndate: 2022-01-11\n\n${TEXT}`,
    ['1:1 front-matter'],
  ],
  ['no front matter', '2022/01/11/remont-mostiv.md', TEXT, ['1:1 front-matter']],
  ['TOML front matter', '2022/01/11/remont-mostiv.md', `+++\ntitle = "Ремонт мостів"\n+++\n\n${TEXT}`, ['1:1 front-matter']],
  [
    'YAML that does not parse',
    '2022/01/11/remont-mostiv.md',
    `${front().replace('summary: Уряд ухвалив рішення.', 'summary: [Уряд ухвалив')}${TEXT}`,
    ['5:1 front-matter'],
  ],
  [
    'an impossible date, which YAML would move on to the folder’s day',
    '2026/03/02/remont-mostiv.md',
    `${front('2026-02-30')}${TEXT}`,
    ['3:1 impossible-date'],
  ],
  ['an impossible date in quotes', '2026/03/02/remont-mostiv.md', `${front('"2026-02-30"')}${TEXT}`, ['3:1 impossible-date']],
  [
    'an impossible correction date',
    '2026/02/28/remont-mostiv.md',
    `${front('2026-02-28', 'updated: 2026-02-29\ncorrection: Виправлено назву.\n')}${TEXT}`,
    ['7:1 impossible-date'],
  ],
  ['a date that disagrees with the folder', '2022/01/12/remont-mostiv.md', `${front()}${TEXT}`, ['3:1 date-path']],
  ['a quoted date that disagrees with the folder', '2022/01/12/remont-mostiv.md', `${front('"2022-01-11"')}${TEXT}`, ['3:1 date-path']],
  [
    'a character reference beyond Unicode',
    '2022/01/11/remont-mostiv.md',
    `${front()}Уряд &#x110000; ухвалив рішення про ремонт мостів.\n`,
    ['9:6 character-reference'],
  ],
  [
    'a character reference to a surrogate',
    '2022/01/11/remont-mostiv.md',
    `${front()}Уряд ухвалив &#55296; рішення про ремонт мостів.\n`,
    ['9:14 character-reference'],
  ],
];

/** `line:column rule` of the problems of one file, in order. */
const placed = (problems: readonly Problem[]) => problems.map((p) => `${p.line}:${p.column} ${p.rule}`);

async function archiveWith(name: string, path: string, content: string | Buffer): Promise<string> {
  const root = join(OUT, name);
  await rm(root, { recursive: true, force: true });
  await mkdir(join(root, 'public'), { recursive: true });
  await writeFile(join(root, 'topics.yaml'), TOPICS);
  await mkdir(dirname(join(root, 'articles', path)), { recursive: true });
  await writeFile(join(root, 'articles', path), content);
  return root;
}

/** What the ingest says of the archive when it starts: the problems it refuses to run with. */
async function ingestProblems(root: string): Promise<Problem[]> {
  try {
    await ArchiveState.load(root);
    return [];
  } catch (error) {
    if (error instanceof InvalidArchiveError) return [...error.problems];
    throw error;
  }
}

describe('check, build and ingest read an article file alike', () => {
  test.each(CASES.map(([name, path, content, expected], n) => ({ name, path, content, expected, n })))(
    '$name',
    async ({ path, content, expected, n }) => {
      const root = await archiveWith(`case-${n}`, path, content);
      const check = await runCheck({ root, today: '2026-11-25', cwd: root, publicDir: 'public' });
      const build = await validateArchive(root, { relativeTo: root });
      const ingest = await ingestProblems(root);
      expect({ check: placed(check.problems), build: placed(build), ingest: placed(ingest) }).toEqual({
        check: expected,
        build: expected,
        ingest: expected,
      });
      for (const problem of [...check.problems, ...build]) expect(problem.file).toBe(`articles/${path}`);
    },
  );

  test('the problems read as what, where and how to fix it', async () => {
    const root = await archiveWith('wording', '2026/03/02/remont-mostiv.md', windows1251(`${front()}${TEXT}`));
    await writeFile(
      join(root, 'articles/2026/03/02/kalendar.md'),
      `${front('2026-02-30')}Уряд ухвалив рішення &#x110000; про ремонт мостів.\n`,
    );
    const problems = await validateArchive(root, { relativeTo: root });
    expect(problems.map((p) => `${p.file}:${p.line}:${p.column}  ${p.field ? `${p.field}: ` : ''}${p.message}\n    → ${p.fix}`))
      .toMatchInlineSnapshot(`
      [
        "articles/2026/03/02/kalendar.md:3:1  date: дати 2026-02-30 немає в календарі: у лютому 2026 року 28 днів
          → Запишіть справжню дату як РРРР-ММ-ДД, наприклад 2026-01-26.",
        "articles/2026/03/02/kalendar.md:9:22  Код символу &#x110000; не відповідає жодному символу: на сайті стало б «�»
          → Напишіть сам символ (або його справжній код, як &#x2014; для «—»); щоб показати код як текст, поставте перед ним \\.",
        "articles/2026/03/02/remont-mostiv.md:2:8  Файл не в кодуванні UTF-8 (схоже, його збережено у Windows-1251): на сайті ці літери стали б «�»
          → Перезбережіть файл у UTF-8 (у редакторі: «Зберегти як…» → кодування UTF-8, без BOM).",
      ]
    `);
  });
});

test('an article the readers reject stops the ingest with its place, not a stack trace', async () => {
  const root = await archiveWith(
    'ingest-cli',
    '2022/01/11/remont-mostiv.md',
    `${front()}Уряд &#x110000; ухвалив рішення про ремонт мостів.\n`,
  );
  await writeFile(join(root, 'input.txt'), 'Заголовок новини\n\nТекст новини про погоду: у Києві сніг і мороз.\n');
  const run = await runNode(['scripts/ingest.ts', '--content', root, join(root, 'input.txt')], { cwd: PROJECT_ROOT });
  expect(run.code).toBe(1);
  expect(run.stderr).not.toMatch(/RangeError|\n\s+at /);
  expect(run.stderr).toContain(`tests/.output/archive-readers/ingest-cli/articles/2022/01/11/remont-mostiv.md:9:6  Код символу &#x110000;`);
  expect(run.stderr).toContain('запустіть npm run ingest знову');
});
