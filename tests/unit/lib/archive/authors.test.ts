import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { authorSchema } from '#lib/archive/author-schema.ts';
import { authorNameKey, parseAuthors } from '#lib/archive/authors.ts';
import { articleSchema } from '#lib/archive/article-schema.ts';
import { formatArchiveProblems } from '#lib/archive/archive-problem.ts';
import { validateArchive } from '#lib/archive/validate-archive.ts';
import { validateAuthors } from '#lib/archive/validate-authors.ts';
import { freshFolder } from '../../../helpers/fresh-folder.ts';

const OUTPUT = join(import.meta.dirname, '../../../.output/authors');
const TOPICS = '- slug: viina\n  name: Війна\n  match: [війн*]\n';
const AUTHORS = '- slug: olena-petrenko\n  name: Олена Петренко\n- slug: taras-kovalchuk\n  name: Тарас Ковальчук\n';
const ARTICLE = (authors: string) =>
  `---\ntitle: Заголовок\ndate: 2022-01-11\ntopics: [viina]\n${authors}summary: Лід.\nid: sha256:0123456789abcdef\n---\n\nТекст.\n`;

const archive = (name: string, files: Record<string, string>) => freshFolder(join(OUTPUT, name), files);

afterAll(async () => {
  await rm(OUTPUT, { recursive: true, force: true });
});

describe('the author schema', () => {
  test('takes a slug and a name, and optionally a bio and links', () => {
    const author = { slug: 'olena-petrenko', name: 'Олена Петренко', bio: 'Кореспондентка.', links: ['https://example.net/olena'] };
    expect(authorSchema.parse(author)).toEqual(author);
    expect(authorSchema.parse({ slug: 'o', name: 'О' })).toEqual({ slug: 'o', name: 'О' });
  });

  test.each([
    ['a slug that is not ASCII', { slug: 'Олена', name: 'Олена' }, 'Слаг автора — малі латинські літери, цифри й дефіси.'],
    ['an empty name', { slug: 'olena', name: ' ' }, 'Імʼя автора не може бути порожнім.'],
    [
      'a link that is not a web address',
      { slug: 'olena', name: 'О', links: ['javascript:alert(1)'] },
      'Посилання автора має починатися з https://.',
    ],
  ])('refuses %s', (_, value, message) => {
    const parsed = authorSchema.safeParse(value);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.message)).toContain(message);
  });

  test('an article names its authors by slug; none by default', () => {
    const base = { title: 'З', date: '2022-01-11', summary: 'Л.', id: 'sha256:0123456789abcdef' };
    expect(articleSchema.parse(base).authors).toEqual([]);
    expect(articleSchema.parse({ ...base, authors: ['olena-petrenko'] }).authors).toEqual(['olena-petrenko']);
    expect(articleSchema.safeParse({ ...base, authors: ['Олена Петренко'] }).error?.issues[0]?.message).toBe(
      'Автор має бути слагом з малих латинських літер, цифр і дефісів.',
    );
  });
});

describe('authors.yaml', () => {
  test('is a YAML list; an empty file is no authors', () => {
    expect(parseAuthors(AUTHORS).map((author) => author.slug)).toEqual(['olena-petrenko', 'taras-kovalchuk']);
    expect(parseAuthors('')).toEqual([]);
    expect(parseAuthors('# лише коментар\n')).toEqual([]);
    expect(() => parseAuthors('slug: olena\n')).toThrow('authors.yaml: очікується список авторів (YAML-послідовність).');
  });

  test('a name is the same name whatever its case, spacing and apostrophe', () => {
    expect(authorNameKey('  Олена   ПЕТРЕНКО ')).toBe(authorNameKey('Олена Петренко'));
    expect(authorNameKey("Мар'яна Гнатюк")).toBe(authorNameKey('Марʼяна Гнатюк'));
    expect(authorNameKey('Олена Петренко')).not.toBe(authorNameKey('Олена Петренко-Ткач'));
  });

  test('validation lists every bad entry and duplicate with its line', () => {
    const text = `${AUTHORS}- slug: Bad Slug\n  name: Хтось\n- slug: olena-petrenko\n  name: Олена П.\n- name: Без слага\n`;
    const { slugs, problems } = validateAuthors(text, 'authors.yaml');
    expect(slugs).toEqual(new Set(['olena-petrenko', 'taras-kovalchuk']));
    expect(problems.map((p) => `${p.file}:${p.line} ${p.rule} ${p.field ?? '-'}: ${p.message}`)).toEqual([
      'authors.yaml:5 author-schema slug: автор №3: Слаг автора — малі латинські літери, цифри й дефіси.',
      'authors.yaml:7 author-duplicate slug: автор «olena-petrenko» повторюється (уперше в рядку 1)',
      'authors.yaml:9 author-schema slug: автор №5: обовʼязкове поле відсутнє',
    ]);
  });

  test('an empty file is valid; a file that is not a list is not', () => {
    expect(validateAuthors('', 'authors.yaml').problems).toEqual([]);
    expect(validateAuthors('slug: olena\n', 'authors.yaml').problems.map((p) => `${p.rule}: ${p.message}`)).toEqual([
      'authors-yaml: authors.yaml має бути списком авторів',
    ]);
  });
});

describe('npm run check and the build', () => {
  test('an unknown author is reported at the line of `authors`, with the fix', async () => {
    const root = await archive('unknown', {
      'topics.yaml': TOPICS,
      'authors.yaml': AUTHORS,
      'articles/2022/01/11/zaholovok.md': ARTICLE('authors: [olena-petrenko, olena-petrenk]\n'),
    });
    expect(formatArchiveProblems(await validateArchive(root, { relativeTo: root }))).toMatchInlineSnapshot(`
      "Архів містить 1 помилку у 1 файлі:
      articles/2022/01/11/zaholovok.md:5:1  authors: автора «olena-petrenk» немає в authors.yaml  (unknown-author)
          → Додайте автора до authors.yaml (slug і name) або виправте слаг."
    `);
  });

  test('without authors.yaml every author is unknown, and an archive without bylines is valid', async () => {
    const root = await archive('no-file', {
      'topics.yaml': TOPICS,
      'articles/2022/01/11/zaholovok.md': ARTICLE('authors: [olena-petrenko]\n'),
      'articles/2022/01/11/druhyi.md': ARTICLE('').replace('0123456789abcdef', 'fedcba9876543210'),
    });
    const problems = await validateArchive(root, { relativeTo: root });
    expect(problems.map((p) => `${p.file}:${p.line} ${p.rule}`)).toEqual(['articles/2022/01/11/zaholovok.md:5 unknown-author']);
  });

  test('problems of authors.yaml itself are reported with the archive (an invalid entry is no author)', async () => {
    const root = await archive('bad-file', {
      'topics.yaml': TOPICS,
      'authors.yaml': '- slug: olena\n  name: Олена\n  email: olena@example.net\n',
      'articles/2022/01/11/zaholovok.md': ARTICLE('authors: [olena]\n'),
    });
    const problems = await validateArchive(root, { relativeTo: root });
    expect(problems.map((p) => `${p.file}:${p.line} ${p.rule}: ${p.message}`)).toEqual([
      'articles/2022/01/11/zaholovok.md:5 unknown-author: автора «olena» немає в authors.yaml',
      'authors.yaml:1 author-schema: автор №1: невідоме поле «email»',
    ]);
  });
});
