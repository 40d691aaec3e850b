import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import { shardedBuildWorkspace } from '../helpers/sharded-build.ts';
import { siteDifferences } from '../helpers/site-differences.ts';

const NEW_ARTICLE = `---
title: "Нова бібліотека відкрилася в Ужгороді"
date: 2024-06-03
topics: [kultura]
summary: "У місті відкрилася нова бібліотека."
id: sha256:0a1b2c3d4e5f6a7b
---

У місті відкрилася нова бібліотека з читальною залою.
`;

/** An article whose body shows an image lying beside it, in `articles/<date>/<slug>.md` of `archive`. */
async function writeArticleWithImage(archive: string, date: string, slug: string, colour: string): Promise<void> {
  const folder = join(archive, 'articles', ...date.split('-'));
  await mkdir(folder, { recursive: true });
  await writeFile(
    join(folder, `${slug}.png`),
    await sharp({ create: { width: 300, height: 200, channels: 3, background: colour } })
      .png()
      .toBuffer(),
  );
  await writeFile(
    join(folder, `${slug}.md`),
    `---\ntitle: "Схема переговорів ${date}"\ndate: ${date}\ntopics: [peremovyny]\nsummary: "Схема."\nid: sha256:${createHash('sha256').update(slug).digest('hex').slice(0, 16)}\n---\n\nСхема:\n\n![Схема ${date}](./${slug}.png)\n`,
  );
}

