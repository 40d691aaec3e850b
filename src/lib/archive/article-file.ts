import { load as loadYaml, type YAMLException } from 'js-yaml';
import { Document, isMap, isScalar, isSeq, parse as parseYaml, parseDocument, visit } from 'yaml';
import type { ArticleData } from './article-schema.ts';
import { placeAt } from '../problems.ts';

/**
 * Reading and writing article files (`articles/<yyyy>/<mm>/<dd>/<slug>.md(x)`):
 * YAML front matter between `---` lines, then the Markdown body. Shared by the
 * ingest, `npm run new` and the archive validator, so all three agree on the format.
 */

export type ArticleExtension = 'md' | 'mdx';

/** Front matter as the ingest writes it: the schema's fields with dates as `YYYY-MM-DD` strings. */
export type ArticleFrontMatter = Omit<ArticleData, 'date' | 'updated' | 'lang' | 'topics' | 'authors' | 'aliases'> & {
  date: string;
  updated?: string;
  lang?: string;
  topics?: string[];
  authors?: string[];
  aliases?: string[];
};

export interface FrontMatterSplit {
  /** The text between the fence lines (without them); `''` when empty. */
  frontMatter: string;
  /** `yaml` for `---`, `toml` for `+++` (Hugo). */
  language: 'yaml' | 'toml';
  /** Everything after the closing fence's line. */
  body: string;
  /** 1-based line of the first front-matter line (after the opening fence). */
  frontMatterLine: number;
  /** 1-based line where the body starts. */
  bodyLine: number;
  /** Offset in the text where the opening fence starts. */
  start: number;
  /** Offset in the text where the front matter starts. */
  frontMatterStart: number;
  /** Offset in the text where the front matter ends: the closing fence starts there. */
  frontMatterEnd: number;
  /** Offset in the text where the body starts. */
  bodyStart: number;
}

// The expression with which Astro and @astrojs/mdx find front matter
// (`@astrojs/internal-helpers/frontmatter`): after a BOM or blank lines,
// `---` or `+++`, text up to a line break, then the first `---` or `+++`
// at the start of a line. Lines end in LF or CRLF.
const ASTRO_FRONT_MATTER = /(?:^\uFEFF?|^\s*\n)(?:---|\+\+\+)([\s\S]*?\n)(?:---|\+\+\+)/;
// An opening fence alone on its line: without a closing fence it is an error, not text.
const OPENING_FENCE = /(?:^\uFEFF?|^\s*\n)(---|\+\+\+)[ \t]*(?:\r?\n|$)/;
// The rest of a fence's line when nothing but spaces follows the fence.
const LINE_REST = /[ \t]*(?:\r?\n|$)/y;

/** Length of the rest of a fence's line that ends at `offset`, when only spaces follow the fence; 0 otherwise. */
function lineRest(text: string, offset: number): number {
  LINE_REST.lastIndex = offset;
  return LINE_REST.exec(text)?.[0].length ?? 0;
}

/**
 * Splits front matter from the body exactly where Astro does, so the
 * validator, `npm run check` and the ingest read the fields the build reads.
 * `undefined` when the file has none; an opening fence without a closing
 * one is an error (Astro would render the whole file as the body).
 */
