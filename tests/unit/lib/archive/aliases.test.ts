import { describe, expect, test } from 'vitest';
import { aliasRoutes } from '#lib/archive/aliases.ts';
import { record } from '../archive-fakes.ts';

describe('aliasRoutes', () => {
  const a = record('2022/01/11/new');
  const b = record('2022/01/12/other');

  test('turns each former address into a redirect route', () => {
    const aliases = new Map([[a.id, ['/2022/01/11/old/', '/2021/12/31/older/']]]);
    expect(aliasRoutes([a, b], (x) => aliases.get(x.id) ?? []).map((r) => [r.path, r.article.id])).toEqual([
      ['2022/01/11/old', '2022/01/11/new'],
      ['2021/12/31/older', '2022/01/11/new'],
    ]);
  });

  test('lists every clash at once', () => {
    const aliases = new Map([
      [a.id, ['/2022/01/11/new/', '/2022/01/12/other/', '/2020/01/01/shared/']],
      [b.id, ['/2020/01/01/shared/']],
    ]);
    expect(() => aliasRoutes([a, b], (x) => aliases.get(x.id) ?? [])).toThrowErrorMatchingInlineSnapshot(`
      [Error: 3 article alias(es) cannot become redirect pages:
        2022/01/11/new: the alias /2022/01/11/new/ is the article's own address; remove it.
        2022/01/11/new: the alias /2022/01/12/other/ is the address of another article; remove the alias or rename that article.
        2022/01/12/other: the alias /2020/01/01/shared/ is also claimed by 2022/01/11/new; keep it on one article only.]
    `);
  });
});
