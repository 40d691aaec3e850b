
/**
 * Near-duplicate detection that stays near-linear in the archive size.
 *
 * Similarity is measured on character 5-grams of the folded text: two items
 * are the same story republished when their Jaccard similarity is at least
 * `JACCARD_MIN` or one is contained in the other at `CONTAINMENT_MIN` (reposts
 * measure 0.93–1.0, different items on one topic 0.03–0.45).
 *
 * Exact comparison of every pair would be quadratic, so candidates come from an
 * inverted index of word trigrams: each document is indexed under the trigrams
 * whose hash falls in a fixed 1-in-`SAMPLE_RATE` sample (the same trigrams in
 * every document, so a shared passage shares its sample) plus its
 * `ANCHORS` smallest hashes (so short items are indexed too). Only documents
 * that share enough sampled trigrams are compared exactly.
 *
 * A trigram found in more than `MAX_POSTINGS` documents is a stock phrase: its
 * list is dropped and it counts, for every document, as neither shared nor
 * required, so a lookup reads at most `MAX_POSTINGS` entries per sampled
 * trigram and the whole run stays linear in the number of documents.
 */

export const JACCARD_MIN = 0.8;
export const CONTAINMENT_MIN = 0.9;
export const SAMPLE_RATE = 8;
export const ANCHORS = 2;
/** Trigrams found in more documents than this are stock phrases and find no candidates. */
export const MAX_POSTINGS = 200;
/** Candidates compared exactly per lookup, best first. */
export const MAX_CANDIDATES = 8;
/** Share of the smaller document's sampled trigrams a candidate must share (near duplicates share far more). */
export const MIN_SHARED_SAMPLES = 0.5;
/** Shingle sets of recent candidates kept for the next lookups (a run compares neighbours again and again). */
export const SHINGLE_CACHE_SIZE = 2048;
/** Containment needs this many shingles in the smaller text, so a short phrase is never «contained» by chance. */
export const MIN_SHINGLES_FOR_CONTAINMENT = 40;

/** FNV-1a, 32 bits: a fast stable hash for shingles. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

// Every form of apostrophe: dropped, so «пам'ять» and «памʼять» compare equal.
const APOSTROPHES = /['\u2019\u02BC\u0060\u00B4\u2018\u02B9\u2032]/g;

/**
 * Text reduced to lower-case words separated by single spaces, apostrophes
 * dropped: quotes, dashes and apostrophe forms never make two texts differ.
 * (Cheaper than the full normaliser, which archived text has been through.)
 */
export function comparableText(text: string): string {
  return plainComparableText(text) ?? unicodeComparableText(text);
}

function unicodeComparableText(text: string): string {
  const lower = text.normalize('NFC').toLowerCase().replace(APOSTROPHES, '');
  // The Unicode-property pattern is slow; text of only ASCII, Cyrillic and punctuation takes an equivalent plain range.
  const words = OUTSIDE_FAST_RANGES.test(lower) ? lower.replace(/[^\p{L}\p{N}]+/gu, ' ') : lower.replace(/[^a-z0-9\u0400-\u0481\u048A-\u04FF]+/g, ' ');
  return words.trim();
}

/**
 * A character outside the ranges whose letters and digits are exactly
 * `a-z`, `0-9` and the Cyrillic letters (U+0400–0481, U+048A–04FF):
 * ASCII, Latin-1 punctuation and symbols (not ª ² ³ µ ¹ º ¼ ½ ¾), Cyrillic,
 * General Punctuation.
 */
const OUTSIDE_FAST_RANGES = /[^\x00-\x7F\u00A0-\u00A9\u00AB-\u00B1\u00B4\u00B6-\u00B8\u00BB\u00BF\u0400-\u04FF\u2000-\u206F]/;

const WORD_UNIT = 1;
const SEPARATOR_UNIT = 2;
const APOSTROPHE_UNIT = 3;
/** What each unit of the fast ranges (and the apostrophes) becomes; 0 for any other unit. Filled from the expressions above. */
const UNIT_KIND = new Uint8Array(0x2070);
/** The lower case of each word unit. */
const UNIT_LOWER = new Uint16Array(0x2070);
for (let unit = 0; unit < 0x2070; unit += 1) {
  const char = String.fromCharCode(unit);
  if (APOSTROPHES.test(char)) UNIT_KIND[unit] = APOSTROPHE_UNIT;
  else if (!OUTSIDE_FAST_RANGES.test(char)) {
    const lower = char.toLowerCase();
    const word = lower.length === 1 && /[a-z0-9\u0400-\u0481\u048A-\u04FF]/.test(lower);
    UNIT_KIND[unit] = word ? WORD_UNIT : SEPARATOR_UNIT;
    if (word) UNIT_LOWER[unit] = lower.charCodeAt(0);
  }
  APOSTROPHES.lastIndex = 0;
}

