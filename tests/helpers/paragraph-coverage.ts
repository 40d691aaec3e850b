import type { Root } from 'mdast';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { normalizeText } from '#lib/text/typography.ts';
import { parseYamlFrontMatter, splitFrontMatter } from '#lib/archive/article-file.ts';
import { listArchive } from '#lib/archive/archive-files.ts';
import { blockTexts } from '../../scripts/lib/ingest/article-body.ts';
import { splitParagraphs } from '../../scripts/lib/readers/segment-text.ts';

/**
 * Proof that the ingest loses nothing: each non-empty paragraph of a plain
 * text input, normalised, must be the title or a block of an archived
 * article, and of exactly one article.
 */

export interface CoverageResult {
  paragraphs: number;
  /** `line: text` of paragraphs found in no article. */
  missing: string[];
  /** Paragraphs found in more than one article, with the articles. */
  repeated: Array<{ line: number; paths: string[] }>;
}

/** Title and block texts of every article in an archive, keyed by path. */
export async function archiveTexts(contentDir: string): Promise<Map<string, string[]>> {
  const texts = new Map<string, string[]>();
  for (const path of (await listArchive(contentDir)).articles) {
    const file = await readFile(join(contentDir, path), 'utf8');
    const split = splitFrontMatter(file);
    if (!split || 'error' in split) continue;
    const front = parseYamlFrontMatter(split.frontMatter);
    const title = 'error' in front ? '' : String(front.data.title ?? '');
    const parser = unified().use(remarkParse).use(remarkGfm);
    if (path.endsWith('.mdx')) parser.use(remarkMdx);
    texts.set(path, [title, ...blockTexts(parser.parse(split.body) as Root)]);
  }
  return texts;
}

/** Checks one plain-text input against the archive's article texts. */
export function paragraphCoverage(input: string, articles: Map<string, string[]>): CoverageResult {
  const where = new Map<string, Set<string>>();
  for (const [path, blocks] of articles) {
    for (const block of blocks) {
      const set = where.get(block) ?? new Set<string>();
      set.add(path);
      where.set(block, set);
    }
  }
  const result: CoverageResult = { paragraphs: 0, missing: [], repeated: [] };
  for (const paragraph of splitParagraphs(input)) {
    result.paragraphs += 1;
    const paths = where.get(normalizeText(paragraph.text));
    if (!paths) result.missing.push(`${paragraph.line}: ${paragraph.text}`);
    else if (paths.size > 1) result.repeated.push({ line: paragraph.line, paths: [...paths] });
  }
  return result;
}
