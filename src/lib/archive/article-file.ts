import { load as loadYaml, type YAMLException } from 'js-yaml';
import { Document, isSeq, parseDocument } from 'yaml';
import type { ArticleData } from './article-schema.ts';

/**
 * Reading and writing article files (`articles/<yyyy>/<mm>/<dd>/<slug>.md(x)`):
 * YAML front matter between `---` lines, then the Markdown body. Shared by the
 * ingest, `npm run new` and the archive validator, so all three agree on the format.
 */

export type ArticleExtension = 'md' | 'mdx';

/** Front matter as the ingest writes it: the schema's fields with dates as `YYYY-MM-DD` strings. */
export type ArticleFrontMatter = Omit<ArticleData, 'date' | 'updated' | 'lang' | 'topics' | 'aliases'> & {
  date: string;
  updated?: string;
  lang?: string;
  topics?: string[];
  aliases?: string[];
};

export interface FrontMatterSplit {
  /** The text between the fences (without them). */
  frontMatter: string;
  /** `yaml` for `---`, `toml` for `+++` (Hugo). */
  language: 'yaml' | 'toml';
  body: string;
  /** 1-based line of the first front-matter line (after the opening fence). */
  frontMatterLine: number;
  /** 1-based line where the body starts. */
  bodyLine: number;
}

/** Splits front matter from the body; `undefined` when the file has none. A missing closing fence is an error. */
export function splitFrontMatter(text: string): FrontMatterSplit | undefined | { error: string; line: number } {
  const source = text.replace(/^\uFEFF/, '');
  const fence = /^(---|\+\+\+)[ \t]*\r?\n/.exec(source);
  if (!fence) return undefined;
  const marker = fence[1]!;
  const closing = new RegExp(`^${marker === '---' ? '(?:---|\\.\\.\\.)' : '\\+\\+\\+'}[ \\t]*$`, 'm');
  const rest = source.slice(fence[0].length);
  const end = closing.exec(rest);
  if (!end) return { error: `front matter не закрито: немає рядка «${marker}» після метаданих`, line: 1 };
  const frontMatter = rest.slice(0, end.index);
  const afterFence = rest.slice(end.index + end[0].length).replace(/^\r?\n/, '');
  const frontMatterLines = frontMatter.split('\n').length - (frontMatter.endsWith('\n') ? 1 : 0);
  return {
    frontMatter,
    language: marker === '---' ? 'yaml' : 'toml',
    body: afterFence,
    frontMatterLine: 2,
    bodyLine: 2 + frontMatterLines + 1,
  };
}

export interface ParsedYaml {
  data: Record<string, unknown>;
  /** 1-based file line of each top-level key, for messages that point at a field. */
  fieldLines: Record<string, number>;
}

// A top-level key of block YAML: at the start of a line, before a colon.
const TOP_LEVEL_KEY = /^(?:"([^"]+)"|'([^']+)'|([^\s#'"{[\-?:][^:#]*?))[ \t]*:(?=[ \t]|$)/;

/**
 * Parses YAML front matter exactly as Astro does (js-yaml, timestamps become
 * dates); syntax errors come back with their file line. `firstLine` is the
 * file line of the front matter's first line.
 */
export function parseYamlFrontMatter(text: string, firstLine = 2): ParsedYaml | { error: string; line: number } {
  let data: unknown;
  try {
    data = loadYaml(text);
  } catch (error) {
    // js-yaml points at where it gave up (often the end); the `yaml` parser points at where the broken construct starts.
    const located = parseDocument(text, { prettyErrors: false }).errors[0];
    if (located) return { error: located.message.split('\n')[0]!, line: (located.linePos?.[0]?.line ?? 1) + firstLine - 1 };
    const yamlError = error as YAMLException;
    return { error: yamlError.reason ?? yamlError.message.split('\n')[0]!, line: (yamlError.mark?.line ?? 0) + firstLine };
  }
  if (data === null || data === undefined) return { data: {}, fieldLines: {} };
  if (typeof data !== 'object' || Array.isArray(data)) return { error: 'front matter має бути набором полів «назва: значення»', line: firstLine };
  const fieldLines: Record<string, number> = {};
  text.split('\n').forEach((line, index) => {
    const match = TOP_LEVEL_KEY.exec(line);
    const key = match?.[1] ?? match?.[2] ?? match?.[3];
    if (key !== undefined && fieldLines[key] === undefined) fieldLines[key] = index + firstLine;
  });
  return { data: data as Record<string, unknown>, fieldLines };
}

// Field order of written files: what a reader of the file wants first.
const FIELD_ORDER = ['title', 'date', 'updated', 'topics', 'summary', 'source', 'lang', 'correction', 'id', 'origin', 'aliases'] as const;

/** The whole file: front matter in a fixed field order, then the body. Deterministic, so re-writing is byte-stable. */
export function serializeArticle(data: ArticleFrontMatter, body: string): string {
  const ordered: Record<string, unknown> = {};
  for (const key of FIELD_ORDER) {
    const value = data[key];
    if (value === undefined || (Array.isArray(value) && value.length === 0 && key === 'aliases')) continue;
    ordered[key] = value;
  }
  const doc = new Document(ordered);
  const topics = doc.get('topics', true);
  if (isSeq(topics)) topics.flow = true;
  const yaml = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  return `---\n${yaml}---\n\n${body.replace(/\n*$/, '\n')}`;
}

/** `articles/2026/01/26/slug.md`: the archive path of an article (relative to the content folder). */
export function articlePath(date: string, slug: string, extension: ArticleExtension): string {
  const [year, month, day] = date.split('-');
  return `articles/${year}/${month}/${day}/${slug}.${extension}`;
}

export interface ArticlePathParts {
  date: string;
  slug: string;
  extension: ArticleExtension;
}

const ARTICLE_PATH = /^articles\/(\d{4})\/(\d{2})\/(\d{2})\/([^/]+)\.(mdx?)$/;

/** Parts of a path relative to the content folder; `undefined` when it is not `articles/yyyy/mm/dd/slug.md(x)`. */
export function parseArticlePath(relativePath: string): ArticlePathParts | undefined {
  const match = ARTICLE_PATH.exec(relativePath.replace(/\\/g, '/'));
  if (!match) return undefined;
  return { date: `${match[1]}-${match[2]}-${match[3]}`, slug: match[4]!, extension: match[5] as ArticleExtension };
}