describe('a sharded build', () => {
  const { output: OUTPUT, archive: ARCHIVE, build, run } = shardedBuildWorkspace('sharded-build', 'tests/fixtures/search/archive');

  test('assembles byte for byte the site that one process builds, in parallel or shard by shard', async () => {
    // Images in article bodies, in the years of two different shards: each shard makes its own.
    await writeArticleWithImage(ARCHIVE, '2022-04-02', 'skhema-2022', '#336699');
    await writeArticleWithImage(ARCHIVE, '2024-04-02', 'skhema-2024', '#996633');
    await build(['--shards', '1', '--outDir', join(OUTPUT, 'single')], 'cache-single');
    const parallel = await build(['--shards', '3', '--outDir', join(OUTPUT, 'parallel')], 'cache-parallel');
    expect(parallel).toMatch(/Built 3 shards in parallel/);
    expect(JSON.parse(await readFile(join(OUTPUT, 'single/pagefind/parts.json'), 'utf8'))).toHaveLength(3);
    expect(await siteDifferences(join(OUTPUT, 'single'), join(OUTPUT, 'parallel'))).toEqual([]);
    for (const page of ['2022/04/02/skhema-2022', '2024/04/02/skhema-2024'])
      expect(await readFile(join(OUTPUT, 'parallel', page, 'index.html'), 'utf8')).toMatch(
        /<img alt="Схема [\d-]+"[^>]* src="\/_astro\/skhema-\d+\.[\w-]+\.webp">/,
      );

    // The same shards as jobs of a CI matrix, each into a folder of its own, then assembled.
    for (const shard of ['1/3', '2/3', '3/3'])
      await build(['--shard', shard, '--outDir', join(OUTPUT, `part-${shard[0]}`)], `cache-part-${shard[0]}`);
    await build(
      ['--assemble', ...['1', '2', '3'].map((n) => join(OUTPUT, `part-${n}`)), '--outDir', join(OUTPUT, 'matrix')],
      'cache-assemble',
    );
    expect(await siteDifferences(join(OUTPUT, 'single'), join(OUTPUT, 'matrix'))).toEqual([]);
  });

  test('rebuilds one new article into the same site as a clean build, indexing only the part it changed', async () => {
    await mkdir(join(ARCHIVE, 'articles/2024/06/03'), { recursive: true });
    await writeFile(join(ARCHIVE, 'articles/2024/06/03/nova-biblioteka.md'), NEW_ARTICLE);
    const rebuilt = await build(['--shards', '3', '--outDir', join(OUTPUT, 'parallel')], 'cache-parallel');
    expect(rebuilt).toMatch(/unchanged part\(s\) kept/);
    // No page of 2022 shows the new article: that shard's output is kept as it is.
    expect(rebuilt).toMatch(/\[3\/3\] Nothing to rebuild: no page of 2022 shows what changed/);
    expect(rebuilt).not.toMatch(/\[3\/3\] .*\[build\]/);
    // Astro's lines per rendered page are left out of the log (`src/integrations/build-log.ts`) unless --verbose.
    expect(rebuilt).toMatch(/\[1\/3\] .*generating static routes/);
    expect(rebuilt).not.toMatch(/[├└]─|\(cached\)/);
    await build(['--shards', '1', '--outDir', join(OUTPUT, 'clean')], 'cache-clean');
    expect(await siteDifferences(join(OUTPUT, 'clean'), join(OUTPUT, 'parallel'))).toEqual([]);
    expect((await readFile(join(OUTPUT, 'parallel/2024/06/03/nova-biblioteka/index.html'), 'utf8')).includes('Нова бібліотека')).toBe(true);
  });

  test('rebuilds after the article is removed into the same site as a clean build, its page and folder gone', async () => {
    await rm(join(ARCHIVE, 'articles/2024/06/03/nova-biblioteka.md'));
    expect(await build(['--shards', '3', '--outDir', join(OUTPUT, 'parallel')], 'cache-parallel')).toMatch(/\[3\/3\] Nothing to rebuild/);
    await rm(join(OUTPUT, 'clean'), { recursive: true, force: true });
    await build(['--shards', '1', '--outDir', join(OUTPUT, 'clean')], 'cache-removed');
    expect(await siteDifferences(join(OUTPUT, 'clean'), join(OUTPUT, 'parallel'))).toEqual([]);
    expect(existsSync(join(OUTPUT, 'parallel/2024/06/03/nova-biblioteka'))).toBe(false);
  });

  test('rebuilds every shard when the taxonomy changes, into the same site as a clean build', async () => {
    const topics = join(ARCHIVE, 'topics.yaml');
    await writeFile(topics, (await readFile(topics, 'utf8')).replace('name: Казахстан', 'name: Республіка Казахстан'));
    expect(await build(['--shards', '3', '--outDir', join(OUTPUT, 'parallel')], 'cache-parallel')).not.toMatch(/Nothing to rebuild/);
    await rm(join(OUTPUT, 'clean'), { recursive: true, force: true });
    await build(['--shards', '1', '--outDir', join(OUTPUT, 'clean')], 'cache-renamed');
    expect(await siteDifferences(join(OUTPUT, 'clean'), join(OUTPUT, 'parallel'))).toEqual([]);
  });

  test('stops every shard when the archive is invalid, lists each problem once and leaves the site as it was', async () => {
    const site = join(OUTPUT, 'parallel');
    const home = await readFile(join(site, 'index.html'), 'utf8');
    const broken = {
      [join(ARCHIVE, 'articles/2023/01/19/pidsumky-vyboriv.md')]: (text: string) => text.replace(/^date: .*$/m, 'date: колись'),
      [join(ARCHIVE, 'articles/2024/01/16/biblioteka-stala-khabom.md')]: (text: string) =>
        text.replace(/^topics: .*$/m, 'topics: [nema-takoi]'),
    };
    const originals = new Map<string, string>();
    for (const [file, breakIt] of Object.entries(broken)) {
      originals.set(file, await readFile(file, 'utf8'));
      await writeFile(file, breakIt(originals.get(file)!));
    }
    try {
      const result = await run(['--shards', '3', '--outDir', site], 'cache-parallel');
      const log = `${result.stdout}\n${result.stderr}`;
      expect(result.code, log).toBe(1);
      expect(log.split('Архів містить 2 помилки у 2 файлах:')).toHaveLength(2);
      expect(log).toContain('(schema)');
      expect(log).toContain('topics: теми «nema-takoi» немає в topics.yaml  (unknown-topic)');
      expect(log).not.toMatch(/Built 3 shards/);
      expect(await readFile(join(site, 'index.html'), 'utf8')).toBe(home);
    } finally {
      for (const [file, text] of originals) await writeFile(file, text);
    }
  });
});
