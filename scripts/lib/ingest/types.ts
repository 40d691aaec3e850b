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

/** Input formats the ingest reads; chosen by file extension. */
export type InputFormat = 'text' | 'json' | 'markdown' | 'mdx' | 'feed';

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
  lang?: string;
  /** Things the reader changed or dropped, for the report. */
  notes: string[];
}

/** A problem that stops one item (or a whole file) from being ingested. */
export interface InputError {
  place: SourcePlace;
  /** What happened, then how to fix it. */
  message: string;
}

export interface ReadResult {
  items: RawItem[];
  errors: InputError[];
}