let units = new Uint16Array(4096);

/**
 * `comparableText` in one pass for text made only of the fast ranges and
 * apostrophes, where NFC and lower case act unit by unit (NFC changes only
 * U+2000/U+2001, into other spaces); `undefined` for any other text.
 */
function plainComparableText(text: string): string | undefined {
  if (units.length < text.length) units = new Uint16Array(Math.max(text.length, units.length * 2));
  let size = 0;
  let space = false;
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    const kind = unit < 0x2070 ? UNIT_KIND[unit]! : 0;
    if (kind === WORD_UNIT) {
      if (space) units[size++] = 0x20;
      space = false;
      units[size++] = UNIT_LOWER[unit]!;
    } else if (kind === SEPARATOR_UNIT) space = size > 0;
    else if (kind === 0) return undefined;
  }
  return unitsToString(units.subarray(0, size));
}

// Decoding the units' memory as UTF-16 is the fastest way to a string; it is their order only on little-endian machines.
const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;
const utf16 = new TextDecoder('utf-16le');

function unitsToString(text: Uint16Array): string {
  if (LITTLE_ENDIAN) return utf16.decode(text);
  let out = '';
  for (let start = 0; start < text.length; start += 8192) out += String.fromCharCode.apply(null, text.subarray(start, start + 8192) as unknown as number[]);
  return out;
}

/** Hashes of the character 5-grams of a text (FNV-1a over each window). */
export function shingles(text: string): Set<number> {
  return new Set(shinglesOfComparable(comparableText(text)));
}

/** The distinct 5-gram hashes of a comparable text, ascending. */
function shinglesOfComparable(plain: string): Uint32Array {
  if (plain.length < 5) return plain ? Uint32Array.of(hash(plain)) : new Uint32Array(0);
  const all = new Uint32Array(plain.length - 4);
  for (let i = 0; i + 5 <= plain.length; i += 1) {
    let h = 0x811c9dc5;
    for (let k = i; k < i + 5; k += 1) h = Math.imul(h ^ plain.charCodeAt(k), 0x01000193);
    all[i] = h >>> 0;
  }
  return distinctSorted(all);
}

// Scratch space of `distinctSorted`, grown as needed.
let scratch = new Uint32Array(4096);
const buckets = new Int32Array(256);

/**
 * Sorts `values` ascending (least-significant-digit radix sort, one byte per
 * pass: much faster than `TypedArray#sort` for hashes) and returns the
 * distinct values as a view of the same memory.
 */
function distinctSorted(values: Uint32Array): Uint32Array {
  const n = values.length;
  if (scratch.length < n) scratch = new Uint32Array(Math.max(n, scratch.length * 2));
  let from: Uint32Array = values;
  let to: Uint32Array = scratch.subarray(0, n);
  for (let shift = 0; shift < 32; shift += 8) {
    buckets.fill(0);
    for (let i = 0; i < n; i += 1) buckets[(from[i]! >>> shift) & 0xff]! += 1;
    for (let b = 0, sum = 0; b < 256; b += 1) {
      const count = buckets[b]!;
      buckets[b] = sum;
      sum += count;
    }
    for (let i = 0; i < n; i += 1) {
      const value = from[i]!;
      to[buckets[(value >>> shift) & 0xff]!++] = value;
    }
    [from, to] = [to, from];
  }
  // Four passes: the sorted values are back in `values`.
  let size = 0;
  for (let i = 0; i < n; i += 1) if (i === 0 || values[i] !== values[size - 1]) values[size++] = values[i]!;
  return values.subarray(0, size);
}

export interface Similarity {
  jaccard: number;
  containment: number;
}

function ratios(shared: number, sizeA: number, sizeB: number): Similarity {
  const union = sizeA + sizeB - shared;
  const smaller = Math.min(sizeA, sizeB);
  return { jaccard: union === 0 ? 1 : shared / union, containment: smaller === 0 ? 0 : shared / smaller };
}

