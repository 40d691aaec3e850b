import { CborReader, decodeCbor, type CborValue } from './cbor.ts';

/**
 * Reads the parts of Pagefind 1.6's index files that the search page uses
 * itself: the page list and date order of the metadata file, and the filter
 * chunks. Pagefind's own filter counting and sorting compare every result
 * with every filtered or sorted page, which takes seconds once a query
 * matches thousands of pages; with these files the page does both in one
 * pass over each list (`src/lib/search/facets.ts`). The layout follows Pagefind's
 * `pagefind_core_search` decoders; a file that does not match it is an error
 * naming the file, never a silently wrong count.
 */

/** Every Pagefind data file starts with this, after gzip when it is compressed. */
const SIGNATURE = new TextEncoder().encode('pagefind_dcd');

function hasSignature(bytes: Uint8Array): boolean {
  return bytes.length >= SIGNATURE.length && SIGNATURE.every((byte, i) => bytes[i] === byte);
}

/**
 * A Pagefind data file as Pagefind reads it after its own decompression:
 * gunzipped by the browser when it is compressed, signature kept (Pagefind
 * skips decompressing a file that starts with it).
 */
export async function inflatePagefindFile(bytes: Uint8Array, file: string): Promise<Uint8Array> {
  let data = bytes;
  if (!hasSignature(data)) {
    const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
    data = await new Response(stream).arrayBuffer().then(
      (buffer) => new Uint8Array(buffer),
      () => new Uint8Array(),
    );
  }
  if (!hasSignature(data))
    throw new Error(`${file} is not a Pagefind index file (not gzip, or no pagefind_dcd signature): rebuild the site and its index.`);
  return data;
}

/** A reader at the start of an inflated file's CBOR body. */
function bodyReader(data: Uint8Array, file: string): CborReader {
  if (!hasSignature(data)) throw new Error(`${file} is not an inflated Pagefind index file (no pagefind_dcd signature).`);
  return new CborReader(data, SIGNATURE.length);
}

function body(data: Uint8Array, file: string): CborValue {
  return bodyReader(data, file).value();
}

export interface IndexMeta {
  /** Pagefind's version that wrote the index. */
  version: string;
  /** Page hashes (the `id` of a search result) by page number. */
  pages: string[];
  /** The index chunks (`index/<hash>.pf_index`), each with the first and last word it holds, in word order. */
  indexChunks: IndexChunkRef[];
  /** Filter name → hash of its chunk (`filter/<hash>.pf_filter`). */
  filterChunks: Map<string, string>;
  /** Sort name → page numbers in ascending order of the sort key. */
  sorts: Map<string, Uint32Array>;
}

/** One index chunk of the metadata: it holds the indexed words from `from` to `to`, as Pagefind folds them. */
export interface IndexChunkRef {
  from: string;
  to: string;
  hash: string;
}

/** One filter: each value with the numbers of the pages that carry it. */
export interface Facet {
  name: string;
  values: Array<{ value: string; pages: Uint32Array }>;
}

function fail(file: string, what: string): never {
  throw new Error(`${file}: ${what} (layout of Pagefind 1.6 expected).`);
}

function list(value: CborValue | undefined, file: string, what: string): CborValue[] {
  if (!Array.isArray(value)) fail(file, `${what} is not a list`);
  return value;
}

function text(value: CborValue | undefined, file: string, what: string): string {
  if (typeof value !== 'string') fail(file, `${what} is not a string`);
  return value;
}

function pageList(value: CborValue | undefined, file: string, what: string): Uint32Array {
  const items = list(value, file, what);
  const pages = new Uint32Array(items.length);
  items.forEach((page, i) => {
    if (typeof page !== 'number' || page < 0) fail(file, `${what} holds a value that is not a page number`);
    pages[i] = page;
  });
  return pages;
}

