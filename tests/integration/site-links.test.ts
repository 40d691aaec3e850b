import { describe, expect, test } from 'vitest';
import { PROJECT_ROOT } from '../helpers/build-site.ts';
import { fixtureSite, VARIANTS, type Variant } from '../helpers/site-fixture.ts';
import { checkLinks, pendingPages } from '../helpers/site-links.ts';

describe.each(Object.keys(VARIANTS) as Variant[])('every internal link resolves (%s)', (variant) => {
  test('in pages, feeds and sitemaps', async () => {
    const { outDir, base, site } = await fixtureSite(variant);
    const pending = pendingPages(PROJECT_ROOT);
    if (pending.length > 0) console.warn(`Not yet provided by the project, not checked: ${pending.join(', ')}`);
    const report = await checkLinks(outDir, base, site, pending);
    expect(report.broken).toEqual([]);
    expect(report.pages).toBeGreaterThan(80);
    expect(report.feeds).toBeGreaterThan(10);
    expect(report.checked).toBeGreaterThan(report.pages * 10);
  });
});
