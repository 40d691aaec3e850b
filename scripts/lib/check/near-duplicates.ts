import { foldText } from '../../../src/lib/typography.ts';

/**
 * Near-duplicate articles by character 5-grams of folded text: reposts score
 * 0.93–1.0, different items on one subject 0.03–0.45 (see DESIGN.md), so a
 * Jaccard similarity of 0.8, or 0.9 of the shorter text contained in the
 * longer, marks a duplicate. Candidates come from a bottom-k sketch of each
 * text, so the archive is not compared pair by pair.
 */

export const JACCARD_THRESHOLD = 0.8;
export const CONTAINMENT_THRESHOLD = 0.9;
const SHINGLE = 5;
const SKETCH = 48;
/** Shorter texts are too generic to call duplicates by containment. */
const MIN_SHINGLES_FOR_CONTAINMENT = 120;
/** A sketch value shared by this many texts is common wording, not evidence. */
const MAX_BUCKET = 64;

export interface NearDuplicate {
  a: number;
  b: number;
  /** Jaccard similarity or containment, whichever crossed its threshold. */
  similarity: number;
}

function shingles(text: string): Set<number> {
  const folded = foldText(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const set = new Set<number>();
  for (let i = 0; i + SHINGLE <= folded.length; i += 1) {
    let hash = 0x811c9dc5;
    for (let k = i; k < i + SHINGLE; k += 1) hash = Math.imul(hash ^ folded.charCodeAt(k), 0x01000193) >>> 0;
    set.add(hash);
  }
  return set;
}

function sketch(set: Set<number>): number[] {
  return [...set].sort((x, y) => x - y).slice(0, SKETCH);
}

/** Pairs of texts (by index) that are near duplicates, most similar first. */
export function findNearDuplicates(texts: readonly string[]): NearDuplicate[] {
  const sets = texts.map(shingles);
  const buckets = new Map<number, number[]>();
  sets.forEach((set, index) => {
    for (const value of sketch(set)) buckets.set(value, [...(buckets.get(value) ?? []), index]);
  });
  const candidates = new Set<string>();
  for (const members of buckets.values()) {
    if (members.length < 2 || members.length > MAX_BUCKET) continue;
    for (let i = 0; i < members.length; i += 1) for (let j = i + 1; j < members.length; j += 1) candidates.add(`${members[i]}:${members[j]}`);
  }
  const found: NearDuplicate[] = [];
  for (const pair of candidates) {
    const [a, b] = pair.split(':').map(Number) as [number, number];
    const [small, large] = sets[a]!.size <= sets[b]!.size ? [sets[a]!, sets[b]!] : [sets[b]!, sets[a]!];
    if (small.size === 0) continue;
    let shared = 0;
    for (const value of small) if (large.has(value)) shared += 1;
    const jaccard = shared / (small.size + large.size - shared);
    const containment = shared / small.size;
    if (jaccard >= JACCARD_THRESHOLD) found.push({ a, b, similarity: jaccard });
    else if (small.size >= MIN_SHINGLES_FOR_CONTAINMENT && containment >= CONTAINMENT_THRESHOLD) found.push({ a, b, similarity: containment });
  }
  return found.sort((x, y) => y.similarity - x.similarity || x.a - y.a || x.b - y.b);
}
