import { Document, type ScalarTag } from 'yaml';
import { readsBackAsString, serializeArticle, type ArticleFrontMatter } from '#lib/archive/article-file.ts';

/**
 * The whole article file for an ingested item, exactly as `serializeArticle`
 * writes it, without building a YAML document for the common case: every
 * field the ingest sets (title, date, topics, authors, summary, source, lang, id,
 * origin) is a one-line string that the `yaml` library writes plain. Any
 * other field, or a value that library would quote (a colon and a space,
 * a leading indicator, a number-like string, control characters…) or that
 * another reader would not read back as a string (`readsBackAsString`),
 * sends the whole article to `serializeArticle`; so does a lead `image`
 * (a mapping of several fields, rare enough not to be written by hand). Tests compare both on every case.
 */

// Field order of `serializeArticle` for the fields the ingest sets.
const SCALAR_FIELDS = ['title', 'date'] as const;
const AFTER_TOPICS = ['summary'] as const;
const AFTER_SOURCE = ['lang', 'id', 'origin'] as const;
const KNOWN_FIELDS = new Set<string>([...SCALAR_FIELDS, 'topics', 'authors', ...AFTER_TOPICS, 'source', ...AFTER_SOURCE]);

// The `yaml` library's reasons to quote a plain scalar (stringifyString.js, plainString), plus line
// breaks, control characters and surrogates (which it double-quotes) and document markers.
const NOT_PLAIN =
  // eslint-disable-next-line no-control-regex -- control characters are what is looked for
  /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$|^(?:%|---|\.\.\.)|[\x00-\x1f\x7f-\x9f\uD800-\uDFFF]/;
// Inside a flow sequence (`topics`, `authors`), flow indicators are quoted too; both hold slugs anyway.
const PLAIN_SLUG = /^[a-z0-9][a-z0-9-]*$/;

// Scalars that YAML 1.2 (core schema, the library's default) would read as something other than a string: null, booleans, numbers.
const NON_STRING_TAGS = new Document().schema.tags.filter(
  (tag): tag is ScalarTag & { test: RegExp } =>
    Boolean(tag.default) && tag.tag !== 'tag:yaml.org,2002:str' && 'test' in tag && tag.test instanceof RegExp,
);

function readsAsString(value: string): boolean {
  return !NON_STRING_TAGS.some((tag) => tag.test.test(value));
}

function plain(value: unknown): value is string {
  return typeof value === 'string' && value !== '' && !NOT_PLAIN.test(value) && readsAsString(value) && readsBackAsString(value);
}

// `date` is written plain even where a reader takes it for a date: that is what it is.
function plainDate(value: unknown): value is string {
  return typeof value === 'string' && value !== '' && !NOT_PLAIN.test(value) && readsAsString(value);
}

/** The front-matter lines written without the YAML library, or `undefined` when some field needs it. */
export function plainFrontMatter(data: ArticleFrontMatter): string | undefined {
  for (const key of Object.keys(data)) if (!KNOWN_FIELDS.has(key) && data[key as keyof ArticleFrontMatter] !== undefined) return undefined;
  let out = '';
  for (const key of SCALAR_FIELDS) {
    if (data[key] === undefined) continue;
    if (!(key === 'date' ? plainDate(data[key]) : plain(data[key]))) return undefined;
    out += `${key}: ${data[key]}\n`;
  }
  if (data.topics !== undefined) {
    if (!data.topics.every((topic) => PLAIN_SLUG.test(topic) && readsAsString(topic) && readsBackAsString(topic))) return undefined;
    out += `topics: [${data.topics.join(', ')}]\n`;
  }
  if (data.authors !== undefined && data.authors.length > 0) {
    if (!data.authors.every((author) => PLAIN_SLUG.test(author) && readsAsString(author) && readsBackAsString(author))) return undefined;
    out += `authors: [${data.authors.join(', ')}]\n`;
  }
  for (const key of AFTER_TOPICS) {
    if (data[key] === undefined) continue;
    if (!plain(data[key])) return undefined;
    out += `${key}: ${data[key]}\n`;
  }
  if (data.source !== undefined) {
    const entries = Object.entries(data.source).filter(([, value]) => value !== undefined);
    if (entries.length === 0 || !entries.every(([key, value]) => (key === 'name' || key === 'url') && plain(value))) return undefined;
    out += `source:\n${entries.map(([key, value]) => `  ${key}: ${value}\n`).join('')}`;
  }
  for (const key of AFTER_SOURCE) {
    if (data[key] === undefined) continue;
    if (!plain(data[key])) return undefined;
    out += `${key}: ${data[key]}\n`;
  }
  return out;
}

/** The article file (front matter, then body): byte for byte what `serializeArticle(data, body)` returns. */
export function serializeIngestedArticle(data: ArticleFrontMatter, body: string): string {
  const lines = plainFrontMatter(data);
  if (lines === undefined) return serializeArticle(data, body);
  // `body.replace(/\n*$/, '\n')` without a regular expression, which tries every position of a long body.
  let end = body.length;
  while (end > 0 && body.charCodeAt(end - 1) === 0x0a) end -= 1;
  return `---\n${lines}---\n\n${body.slice(0, end)}\n`;
}
