import { comparableText } from './comparable-text.ts';
import { distinctShingles, HashSet32, sampledTrigrams } from './text-hashes.ts';

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
/** A power of two: one sampled trigram in this many. */
export const SAMPLE_RATE = 8;
export const ANCHORS = 2;
/** Trigrams found in more documents than this are stock phrases and find no candidates. */
export const MAX_POSTINGS = 200;
/** Candidates compared exactly per lookup, best first. */
export const MAX_CANDIDATES = 8;
/** Share of the smaller document's sampled trigrams a candidate must share (near duplicates share far more). */
export const MIN_SHARED_SAMPLES = 0.5;
/** Memory for the shingles of recent candidates, kept for the next lookups (some documents are candidates again and again). */
export const SHINGLE_CACHE_BYTES = 128 * 1024 * 1024;
/** Containment needs this many shingles in the smaller text, so a short phrase is never «contained» by chance. */
export const MIN_SHINGLES_FOR_CONTAINMENT = 40;

export { comparableText } from './comparable-text.ts';

/** Hashes of the character 5-grams of a text (FNV-1a over each window). */
export function shingles(text: string): Set<number> {
  return new Set(distinctShingles(comparableText(text), new HashSet32()));
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

/** Shingles checked between checks of whether a pair can still be near duplicates. */
const BOUND_CHECK_STEPS = 256;

/**
 * `similarity` of a text whose distinct shingles are in `mine` (a set of
 * `mineSize`) and a text whose distinct shingles are `theirs`, or
 * `undefined` as soon as they cannot be near duplicates: even if every
 * shingle still unchecked were shared, `isNearDuplicate` would say no (both
 * ratios only grow with the number shared).
 */
function nearSimilarity(mine: HashSet32, mineSize: number, theirs: Uint32Array): Similarity | undefined {
  const smaller = Math.min(mineSize, theirs.length);
  let shared = 0;
  for (let k = 0; k < theirs.length;) {
    for (const stop = Math.min(theirs.length, k + BOUND_CHECK_STEPS); k < stop; k += 1) if (mine.has(theirs[k]!)) shared += 1;
    const most = Math.min(mineSize, shared + theirs.length - k);
    if (!isNearDuplicate(ratios(most, mineSize, theirs.length), smaller)) return undefined;
  }
  const s = ratios(shared, mineSize, theirs.length);
  return isNearDuplicate(s, smaller) ? s : undefined;
}

export function isNearDuplicate(s: Similarity, smallerSize: number): boolean {
  return s.jaccard >= JACCARD_MIN || (smallerSize >= MIN_SHINGLES_FOR_CONTAINMENT && s.containment >= CONTAINMENT_MIN);
}

/** What the index needs of a text: its comparable form and its sampled trigrams. Computed once per text, on any thread. */
export interface TextSignature {
  /** `comparableText` of the text. */
  plain: string;
  samples: number[];
}

export function textSignature(text: string): TextSignature {
  const plain = comparableText(text);
  return { plain, samples: sampledTrigrams(plain, SAMPLE_RATE, ANCHORS) };
}

/** A copy of `values` with room for at least `size` (doubling, so that growing stays linear). */
function grown(values: Int32Array, size: number): Int32Array {
  const copy = new Int32Array(Math.max(size, values.length * 2));
  copy.set(values);
  return copy;
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
  /** Per document: how many of its samples are not stock phrases (lists over `MAX_POSTINGS`). */
  private ownSamples: Int32Array = new Int32Array(1024);
  /** Document numbers by sampled trigram; `null` once the trigram is a stock phrase. */
  private readonly postings = new Map<number, number[] | null>();
  /** Distinct shingles by document, and the documents in the order they were cached. */
  private readonly cache = new Map<number, Uint32Array>();
  private cacheOrder: number[] = [];
  private cacheStart = 0;
  private cacheBytes = 0;
  /** The shingles of the text being looked up, and of a candidate being read. */
  private readonly mine = new HashSet32();
  private readonly theirs = new HashSet32();
  private readonly textOf: (key: Key) => string;
  private readonly comparableOf?: (key: Key) => string;
  // Shared-sample counters of one lookup, indexed by document; only the touched ones (listed) are reset.
  private counts: Int32Array = new Int32Array(1024);
  private touched: Int32Array = new Int32Array(1024);
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

  /** Adds a document by its text, its signature, or only its samples (all the index keeps of it). */
  add(key: Key, text: string | Pick<TextSignature, 'samples'>): void {
    const doc = this.keys.length;
    const { samples } = typeof text === 'string' ? this.signatureOf(text) : text;
    this.keys.push(key);
    if (this.ownSamples.length <= doc) this.ownSamples = grown(this.ownSamples, doc + 1);
    const own = this.ownSamples;
    own[doc] = samples.length;
    for (const sample of samples) {
      const list = this.postings.get(sample);
      if (list === null) own[doc]! -= 1;
      else if (list === undefined) this.postings.set(sample, [doc]);
      else if (list.length < MAX_POSTINGS) list.push(doc);
      else {
        for (const other of list) own[other]! -= 1;
        own[doc]! -= 1;
        this.postings.set(sample, null);
      }
    }
  }

  /** The most similar earlier document that is a near duplicate of `text`, if any. */
  find(text: string | TextSignature): DuplicateMatch<Key> | undefined {
    if (this.keys.length === 0) return undefined;
    const { plain, samples } = this.signatureOf(text);
    if (this.counts.length < this.keys.length) {
      this.counts = grown(this.counts, this.keys.length);
      this.touched = grown(this.touched, this.keys.length);
    }
    const { counts, touched, ownSamples } = this;
    let touchedCount = 0;
    let own = 0;
    for (const sample of samples) {
      const list = this.postings.get(sample);
      if (list === null) continue;
      own += 1;
      if (list === undefined) continue;
      for (const doc of list) if ((counts[doc] = counts[doc]! + 1) === 1) touched[touchedCount++] = doc;
    }
    const candidates: Array<[number, number]> = [];
    for (let t = 0; t < touchedCount; t += 1) {
      const doc = touched[t]!;
      const count = counts[doc]!;
      counts[doc] = 0;
      if (count >= Math.max(1, Math.ceil(MIN_SHARED_SAMPLES * Math.min(own, ownSamples[doc]!)))) candidates.push([doc, count]);
    }
    if (candidates.length === 0) return undefined;
    candidates.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    const mineSize = distinctShingles(plain, this.mine).length;
    let best: DuplicateMatch<Key> | undefined;
    for (const [doc] of candidates.slice(0, MAX_CANDIDATES)) {
      const s = nearSimilarity(this.mine, mineSize, this.shinglesOf(doc));
      if (s && (!best || s.jaccard > best.jaccard)) best = { key: this.keys[doc]!, ...s };
    }
    return best;
  }

  /** The distinct shingles of a document: kept for later lookups, oldest dropped first beyond `SHINGLE_CACHE_BYTES`. */
  private shinglesOf(doc: number): Uint32Array {
    const cached = this.cache.get(doc);
    if (cached) return cached;
    const key = this.keys[doc]!;
    const computed = distinctShingles(this.comparableOf ? this.comparableOf(key) : comparableText(this.textOf(key)), this.theirs);
    this.cache.set(doc, computed);
    this.cacheOrder.push(doc);
    this.cacheBytes += computed.byteLength;
    while (this.cacheBytes > SHINGLE_CACHE_BYTES) {
      const oldest = this.cacheOrder[this.cacheStart]!;
      this.cacheStart += 1;
      this.cacheBytes -= this.cache.get(oldest)!.byteLength;
      this.cache.delete(oldest);
    }
    // The queue's consumed front is dropped now and then, not on every eviction.
    if (this.cacheStart > 4096 && this.cacheStart * 2 > this.cacheOrder.length) {
      this.cacheOrder = this.cacheOrder.slice(this.cacheStart);
      this.cacheStart = 0;
    }
    return computed;
  }
}
