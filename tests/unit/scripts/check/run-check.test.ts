import { join } from 'node:path';
import { expect, test } from 'vitest';
import { formatProblem } from '#lib/problems.ts';
import { runCheck } from '../../../../scripts/lib/check/run-check.ts';
import { PROJECT_ROOT } from '../../../helpers/build-site.ts';

const FIXTURES = join(PROJECT_ROOT, 'tests/fixtures/check');
const TODAY = '2026-11-25';

test('a clean archive has no problems', async () => {
  const result = await runCheck({ root: join(FIXTURES, 'clean'), today: TODAY, cwd: FIXTURES });
  expect(result.problems).toEqual([]);
  expect(result.articleCount).toBe(2);
});

test('a broken archive reports every problem in one pass, located and sorted', async () => {
  const result = await runCheck({ root: join(FIXTURES, 'broken'), today: TODAY, cwd: FIXTURES });
  expect(result.problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.rule}${p.fixable ? ' (fixable)' : ''}`)).toEqual([
    'broken/articles/2022/01/11/hostile.mdx:2:8 typography (fixable)',
    'broken/articles/2022/01/11/hostile.mdx:4:1 unknown-topic',
    'broken/articles/2022/01/11/hostile.mdx:8:1 unsafe-import',
    'broken/articles/2022/01/11/hostile.mdx:9:1 unsafe-export',
    'broken/articles/2022/01/11/hostile.mdx:11:7 unsafe-expression',
    'broken/articles/2022/01/11/hostile.mdx:11:16 unsafe-element',
    'broken/articles/2022/01/11/hostile.mdx:13:1 unsafe-element',
    'broken/articles/2022/01/11/hostile.mdx:15:1 missing-import (fixable)',
    'broken/articles/2022/01/11/hostile.mdx:15:1 unsafe-attribute',
    'broken/articles/2022/01/11/hostile.mdx:15:1 unsafe-url',
    'broken/articles/2022/01/11/hostile.mdx:17:1 unsafe-url',
    'broken/articles/2022/01/11/hostile.mdx:17:36 broken-link',
    'broken/articles/2022/01/11/raw-html.md:3:1 date-path',
    'broken/articles/2022/01/11/raw-html.md:5:10 typography (fixable)',
    'broken/articles/2022/01/11/raw-html.md:6:1 duplicate-id',
    'broken/articles/2022/01/11/raw-html.md:8:7 unsafe-html',
    'broken/articles/2022/01/11/raw-html.md:8:38 unsafe-html',
    'broken/articles/2022/01/11/raw-html.md:10:1 unsafe-html',
    'broken/articles/2022/01/11/raw-html.md:12:1 typography (fixable)',
    'broken/articles/2022/01/12/Bad_Slug.md:1:1 path',
    'broken/articles/2022/01/12/Bad_Slug.md:2:1 front-matter',
    'broken/articles/2022/01/12/empty.md:6:1 schema',
    'broken/articles/2022/01/12/empty.md:8:1 empty-body',
    'broken/articles/2999/01/01/future.md:3:7 future-date',
    'broken/articles/2999/01/01/future.md:5:1 duplicate-id',
  ]);
});

test('problems read as file:line:col, message, rule, then the fix', async () => {
  const result = await runCheck({ root: join(FIXTURES, 'broken'), today: TODAY, cwd: FIXTURES });
  const element = result.problems.find((p) => p.rule === 'unsafe-element')!;
  expect(formatProblem(element)).toMatchInlineSnapshot(`
    "broken/articles/2022/01/11/hostile.mdx:11:16  Тег <script> запускав би код у браузері читача  (unsafe-element)
        → Приберіть тег. Дозволені лише Markdown, компоненти статей (Figure, PullQuote, SourceDocument, Embed) і теги форматування <abbr> <b> <br> <cite> <del> <em> <i> <ins> <kbd> <mark> <q> <s> <small> <strong> <sub> <sup> <u> <wbr>. Відео й дописи вбудовуйте через <Embed url="…" title="…" />."
  `);
  const link = result.problems.find((p) => p.rule === 'broken-link')!;
  expect(formatProblem(link)).toMatchInlineSnapshot(`
    "broken/articles/2022/01/11/hostile.mdx:17:36  Посилання /2022/01/01/nemaie/ веде на статтю, якої немає в архіві  (broken-link)
        → Перевірте дату й слаг: адреса статті — це її шлях у content/articles/ без розширення."
  `);
  const topic = result.problems.find((p) => p.rule === 'unknown-topic')!;
  expect(topic.file).toBe('broken/articles/2022/01/11/hostile.mdx');
});
