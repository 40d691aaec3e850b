import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { placeAt, type Place } from '../problems.ts';
import { readArticleBytes } from './article-source.ts';

/**
 * One file of `content/articles/`, read and split but not yet judged:
 * the rules in this folder take it from here, with the positions they need
 * for columns and fixes. Reading never throws on bad content: a file that is
 * not UTF-8 text is skipped (the reader's `encoding` problem reports it).
 */
export interface ArticleFile {
  /** Absolute path. */
  path: string;
  /** Path as printed in problems (relative to the working folder). */
  shown: string;
  /** Path inside `articles/` with `/` separators: `2022/01/11/slug.md`. */
  entry: string;
  /** `2022/01/11/slug`: the collection id and URL path of the article. */
  id: string;
  format: 'markdown' | 'mdx';
  text: string;
  /** Front matter as the reader parsed it, as Astro does (`undefined` when missing or unreadable). */
  data: Record<string, unknown> | undefined;
  /** The YAML document, for positions and for fixes. */
  yaml: Document | undefined;
  lineCounter: LineCounter;
  /** Offset in `text` where the YAML starts (after `---\n`). */
  yamlStart: number;
  /** Offset in `text` where the YAML ends (the closing `---` line starts there). */
  yamlEnd: number;
  /** Offset in `text` where the body starts (after the closing `---`). */
  bodyStart: number;
}

/** The article files of an archive folder, each read and split. */
export interface ArticleFiles {
  root: string;
  articles: ArticleFile[];
}

const ARTICLE_EXTENSION = /\.mdx?$/;

/** Every `.md`/`.mdx` file under `dir`, sorted, as paths relative to `dir`. */
export async function listArticleFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  return entries
    .filter((entry) => entry.isFile() && ARTICLE_EXTENSION.test(entry.name))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** Place of an offset in the file, given the YAML's own line counter and where the YAML starts. */
export function yamlPlace(file: ArticleFile, offset: number): Place {
  const pos = file.lineCounter.linePos(offset);
  return { line: pos.line + placeAt(file.text, file.yamlStart).line - 1, column: pos.col };
}

/** Place of a front matter key (or of the front matter's first line when the key is absent). */
export function keyPlace(file: ArticleFile, path: ReadonlyArray<string | number>): Place {
  for (let depth = path.length; depth > 0; depth -= 1) {
    const node = file.yaml?.getIn(path.slice(0, depth), true) as { range?: [number, number, number] } | undefined;
    if (node?.range) return yamlPlace(file, node.range[0]);
  }
  return { line: 1, column: 1 };
}

/**
 * Reads and splits one article with the archive's one reader
 * (`article-source.ts`); `undefined` when its bytes are not UTF-8 text. What
 * the reader found wrong is the archive validator's to report.
 */
export async function readArticle(path: string, shown: string, entry: string): Promise<ArticleFile | undefined> {
  const read = readArticleBytes(await readFile(path), `articles/${entry}`, shown);
  if (read.text === undefined) return undefined;
  const base = {
    path,
    shown,
    entry,
    id: entry.replace(ARTICLE_EXTENSION, ''),
    format: entry.endsWith('.mdx') ? ('mdx' as const) : ('markdown' as const),
    text: read.text,
    lineCounter: new LineCounter(),
  };
  // A missing, unclosed or unreadable front matter: the rules of check skip what they cannot place.
  if (!read.frontMatter) return { ...base, data: undefined, yaml: undefined, yamlStart: 0, yamlEnd: 0, bodyStart: 0 };
  const { split, data } = read.frontMatter;
  // A second parse, for positions and for fixes that keep the file's own formatting; the fields are the reader's.
  const yaml = parseDocument(split.frontMatter, { lineCounter: base.lineCounter, prettyErrors: false, uniqueKeys: true });
  return { ...base, data, yaml, yamlStart: split.frontMatterStart, yamlEnd: split.frontMatterEnd, bodyStart: split.bodyStart };
}

/** Reads every article of an archive folder that is UTF-8 text; `validateArchive` reports the problems of reading. */
export async function readArchive(root: string, cwd = process.cwd()): Promise<ArticleFiles> {
  const articlesDir = join(root, 'articles');
  const entries = await listArticleFiles(articlesDir);
  const articles: ArticleFile[] = [];
  for (const entry of entries) {
    const path = join(articlesDir, entry);
    const file = await readArticle(path, relative(cwd, path), entry);
    if (file) articles.push(file);
  }
  return { root, articles };
}