export function similarity(a: Set<number>, b: Set<number>): Similarity {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const value of small) if (large.has(value)) shared += 1;
  return ratios(shared, a.size, b.size);
}

/** Merge steps between checks of whether a pair can still be near duplicates. */
const BOUND_CHECK_STEPS = 256;

/**
 * `similarity` of two ascending arrays of distinct hashes (one merge pass),
 * or `undefined` as soon as they cannot be near duplicates: even if every
 * value still ahead were shared, `isNearDuplicate` would say no (both
 * ratios only grow with the number shared).
 */
function nearSimilarity(a: Uint32Array, b: Uint32Array): Similarity | undefined {
  const smaller = Math.min(a.length, b.length);
  let shared = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    for (let steps = 0; steps < BOUND_CHECK_STEPS && i < a.length && j < b.length; steps += 1) {
      if (a[i]! < b[j]!) i += 1;
      else if (a[i]! > b[j]!) j += 1;
      else {
        shared += 1;
        i += 1;
        j += 1;
      }
    }
    const most = shared + Math.min(a.length - i, b.length - j);
    if (!isNearDuplicate(ratios(most, a.length, b.length), smaller)) return undefined;
  }
  const s = ratios(shared, a.length, b.length);
  return isNearDuplicate(s, smaller) ? s : undefined;
}

export function isNearDuplicate(s: Similarity, smallerSize: number): boolean {
  return s.jaccard >= JACCARD_MIN || (smallerSize >= MIN_SHINGLES_FOR_CONTAINMENT && s.containment >= CONTAINMENT_MIN);
}

const FNV_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
let trigramScratch = new Uint32Array(1024);

/**
 * Sampled word-trigram hashes of a comparable text (words separated by
 * single spaces): those in the fixed 1-in-`SAMPLE_RATE` sample and the
 * `ANCHORS` smallest, each once, in no particular order. A trigram's hash
 * is FNV-1a of its text («w1 w2 w3»); the three trigrams a character
 * belongs to are hashed side by side in one pass.
 */
function sampleKeys(plain: string): number[] {
  const length = plain.length;
  const most = (length >> 1) + 1;
  if (trigramScratch.length < most) trigramScratch = new Uint32Array(Math.max(most, trigramScratch.length * 2));
  // Running hashes of the trigrams that start two words back, one word back and at the current word.
  let twoBack = FNV_BASIS;
  let oneBack = FNV_BASIS;
  let current = FNV_BASIS;
  let word = 0;
  let count = 0;
  for (let i = 0; i < length; i += 1) {
    const unit = plain.charCodeAt(i);
    if (unit === 0x20) {
      if (word >= 2) trigramScratch[count++] = twoBack >>> 0;
      twoBack = Math.imul(oneBack ^ unit, FNV_PRIME);
      oneBack = Math.imul(current ^ unit, FNV_PRIME);
      current = FNV_BASIS;
      word += 1;
    } else {
      twoBack = Math.imul(twoBack ^ unit, FNV_PRIME);
      oneBack = Math.imul(oneBack ^ unit, FNV_PRIME);
      current = Math.imul(current ^ unit, FNV_PRIME);
    }
  }
  if (length > 0 && word >= 2) trigramScratch[count++] = twoBack >>> 0;
  // Fewer than three words: the whole text is the one key.
  if (count === 0) trigramScratch[count++] = hash(plain);
  const hashes = distinctSorted(trigramScratch.subarray(0, count));
  const keys: number[] = [];
  for (let i = 0; i < hashes.length; i += 1) {
    const h = hashes[i]!;
    // `SAMPLE_RATE` is a power of two: the low bits are the remainder.
    if ((h & (SAMPLE_RATE - 1)) === 0 || i < ANCHORS) keys.push(h);
  }
  return keys;
}

/** What the index needs of a text: its comparable form and its sampled trigrams. Computed once per text, on any thread. */
export interface TextSignature {
  /** `comparableText` of the text. */
  plain: string;
  samples: number[];
}

export function textSignature(text: string): TextSignature {
  const plain = comparableText(text);
  return { plain, samples: sampleKeys(plain) };
}

export interface DuplicateMatch<Key> extends Similarity {
  key: Key;
}

export interface NearDuplicateIndexOptions<Key> {
  /** The comparable form of a document (`comparableText` of its text), when the caller keeps it: then `textOf` is not asked. */
  comparableOf?: (key: Key) => string;
}

