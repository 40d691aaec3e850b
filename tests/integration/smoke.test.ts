import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { buildSite, PROJECT_ROOT } from '../helpers/build-site.ts';

test('builds the archive with its search index', async () => {
  const outDir = join(PROJECT_ROOT, 'tests/.output/smoke');
  const result = await buildSite({ content: join(PROJECT_ROOT, 'content'), outDir });
  expect(result.code, result.stderr).toBe(0);
  expect(await readFile(join(outDir, 'pagefind/pagefind-entry.json'), 'utf8')).toContain('"uk"');
});