function indexChunkRefs(value: CborValue | undefined, file: string): IndexChunkRef[] {
  return list(value, file, 'the index chunk list').map((entry) => {
    const [from, to, hash] = list(entry, file, 'an index chunk');
    return { from: text(from, file, 'a first word'), to: text(to, file, 'a last word'), hash: text(hash, file, 'an index chunk hash') };
  });
}

/** `pagefind.<language>.pf_meta`, inflated: [version, pages, index chunks, filter chunks, sorts, …]. */
export function decodeMeta(data: Uint8Array, file = 'Pagefind metadata'): IndexMeta {
  const [version, pageEntries, chunkEntries, filterEntries, sortEntries] = list(body(data, file), file, 'the file');
  const pages = list(pageEntries, file, 'the page list').map((entry) => text(list(entry, file, 'a page')[0], file, 'a page hash'));
  const indexChunks = indexChunkRefs(chunkEntries, file);
  const filterChunks = new Map<string, string>();
  for (const entry of list(filterEntries, file, 'the filter list')) {
    const [name, hash] = list(entry, file, 'a filter');
    filterChunks.set(text(name, file, 'a filter name'), text(hash, file, 'a filter chunk hash'));
  }
  const sorts = new Map<string, Uint32Array>();
  for (const entry of list(sortEntries, file, 'the sort list')) {
    const [name, order] = list(entry, file, 'a sort');
    sorts.set(text(name, file, 'a sort name'), pageList(order, file, 'a sort order'));
  }
  return {
    version: text(version, file, 'the version'),
    pages,
    indexChunks,
    filterChunks,
    sorts,
  };
}

/**
 * The index chunk list of `pagefind.<language>.pf_meta` alone, the page list
 * stepped over: a fraction of the time `decodeMeta` takes, so that the
 * chunks a query needs can be requested before the metadata is decoded.
 */
export function readIndexChunks(data: Uint8Array, file = 'Pagefind metadata'): IndexChunkRef[] {
  const reader = bodyReader(data, file);
  if ((reader.listLength() ?? fail(file, 'the file is not a list')) < 3) fail(file, 'the index chunk list is not a list');
  reader.skip();
  reader.skip();
  return indexChunkRefs(reader.value(), file);
}

/** `filter/<hash>.pf_filter`, inflated: [name, [[value, [page numbers]], …]]. */
export function decodeFilterChunk(data: Uint8Array, file = 'Pagefind filter chunk'): Facet {
  const [name, entries] = list(body(data, file), file, 'the file');
  return {
    name: text(name, file, 'the filter name'),
    values: list(entries, file, 'the values').map((entry) => {
      const [value, pages] = list(entry, file, 'a value');
      return { value: text(value, file, 'a value'), pages: pageList(pages, file, 'a page list') };
    }),
  };
}

/**
 * One word of an index chunk, as Pagefind folds it (ї → і, й → и), with the
 * pages that use it and, for each of those pages, where: its places in the
 * page's text, and in its metadata fields (`placeInMetadata`).
 */
export interface ChunkWord {
  readonly word: string;
  /** The pages that use the word, in order. */
  readonly pages: Uint32Array;
  /** The word's places on each of those pages. */
  readonly places: Uint32Array[];
}

/** The words of one index chunk, in Pagefind's order (that of code points). */
export type ChunkWords = ChunkWord[];

/** A place in the metadata field `field` (Pagefind's order of the metadata names), told apart from places in the text. */
export function placeInMetadata(field: number, position: number): number {
  return (field + 1) * 2 ** 24 + position;
}

/**
 * Adds the page entries of one spelling of a word (`[page, [text places], [metadata places]]`)
 * to `pages`. Each entry gives its page as the difference from the page before it.
 * In the text places a negative number sets the weight of the places after it,
 * in the metadata places it starts a field (-1 the first, -2 the second); after
 * it, each place is given as the difference from the one before, from 0.
 */
