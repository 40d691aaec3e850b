import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { firstInvalidUtf8 } from '../text/encoding.ts';
import { problem, type Place, type Problem } from '../problems.ts';

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

/** The articles of an archive folder. */
export interface Archive {
  root: string;
  articles: ArticleFile[];
}

const FRONT_MATTER = /^(?:\uFEFF)?---[ \t]*\r?\n([\s\S]*?\r?\n)?---[ \t]*(?:\r?\n|$)/;
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
  return { line: pos.line + 1, column: pos.col };
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
  const match = FRONT_MATTER.exec(text);
  const base = {
    path,
    shown,
    entry,
    id: entry.replace(ARTICLE_EXTENSION, ''),
    format: entry.endsWith('.mdx') ? ('mdx' as const) : ('markdown' as const),
    text,
    lineCounter,
  };
  // A missing or unreadable front matter is the archive validator's finding; the rules here only skip it.
  if (!match) return { file: { ...base, data: undefined, yaml: undefined, yamlStart: 0, yamlEnd: 0, bodyStart: 0 }, problems };
  const yamlStart = match[0].indexOf('\n') + 1;
  const yaml = parseDocument(match[1] ?? '', { lineCounter, prettyErrors: false, uniqueKeys: true });
  const file: ArticleFile = { ...base, data: undefined, yaml, yamlStart, yamlEnd: yamlStart + (match[1]?.length ?? 0), bodyStart: match[0].length };
  const data: unknown = yaml.errors.length === 0 ? yaml.toJS() : undefined;
  if (data && typeof data === 'object' && !Array.isArray(data)) file.data = data as Record<string, unknown>;
  return { file, problems };
}

/** Reads every article of an archive folder. */
export async function readArchive(root: string, cwd = process.cwd()): Promise<{ archive: Archive; problems: Problem[] }> {
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
