import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { firstInvalidUtf8 } from '../text/encoding.ts';
import { problem, type Place, type Problem } from '../problems.ts';
import { splitFrontMatter } from './article-file.ts';

/**
 * One file of `content/articles/`, read and split but not yet judged:
 * the rules in this folder take it from here, with the positions they need
 * for columns and fixes. Reading never throws on bad content: a file that is
 * not UTF-8 text is an `encoding` problem and is skipped.
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
  /** Front matter as parsed (`undefined` when missing or unreadable). */
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
  return { line: pos.line + textPlace(file.text, file.yamlStart).line - 1, column: pos.col };
}

/** Place of a front matter key (or of the front matter's first line when the key is absent). */
export function keyPlace(file: ArticleFile, path: ReadonlyArray<string | number>): Place {
  for (let depth = path.length; depth > 0; depth -= 1) {
    const node = file.yaml?.getIn(path.slice(0, depth), true) as { range?: [number, number, number] } | undefined;
    if (node?.range) return yamlPlace(file, node.range[0]);
  }
  return { line: 1, column: 1 };
}

/** Line and column of an offset anywhere in the text. */
export function textPlace(text: string, offset: number): Place {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** Reads and splits one article; problems for what cannot be read. */
export async function readArticle(path: string, shown: string, entry: string): Promise<{ file?: ArticleFile; problems: Problem[] }> {
  const bytes = await readFile(path);
  const problems: Problem[] = [];
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    return { problems: [problem(shown, textPlace(bytes.subarray(0, bad).toString('utf8'), bad), 'encoding', 'Файл не є коректним UTF-8', 'Збережіть файл у кодуванні UTF-8 (без BOM).')] };
  }
  const nul = text.indexOf('\0');
  if (nul >= 0) return { problems: [problem(shown, textPlace(text, nul), 'encoding', 'Файл містить нульовий байт (NUL): це не текст', 'Приберіть керувальні символи; збережіть файл як звичайний текст UTF-8.')] };
  const lineCounter = new LineCounter();
  const split = splitFrontMatter(text);
  const base = {
    path,
    shown,
    entry,
    id: entry.replace(ARTICLE_EXTENSION, ''),
    format: entry.endsWith('.mdx') ? ('mdx' as const) : ('markdown' as const),
    text,
    lineCounter,
  };
  // A missing, unclosed or TOML front matter is the archive validator's finding; the rules here only skip it.
  if (!split || 'error' in split || split.language !== 'yaml') {
    return { file: { ...base, data: undefined, yaml: undefined, yamlStart: 0, yamlEnd: 0, bodyStart: 0 }, problems };
  }
  const yaml = parseDocument(split.frontMatter, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const file: ArticleFile = { ...base, data: undefined, yaml, yamlStart: split.frontMatterStart, yamlEnd: split.frontMatterEnd, bodyStart: split.bodyStart };
  const data: unknown = yaml.errors.length === 0 ? yaml.toJS() : undefined;
  if (data && typeof data === 'object' && !Array.isArray(data)) file.data = data as Record<string, unknown>;
  return { file, problems };
}

/** Reads every article of an archive folder. */
export async function readArchive(root: string, cwd = process.cwd()): Promise<{ archive: ArticleFiles; problems: Problem[] }> {
  const articlesDir = join(root, 'articles');
  const entries = await listArticleFiles(articlesDir);
  const articles: ArticleFile[] = [];
  const problems: Problem[] = [];
  for (const entry of entries) {
    const path = join(articlesDir, entry);
    const result = await readArticle(path, relative(cwd, path), entry);
    if (result.file) articles.push(result.file);
    problems.push(...result.problems);
  }
  return { archive: { root, articles }, problems };
}
