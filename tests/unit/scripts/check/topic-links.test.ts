import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { formatProblem } from '#lib/problems.ts';
import { runCheck } from '../../../../scripts/lib/check/run-check.ts';
import { PROJECT_ROOT } from '../../../helpers/build-site.ts';

const ROOT = join(PROJECT_ROOT, 'tests/.output/check-topic-links');

beforeAll(async () => {
  await rm(ROOT, { recursive: true, force: true });
  await mkdir(join(ROOT, 'articles/2022/01/11'), { recursive: true });
  // Two topics, kazakhstan and ekonomika; only kazakhstan gets an article.
  await cp(join(PROJECT_ROOT, 'tests/fixtures/check/clean/topics.yaml'), join(ROOT, 'topics.yaml'));
  const front = 'title: Протести\ndate: 2022-01-11\ntopics: [kazakhstan]\nsummary: Лід.\nid: sha256:0123456789abcdef';
  const body = 'Див. [тему](/topics/kazakhstan/), [її стрічку](/topics/kazakhstan/rss.xml) і [економіку](/topics/ekonomika/).\n';
  await writeFile(join(ROOT, 'articles/2022/01/11/protesty.md'), `---\n${front}\n---\n${body}`);
});

test('a link to a topic without articles is broken: the site has no page for it yet', async () => {
  const { problems } = await runCheck({ root: ROOT, today: '2026-11-25', cwd: ROOT });
  expect(problems.map((p) => formatProblem(p))).toEqual([
    'articles/2022/01/11/protesty.md:8:78  Посилання /topics/ekonomika/ веде на тему без жодної статті: її сторінка зʼявиться лише з першою статтею  (broken-link)\n' +
      '    → Додайте цю тему до статті, про яку посилання, або приберіть посилання.',
  ]);
});
