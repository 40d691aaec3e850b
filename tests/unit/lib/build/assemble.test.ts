import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { SiteAssembly } from '#lib/build/assemble.ts';
import type { Shard } from '#lib/build/shards.ts';
import { freshFolder } from '../../../helpers/fresh-folder.ts';
import { siteDifferences } from '../../../helpers/site-differences.ts';

const ROOT = join(tmpdir(), 'arkhiv-assemble-test');

const SHARDS: Shard[] = [
  { number: 1, count: 2, years: [2024], parts: [{ years: [2024], articles: 1, folder: '' }], articles: 1, global: true },
  { number: 2, count: 2, years: [2023], parts: [{ years: [2023], articles: 1, folder: '2023-2023/' }], articles: 1, global: false },
];

const ENTRY = JSON.stringify({ languages: { uk: { hash: 'uk1', wasm: 'uk' } } });
const page = (title: string) => `<!doctype html><html><head><title>${title}</title></head><body>${title}</body></html>`;

async function shardOutputs(): Promise<[string, string]> {
  await rm(ROOT, { recursive: true, force: true });
  const first = await freshFolder(join(ROOT, 'shard-1'), {
    'index.html': page('Головна'),
    '2024/01/02/persha/index.html': page('Перша'),
    'pagefind/pagefind-entry.json': ENTRY,
    'pagefind/pagefind.uk1.pf_meta': '2024',
    '_astro/site.css': 'body{}',
  });
  const second = await freshFolder(join(ROOT, 'shard-2'), {
    '2023/05/06/druha/index.html': page('Друга'),
    'pagefind/2023-2023/pagefind-entry.json': ENTRY,
    'pagefind/2023-2023/pagefind.uk1.pf_meta': '2023',
    '_astro/site.css': 'body{}',
  });
  return [first, second];
}

const assembly = (outDir: string) =>
  new SiteAssembly({ outDir, shards: SHARDS, site: 'https://example.org', base: '/', buildId: 'test', logger: { info: () => {} } });

describe('assembling a site from shards', () => {
  test('placing a shard’s pages, then its index, gives the site that placing all its files at once gives', async () => {
    const [first, second] = await shardOutputs();
    const whole = assembly(join(ROOT, 'whole'));
    await whole.add(SHARDS[0]!, first);
    await whole.add(SHARDS[1]!, second);
    await whole.finish();

    const inTurn = assembly(join(ROOT, 'in-turn'));
    await inTurn.add(SHARDS[0]!, first, 'pages');
    // The pages are in the site while the shard still builds its index.
    expect(await readFile(join(ROOT, 'in-turn/2024/01/02/persha/index.html'), 'utf8')).toBe(page('Перша'));
    expect(existsSync(join(ROOT, 'in-turn/pagefind/pagefind.uk1.pf_meta'))).toBe(false);
    await inTurn.add(SHARDS[1]!, second);
    await inTurn.add(SHARDS[0]!, first, 'index');
    await inTurn.finish();

    expect(await siteDifferences(join(ROOT, 'whole'), join(ROOT, 'in-turn'))).toEqual([]);
    expect(await readFile(join(ROOT, 'in-turn/pagefind/pagefind.uk1.pf_meta'), 'utf8')).toBe('2024');
    expect(await readFile(join(ROOT, 'in-turn/sw.js'), 'utf8')).toContain('2023-2023/pagefind.uk1.pf_meta');
    expect(await readFile(join(ROOT, 'in-turn/sitemap-0.xml'), 'utf8')).toContain('https://example.org/2023/05/06/druha/');
  });
});