export function splitFrontMatter(text: string): FrontMatterSplit | undefined | { error: string; line: number } {
  const match = ASTRO_FRONT_MATTER.exec(text);
  if (!match) {
    const opening = OPENING_FENCE.exec(text);
    if (!opening) return undefined;
    const marker = opening[1]!;
    const line = placeAt(text, opening.index + opening[0].indexOf(marker)).line;
    return { error: `front matter не закрито: немає рядка «${marker}» після метаданих`, line };
  }
  const frontMatterEnd = match.index + match[0].length - 3;
  const start = frontMatterEnd - match[1]!.length - 3;
  // Spaces after a fence belong to its line; anything else there is read on, as Astro reads it.
  const frontMatterStart = start + 3 + lineRest(text, start + 3);
  const bodyStart = frontMatterEnd + 3 + lineRest(text, frontMatterEnd + 3);
  return {
    frontMatter: text.slice(frontMatterStart, frontMatterEnd),
    language: text[start] === '-' ? 'yaml' : 'toml',
    body: text.slice(bodyStart),
    frontMatterLine: placeAt(text, frontMatterStart).line,
    bodyLine: placeAt(text, bodyStart).line,
    start,
    frontMatterStart,
    frontMatterEnd,
    bodyStart,
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
    // Both parsers stop where the damage shows (often the next field, or the end); the field being read before it is where it starts.
    const doc = parseDocument(text, { prettyErrors: false });
    const located = doc.errors[0];
    if (located) {
      const fields =
        isMap(doc.contents) && located.code !== 'DUPLICATE_KEY'
          ? doc.contents.items.map((pair) => (pair.key as { range?: number[] } | null)?.range?.[0])
          : [];
      const start = fields.filter((at): at is number => at !== undefined && at < located.pos[0]).at(-1) ?? located.pos[0];
      return { error: located.message.split('\n')[0]!, line: placeAt(text, start).line + firstLine - 1 };
    }
    const yamlError = error as YAMLException;
    return { error: yamlError.reason ?? yamlError.message.split('\n')[0]!, line: (yamlError.mark?.line ?? 0) + firstLine };
  }
  if (data === null || data === undefined) return { data: {}, fieldLines: {} };
  if (typeof data !== 'object' || Array.isArray(data))
    return { error: 'front matter має бути набором полів «назва: значення»', line: firstLine };
  const fieldLines: Record<string, number> = {};
  text.split('\n').forEach((line, index) => {
    const match = TOP_LEVEL_KEY.exec(line);
    const key = match?.[1] ?? match?.[2] ?? match?.[3];
    if (key !== undefined && fieldLines[key] === undefined) fieldLines[key] = index + firstLine;
  });
  return { data: data as Record<string, unknown>, fieldLines };
}

// Field order of written files: what a reader of the file wants first.
const FIELD_ORDER = [
  'title',
  'date',
  'updated',
  'topics',
  'authors',
  'summary',
  'source',
  'image',
  'lang',
  'correction',
  'id',
  'origin',
  'aliases',
] as const;

// Fields written as plain dates on purpose: Astro reads them as dates, the schema accepts both.
const DATE_FIELDS = new Set(['date', 'updated']);

// Where a plain scalar may stop being a string in some reader: a number, a date, a sexagesimal or
// special float (digit, sign, dot), null (`~`, empty), a merge key, or a YAML 1.1 boolean or null word.
const MAYBE_NOT_STRING = /^(?:$|[-+.\d~<=]|(?:y|n|yes|no|on|off|true|false|null)$)/i;

function readsAs(value: string, read: () => unknown): boolean {
  try {
    return read() === value;
  } catch {
    return false;
  }
}

/**
 * Whether `value`, written as a plain (unquoted) scalar, reads back as this
 * very string in every YAML reader an article meets: js-yaml (Astro and the
 * validator: `0b101` is a number, `2022-01-11` a date), the `yaml` library
 * (`npm run check`) and YAML 1.1 readers (`yes`, `on`, `1:30`, `1_000`).
 */
export function readsBackAsString(value: string): boolean {
  if (!MAYBE_NOT_STRING.test(value)) return true;
  return (
    readsAs(value, () => loadYaml(value)) &&
    readsAs(value, () => parseYaml(value)) &&
    readsAs(value, () => parseYaml(value, { version: '1.1' }))
  );
}

/**
 * The whole file: front matter in a fixed field order, then the body.
 * Deterministic, so re-writing is byte-stable. Every string reads back as
 * the same string (`readsBackAsString`); only `date` and `updated` stay plain dates.
 */
export function serializeArticle(data: ArticleFrontMatter, body: string): string {
  const ordered: Record<string, unknown> = {};
  for (const key of FIELD_ORDER) {
    const value = data[key];
    if (value === undefined || (Array.isArray(value) && value.length === 0 && (key === 'aliases' || key === 'authors'))) continue;
    ordered[key] = value;
  }
  const doc = new Document(ordered);
  for (const key of ['topics', 'authors']) {
    const list = doc.get(key, true);
    if (isSeq(list)) list.flow = true;
  }
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && DATE_FIELDS.has(String(pair.key.value)) && isScalar(pair.value)) return visit.SKIP;
      return undefined;
    },
    Scalar(key, node) {
      if (key === 'key' || typeof node.value !== 'string' || readsBackAsString(node.value)) return;
      // The quotes the library itself picks for a string it cannot write plain.
      node.type = node.value.includes('"') && !node.value.includes("'") ? 'QUOTE_SINGLE' : 'QUOTE_DOUBLE';
    },
  });
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
