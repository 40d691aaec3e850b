import type { Root } from 'mdast';

/** Where an item was read: a path relative to the working folder and a 1-based line. */
export interface SourcePlace {
  file: string;
  line: number;
}

/** `file:line`, the form every message and the report use. */
export function formatPlace(place: SourcePlace): string {
  return `${place.file}:${place.line}`;
}

/** Input formats the ingest reads; chosen by file extension (and, for `.xml`, by the root's namespace: see read-items.ts). */
export type InputFormat = 'text' | 'json' | 'markdown' | 'mdx' | 'feed' | 'wordpress';

/**
 * One news item as a reader found it, before normalisation: metadata as
 * given and the body as an mdast tree of block content (never raw strings
 * that could turn into HTML or JSX).
 */
export interface RawItem {
  place: SourcePlace;
  format: InputFormat;
  /** Headline as written; absent when the title must be derived from the lead. */
  title?: string;
  body: Root;
  /** Date as written in the item's own metadata (front matter, JSON, feed). */
  date?: string;
  /** Topic slugs or names given by the source (tags, categories). */
  topics?: string[];
  summary?: string;
  source?: { name?: string; url?: string };
  /**
   * The lead image as the source gives it (feed media, a WordPress featured
   * image): not yet checked. The ingest writes it as the article's `image`
   * only when `src` is an `https://` address and `alt` is not empty, and
   * reports it otherwise.
   */
  image?: { src: string; alt?: string; caption?: string; credit?: string; width?: number; height?: number };
  /**
   * Bylines: the display names of the people who wrote the item, as written
   * in the input (not slugs); the ingest maps each to an entry of authors.yaml.
   */
  authors?: string[];
  lang?: string;
  /**
   * The source gives the item an identity of its own (a WordPress post): it is
   * never a near duplicate or possible update of another item of the same run,
   * only of an archived article. An exact repeat is still a duplicate.
   */
  distinct?: true;
  /** Former site paths of the item (`/yyyy/mm/dd/slug/`), kept as the article's `aliases` so that old links still lead to it. */
  aliases?: string[];
  /** Things the reader changed or dropped, for the report. */
  notes: string[];
}

/** A problem that stops one item (or a whole file) from being ingested. */
export interface InputError {
  place: SourcePlace;
  /** What happened, then how to fix it. */
  message: string;
}

/** An input item that is deliberately not an article (a page, a draft, an attachment…): reported and counted by `kind`. */
export interface SkippedItem {
  place: SourcePlace;
  /** What the item is, as counted in the summary («сторінка», «чернетка»). */
  kind: string;
  title?: string;
  /** Why it is not imported. */
  reason: string;
}

export interface ReadResult {
  items: RawItem[];
  errors: InputError[];
  skipped?: SkippedItem[];
  /** What the reader leaves out of a whole file (e.g. comments), said once in the report. */
  notices?: string[];
}
