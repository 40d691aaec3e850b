import type { Root } from 'mdast';
import { htmlToMdast, looksLikeHtml } from './html-to-mdast.ts';
import { blocksToMdast } from './read-plain-text.ts';
import { segmentOnePiece, splitParagraphs } from './segment-text.ts';
import type { RawItem } from '../ingest/types.ts';
import { foldText } from '#lib/text/typography.ts';

/**
 * The metadata fields the ingest understands in JSON items and front matter,
 * under the names other tools use for them. Shared by the JSON and Markdown readers.
 */
export const FIELD_NAMES = {
  title: ['title', 'headline'],
  date: ['date', 'published', 'pubDate', 'publishDate', 'datePublished', 'created'],
  topics: ['topics', 'tags', 'categories', 'keywords'],
  summary: ['summary', 'description', 'lead', 'excerpt', 'subtitle'],
  /** The outlet that published the item; its people are `authors`. */
  sourceName: ['source', 'publisher', 'outlet'],
  /** Bylines: one name, a list of names, or objects with a `name`. */
  authors: ['authors', 'author'],
  sourceUrl: ['url', 'link', 'canonical', 'canonicalURL', 'canonical_url', 'source_url', 'original_url'],
  lang: ['lang', 'language', 'locale'],
  /** The lead image: an address or archive path, or an object with `src` (or `url`), `alt`, `caption`, `credit`, `width`, `height`. */
  image: ['image', 'lead_image', 'featured_image', 'thumbnail', 'cover'],
  /** The lead image's description when `image` is an address alone. */
  imageAlt: ['image_alt', 'imageAlt', 'alt'],
} as const;

type Record_ = Record<string, unknown>;

function firstField(record: Record_, names: readonly string[]): [string, unknown] | undefined {
  for (const name of names) if (record[name] !== undefined && record[name] !== null && record[name] !== '') return [name, record[name]];
  return undefined;
}

function first(record: Record_, names: readonly string[]): unknown {
  return firstField(record, names)?.[1];
}

function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return String(value);
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
  return undefined;
}

function asList(value: unknown): string[] {
  const values = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[,;]/) : [];
  return values
    .map((v) => (typeof v === 'object' && v !== null ? asText((v as Record_).name ?? (v as Record_).term) : asText(v)))
    .filter((v): v is string => Boolean(v));
}

function nameOf(value: unknown): string | undefined {
  if (Array.isArray(value)) return value.map(nameOf).filter(Boolean).join(', ') || undefined;
  if (typeof value === 'object' && value !== null) return asText((value as Record_).name ?? (value as Record_).title);
  return asText(value);
}

/** Display names as written: a name, a list of names, or objects (`{ "name": … }`) that hold them; a name is never split. */
function names(value: unknown): string[] {
  return (Array.isArray(value) ? value : [value]).map(nameOf).filter((name): name is string => Boolean(name));
}

function pixels(value: unknown): number | undefined {
  const number = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  return typeof number === 'number' ? number : undefined;
}

/** The lead image as the item gives it (judged later by the ingest, `articleImage`), or `undefined` when there is none. */
function imageOf(record: Record_, notes: string[]): RawItem['image'] {
  const found = firstField(record, FIELD_NAMES.image);
  if (!found) return undefined;
  const [field, value] = found;
  const alt = asText(first(record, FIELD_NAMES.imageAlt));
  if (typeof value === 'string') return { src: value, ...(alt ? { alt } : {}) };
  if (typeof value !== 'object' || Array.isArray(value)) {
    notes.push(`поле «${field}» не використано: це ${kindOf(value)}, а не адреса зображення чи обʼєкт із src і alt`);
    return undefined;
  }
  const image = value as Record_;
  const src = asText(image.src ?? image.url ?? image.href);
  if (!src) {
    notes.push(`поле «${field}» не використано: у ньому немає адреси зображення (src чи url)`);
    return undefined;
  }
  const given = {
    alt: asText(image.alt) ?? alt,
    caption: asText(image.caption),
    credit: asText(image.credit ?? image.copyright),
    width: pixels(image.width),
    height: pixels(image.height),
  };
  return { src, ...Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) };
}

/** A YAML timestamp: a bare date (`2022-01-11`) parses as UTC midnight and stays a bare date. */
function dateValue(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'список';
  if (typeof value === 'object') return 'обʼєкт';
  return typeof value === 'boolean' ? 'так/ні' : typeof value;
}

/**
 * Item metadata from a JSON object or front matter. Addresses are passed on
 * as written (the ingest judges them and reports the ones it drops); a field
 * that holds something other than text is named in `notes`.
 */
export function itemMetadata(
  record: Record_,
): Pick<RawItem, 'title' | 'date' | 'topics' | 'summary' | 'source' | 'authors' | 'lang' | 'image' | 'notes'> {
  const notes: string[] = [];
  const text = (from: Record_, names: readonly string[], prefix = ''): string | undefined => {
    const found = firstField(from, names);
    if (!found) return undefined;
    const value = asText(found[1]);
    if (value === undefined && typeof found[1] !== 'string')
      notes.push(`поле «${prefix}${found[0]}» не використано: це ${kindOf(found[1])}, а не текст`);
    return value;
  };
  const source = record.source;
  const sourceRecord = typeof source === 'object' && source !== null && !Array.isArray(source) ? (source as Record_) : undefined;
  const name = sourceRecord ? text(sourceRecord, ['name'], 'source.') : nameOf(first(record, FIELD_NAMES.sourceName));
  const url =
    sourceRecord && firstField(sourceRecord, ['url']) ? text(sourceRecord, ['url'], 'source.') : text(record, FIELD_NAMES.sourceUrl);
  const topics = FIELD_NAMES.topics.flatMap((field) => asList(record[field]));
  const authors = names(first(record, FIELD_NAMES.authors));
  const result: ReturnType<typeof itemMetadata> = { notes };
  const title = text(record, FIELD_NAMES.title);
  const date = first(record, FIELD_NAMES.date);
  const summary = text(record, FIELD_NAMES.summary);
  const lang = text(record, FIELD_NAMES.lang);
  if (title) result.title = title;
  if (date !== undefined) result.date = date instanceof Date ? dateValue(date) : String(date);
  if (topics.length > 0) result.topics = topics;
  if (summary) result.summary = summary;
  if (name || url) result.source = { ...(name ? { name } : {}), ...(url ? { url } : {}) };
  if (authors.length > 0) result.authors = authors;
  if (lang) result.lang = lang;
  const image = imageOf(record, notes);
  if (image) result.image = image;
  return result;
}

/**
 * A body given as a string: HTML when it carries markup, otherwise plain text
 * with one paragraph per line (subheadings as in `segmentOnePiece`). A
 * headline on the first line becomes the title when the item has none, is
 * dropped when it repeats the title, and is a subheading otherwise.
 */
export function bodyFromString(text: string, title: string | undefined): { body: Root; headline?: string } {
  if (looksLikeHtml(text)) return { body: htmlToMdast(text) };
  const piece = segmentOnePiece(splitParagraphs(text));
  if (!piece) return { body: { type: 'root', children: [] } };
  if (!piece.headline) return { body: blocksToMdast(piece.blocks) };
  if (title === undefined) return { body: blocksToMdast(piece.blocks), headline: piece.headline.text };
  if (foldText(piece.headline.text) === foldText(title)) return { body: blocksToMdast(piece.blocks) };
  return { body: blocksToMdast([{ ...piece.headline, kind: 'heading' }, ...piece.blocks]) };
}