function wordPages(value: CborValue | undefined, file: string, pages: Map<number, number[]>): void {
  let page = 0;
  for (const entry of list(value, file, 'the pages of a word')) {
    const [step, text, metadata] = list(entry, file, 'a page of a word');
    if (typeof step !== 'number' || step < 0) fail(file, 'a word lists a value that is not a page number');
    page += step;
    const places = pages.get(page) ?? [];
    pages.set(page, places);
    let at = 0;
    for (const place of list(text, file, 'the places of a word')) {
      if (typeof place !== 'number') fail(file, 'a word has a place that is not a number');
      if (place < 0) at = 0;
      else places.push((at += place));
    }
    let field = -1;
    for (const place of metadata === undefined ? [] : list(metadata, file, 'the metadata places of a word')) {
      if (typeof place !== 'number') fail(file, 'a word has a metadata place that is not a number');
      if (place < 0) [field, at] = [-place - 1, 0];
      else if (field >= 0) places.push(placeInMetadata(field, (at += place)));
    }
  }
}

/**
 * `index/<hash>.pf_index`, inflated: [[[folded word, [pages], [[word as written, [pages]], …]], …]].
 * Pagefind 1.6 keys each word as it compares words (without diacritics) and keeps
 * the spellings with diacritics beside it; a page that uses any of them uses the word.
 * Only the words are read here; a word's pages are read when first asked for.
 */
export function decodeIndexChunk(data: Uint8Array, file = 'Pagefind index chunk'): ChunkWords {
  const reader = bodyReader(data, file);
  const items = reader.listLength() ?? fail(file, 'the file is not a list');
  if (items === 0) fail(file, 'the words is not a list');
  const count = reader.listLength() ?? fail(file, 'the words is not a list');
  const words: ChunkWords = new Array(count);
  for (let i = 0; i < count; i++) {
    const size = reader.listLength() ?? fail(file, 'a word is not a list');
    const word = (size > 0 ? reader.text() : undefined) ?? fail(file, 'a word is not a string');
    const pages = size > 1 ? reader.offset : undefined;
    if (size > 1) reader.skip();
    const spellings = size > 2 ? reader.offset : undefined;
    for (let rest = 2; rest < size; rest++) reader.skip();
    words[i] = new IndexedWord(word, { data, pages, spellings, file });
  }
  return words;
}

/** Where a word's pages and spellings start in its chunk's data, when the word has them. */
interface WordSource {
  data: Uint8Array;
  pages: number | undefined;
  spellings: number | undefined;
  file: string;
}

/**
 * A word of an index chunk whose pages are read when first asked for: a
 * query needs the pages of the few words its prefixes begin, and turning
 * every word's pages into lists took most of a chunk's decoding.
 */
class IndexedWord implements ChunkWord {
  readonly word: string;
  private read: { pages: Uint32Array; places: Uint32Array[] } | undefined;
  private readonly source: WordSource;

  constructor(word: string, source: WordSource) {
    this.word = word;
    this.source = source;
  }

  get pages(): Uint32Array {
    return this.pagesAndPlaces().pages;
  }

  get places(): Uint32Array[] {
    return this.pagesAndPlaces().places;
  }

  private pagesAndPlaces(): { pages: Uint32Array; places: Uint32Array[] } {
    if (this.read) return this.read;
    const { data, pages, spellings, file } = this.source;
    const at = (offset: number | undefined) => (offset === undefined ? undefined : decodeCbor(data, offset));
    const found = new Map<number, number[]>();
    wordPages(at(pages), file, found);
    const written = spellings === undefined ? [] : list(at(spellings), file, 'the spellings of a word');
    for (const spelling of written) wordPages(list(spelling, file, 'a spelling')[1], file, found);
    // Each list is in page order; the pages of other spellings join at the end.
    const entries = written.length > 0 ? [...found].sort(([a], [b]) => a - b) : [...found];
    this.read = {
      pages: Uint32Array.from(entries, ([page]) => page),
      places: entries.map(([, places]) => Uint32Array.from(places)),
    };
    return this.read;
  }
}