/**
 * Documents added so far, searchable for near duplicates of a new text. The
 * index keeps only hashes; the text of a candidate is asked of `textOf`
 * (in memory for new items, read from disk for archived ones). Texts may be
 * given as strings or as their `textSignature`.
 */
export class NearDuplicateIndex<Key> {
  private readonly keys: Key[] = [];
  private readonly sampleCounts: number[] = [];
  /** Per document: how many of its samples are stock phrases (lists over `MAX_POSTINGS`). */
  private readonly stockCounts: number[] = [];
  /** Document numbers by sampled trigram; `null` once the trigram is a stock phrase. */
  private readonly postings = new Map<number, number[] | null>();
  private readonly cache = new Map<number, Uint32Array>();
  private readonly textOf: (key: Key) => string;
  private readonly comparableOf?: (key: Key) => string;
  // Shared-sample counters of one lookup, indexed by document; only touched entries are reset.
  private counts = new Int32Array(1024);
  // `find(text)` then `add(key, text)` is the usual pair: the signature is computed once.
  private lastSignature?: { text: string; signature: TextSignature };

  constructor(textOf: (key: Key) => string, options: NearDuplicateIndexOptions<Key> = {}) {
    this.textOf = textOf;
    if (options.comparableOf) this.comparableOf = options.comparableOf;
  }

  get size(): number {
    return this.keys.length;
  }

  private signatureOf(text: string | TextSignature): TextSignature {
    if (typeof text !== 'string') return text;
    if (this.lastSignature?.text !== text) this.lastSignature = { text, signature: textSignature(text) };
    return this.lastSignature.signature;
  }

  add(key: Key, text: string | TextSignature): void {
    const doc = this.keys.length;
    const { samples } = this.signatureOf(text);
    this.keys.push(key);
    this.sampleCounts.push(samples.length);
    this.stockCounts.push(0);
    for (const sample of samples) {
      const list = this.postings.get(sample);
      if (list === null) this.stockCounts[doc]! += 1;
      else if (list === undefined) this.postings.set(sample, [doc]);
      else if (list.length < MAX_POSTINGS) list.push(doc);
      else {
        for (const other of list) this.stockCounts[other]! += 1;
        this.stockCounts[doc]! += 1;
        this.postings.set(sample, null);
      }
    }
  }

  /** The most similar earlier document that is a near duplicate of `text`, if any. */
  find(text: string | TextSignature): DuplicateMatch<Key> | undefined {
    if (this.keys.length === 0) return undefined;
    const { plain, samples } = this.signatureOf(text);
    if (this.counts.length < this.keys.length) this.counts = new Int32Array(Math.max(this.keys.length, this.counts.length * 2));
    const counts = this.counts;
    const touched: number[] = [];
    let own = 0;
    for (const sample of samples) {
      const list = this.postings.get(sample);
      if (list === null) continue;
      own += 1;
      if (list === undefined) continue;
      for (const doc of list) if ((counts[doc] = counts[doc]! + 1) === 1) touched.push(doc);
    }
    const candidates: Array<[number, number]> = [];
    for (const doc of touched) {
      const count = counts[doc]!;
      counts[doc] = 0;
      const theirs = this.sampleCounts[doc]! - this.stockCounts[doc]!;
      if (count >= Math.max(1, Math.ceil(MIN_SHARED_SAMPLES * Math.min(own, theirs)))) candidates.push([doc, count]);
    }
    if (candidates.length === 0) return undefined;
    candidates.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    const mine = shinglesOfComparable(plain);
    let best: DuplicateMatch<Key> | undefined;
    for (const [doc] of candidates.slice(0, MAX_CANDIDATES)) {
      const s = nearSimilarity(mine, this.shinglesOf(doc));
      if (s && (!best || s.jaccard > best.jaccard)) best = { key: this.keys[doc]!, ...s };
    }
    return best;
  }

  private shinglesOf(doc: number): Uint32Array {
    const cached = this.cache.get(doc);
    if (cached) {
      this.cache.delete(doc);
      this.cache.set(doc, cached);
      return cached;
    }
    const key = this.keys[doc]!;
    const computed = shinglesOfComparable(this.comparableOf ? this.comparableOf(key) : comparableText(this.textOf(key)));
    this.cache.set(doc, computed);
    if (this.cache.size > SHINGLE_CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    return computed;
  }
}
