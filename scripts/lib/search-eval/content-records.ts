import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { splitFrontMatter } from '#lib/archive/article-file.ts';
import { parseTaxonomy } from '#lib/archive/taxonomy.ts';
import type { IndexedRecord } from './record-index.ts';

/**
 * Reads an archive folder (`articles/<yyyy>/<mm>/<dd>/<slug>.md(x)` and
 * `topics.yaml`) into records for direct indexing, without an Astro build.
 * Markdown is reduced to its paragraphs' text: enough for evaluating search.
 */
export async function readArchiveRecords(contentDir: string): Promise<IndexedRecord[]> {
  const topics = parseTaxonomy(await readFile(join(contentDir, 'topics.yaml'), 'utf8'));
  const names = new Map(topics.map((topic) => [topic.slug, topic.name]));
  const files = (await readdir(join(contentDir, 'articles'), { recursive: true })).filter((f) => /\.mdx?$/.test(f)).sort();
  return Promise.all(
    files.map(async (file) => {
      const text = await readFile(join(contentDir, 'articles', file), 'utf8');
      const split = splitFrontMatter(text);
      if (!split || 'error' in split) throw new Error(`${file}: no front matter.`);
      const data = parseYaml(split.frontMatter) as { title: string; date: string | Date; summary: string; topics?: string[] };
      const date = data.date instanceof Date ? data.date.toISOString().slice(0, 10) : String(data.date).slice(0, 10);
      return {
        id: file.replace(/\\/g, '/').replace(/\.mdx?$/, ''),
        title: data.title,
        date,
        summary: data.summary,
        topicNames: (data.topics ?? []).map((slug) => names.get(slug) ?? slug),
        paragraphs: split.body
          .split(/(?:\r?\n){2,}/)
          .map((p) =>
            p
              .replace(/^#+\s*|[*_`>]/gm, '')
              .replace(/\\(.)/g, '$1')
              .trim(),
          )
          .filter(Boolean),
      };
    }),
  );
}
