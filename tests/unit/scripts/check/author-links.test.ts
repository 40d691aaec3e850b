import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { formatProblem } from '#lib/problems.ts';
import { runCheck } from '../../../../scripts/lib/check/run-check.ts';
import { PROJECT_ROOT } from '../../../helpers/build-site.ts';

const ROOT = join(PROJECT_ROOT, 'tests/.output/check-author-links');

beforeAll(async () => {
  await rm(ROOT, { recursive: true, force: true });
  await mkdir(join(ROOT, 'articles/2022/01/11'), { recursive: true });
  await cp(join(PROJECT_ROOT, 'tests/fixtures/check/clean/topics.yaml'), join(ROOT, 'topics.yaml'));
  // Every author of authors.yaml has a page, with or without articles.
  await writeFile(
    join(ROOT, 'authors.yaml'),
    '- slug: olena-petrenko\n  name: Олена Петренко\n- slug: taras-kovalchuk\n  name: Тарас Ковальчук\n',
  );
  const front =
    'title: Протести\ndate: 2022-01-11\ntopics: [kazakhstan]\nauthors: [olena-petrenko]\nsummary: Лід.\nid: sha256:0123456789abcdef';
  const body = [
    'Пише [Олена Петренко](/authors/olena-petrenko/) ([стрічка](/authors/olena-petrenko/rss.xml)), раніше — [Тарас Ковальчук](/authors/taras-kovalchuk/).',
    '',
    'А ще [хтось](/authors/nikhto/) і [без риски](/authors/olena-petrenko).',
  ].join('\n');
  await writeFile(join(ROOT, 'articles/2022/01/11/protesty.md'), `---\n${front}\n---\n${body}\n`);
});

test('a link to an author authors.yaml lacks is broken, as is one without its trailing slash', async () => {
  const { problems } = await runCheck({ root: ROOT, today: '2026-11-25', cwd: ROOT });
  expect(problems.map((p) => formatProblem(p))).toEqual([
    'articles/2022/01/11/protesty.md:11:6  Посилання /authors/nikhto/ веде на автора, якого немає в content/authors.yaml  (broken-link)\n' +
      '    → Перевірте слаг автора в content/authors.yaml.',
    'articles/2022/01/11/protesty.md:11:34  Посиланню /authors/olena-petrenko бракує скісної риски в кінці  (broken-link)\n' +
      '    → Напишіть /authors/olena-petrenko/ — адреси сайту закінчуються на /.',
  ]);
});
