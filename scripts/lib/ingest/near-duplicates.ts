
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
export const SHINGLE_CACHE_SIZE = 512;
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

/**
 * Text reduced to lower-case words separated by single spaces, apostrophes
 * dropped: quotes, dashes and apostrophe forms never make two texts differ.
 * (Cheaper than the full normaliser, which archived text has been through.)
 */
export function comparableText(text: string): string {
  const lower = text
    .normalize('NFC')
    .toLowerCase()
    .replace(/['\u2019\u02BC\u0060\u00B4\u2018\u02B9\u2032]/g, '');
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

/** Hashes of the character 5-grams of a text (FNV-1a over each window). */
export function shingles(text: string): Set<number> {
  return shinglesOfComparable(comparableText(text));
}

function shinglesOfComparable(plain: string): Set<number> {
  const set = new Set<number>();
  for (let i = 0; i + 5 <= plain.length; i += 1) {
    let h = 0x811c9dc5;
    for (let k = i; k < i + 5; k += 1) h = Math.imul(h ^ plain.charCodeAt(k), 0x01000193);
    set.add(h >>> 0);
  }
  if (set.size === 0 && plain) set.add(hash(plain));
  return set;
}

export interface Similarity {
  jaccard: number;
  containment: number;
}

export function similarity(a: Set<number>, b: Set<number>): Similarity {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const value of small) if (large.has(value)) shared += 1;
  const union = a.size + b.size - shared;
  return { jaccard: union === 0 ? 1 : shared / union, containment: small.size === 0 ? 0 : shared / small.size };
}

export function isNearDuplicate(s: Similarity, smallerSize: number): boolean {
  return s.jaccard >= JACCARD_MIN || (smallerSize >= MIN_SHINGLES_FOR_CONTAINMENT && s.containment >= CONTAINMENT_MIN);
}

/** FNV-1a of `plain.slice(start, end)`, without making the substring. */
function hashRange(plain: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i += 1) {
    h ^= plain.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Sampled word-trigram hashes of a comparable text (words separated by single spaces). */
function sampleKeys(plain: string): number[] {
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < plain.length; i += 1) {
    if (plain.charCodeAt(i) === 0x20) ends.push(i);
    else if (i === 0 || plain.charCodeAt(i - 1) === 0x20) starts.push(i);
  }
  if (plain.length > 0) ends.push(plain.length);
  const hashes = new Set<number>();
  // Fewer than three words: the whole text is the one key.
  if (starts.length < 3) hashes.add(hash(plain));
  for (let i = 0; i + 3 <= starts.length; i += 1) hashes.add(hashRange(plain, starts[i]!, ends[i + 2]!));
  const keys = new Set<number>();
  // The `ANCHORS` smallest hashes, found in one pass (ascending).
  const anchors: number[] = [];
  for (const h of hashes) {
    if (h % SAMPLE_RATE === 0) keys.add(h);
    if (anchors.length < ANCHORS || h < anchors[anchors.length - 1]!) {
      let at = anchors.length;
      while (at > 0 && anchors[at - 1]! > h) at -= 1;
      anchors.splice(at, 0, h);
      if (anchors.length > ANCHORS) anchors.pop();
    }
  }
  for (const anchor of anchors) keys.add(anchor);
  return [...keys];
}

export interface DuplicateMatch<Key> extends Similarity {
  key: Key;
}

/**
 * Documents added so far, searchable for near duplicates of a new text. The
 * index keeps only hashes; the text of a candidate is asked of `textOf`
 * (in memory for new items, read from disk for archived ones).
 */
export class NearDuplicateIndex<Key> {
  private readonly keys: Key[] = [];
  private readonly sampleCounts: number[] = [];
  /** Per document: how many of its samples are stock phrases (lists over `MAX_POSTINGS`). */
  private readonly stockCounts: number[] = [];
  /** Document numbers by sampled trigram; `null` once the trigram is a stock phrase. */
  private readonly postings = new Map<number, number[] | null>();
  private readonly cache = new Map<number, Set<number>>();
  private readonly textOf: (key: Key) => string;
  // Shared-sample counters of one lookup, indexed by document; only touched entries are reset.
  private counts = new Int32Array(1024);
  // `find(text)` then `add(key, text)` is the usual pair: the samples are computed once.
  private lastSamples?: { text: string; plain: string; samples: number[] };

  constructor(textOf: (key: Key) => string) {
    this.textOf = textOf;
  }

  get size(): number {
    return this.keys.length;
  }

  private samplesOf(text: string): { plain: string; samples: number[] } {
    if (this.lastSamples?.text !== text) {
      const plain = comparableText(text);
      this.lastSamples = { text, plain, samples: sampleKeys(plain) };
    }
    return this.lastSamples;
  }

  add(key: Key, text: string): void {
    const doc = this.keys.length;
    const { samples } = this.samplesOf(text);
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
  find(text: string): DuplicateMatch<Key> | undefined {
    const { plain, samples } = this.samplesOf(text);
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
      const theirs = this.shinglesOf(doc);
      const s = similarity(mine, theirs);
      if (isNearDuplicate(s, Math.min(mine.size, theirs.size)) && (!best || s.jaccard > best.jaccard)) best = { key: this.keys[doc]!, ...s };
    }
    return best;
  }

  private shinglesOf(doc: number): Set<number> {
    const cached = this.cache.get(doc);
    if (cached) {
      this.cache.delete(doc);
      this.cache.set(doc, cached);
      return cached;
    }
    const computed = shingles(this.textOf(this.keys[doc]!));
    this.cache.set(doc, computed);
    if (this.cache.size > SHINGLE_CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    return computed;
  }
}
