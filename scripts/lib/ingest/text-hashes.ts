/**
 * The hashes near-duplicate detection is built on, over comparable text
 * (see comparable-text.ts): FNV-1a of character 5-grams (shingles) and of
 * word trigrams (samples), and a reusable set to take the distinct ones.
 */

const FNV_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a, 32 bits: a fast stable hash for shingles. */
export function hash(text: string): number {
  let h = FNV_BASIS;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

/**
 * A set of 32-bit hashes for one text at a time (open addressing). `reset`
 * empties it at once: a slot holds a value only if it was written in the
 * current generation.
 */
export class HashSet32 {
  private values = new Uint32Array(1 << 13);
  private generations = new Uint32Array(1 << 13);
  private generation = 0;
  private mask = 0;
  private shift = 0;
  size = 0;

  /** Empties the set and makes room for `expected` values. */
  reset(expected: number): void {
    let capacity = 1 << 4;
    while (capacity < expected * 2) capacity *= 2;
    if (capacity > this.values.length) {
      this.values = new Uint32Array(capacity);
      this.generations = new Uint32Array(capacity);
      this.generation = 0;
    }
    if (this.generation === 0xffffffff) {
      this.generations.fill(0);
      this.generation = 0;
    }
    this.generation += 1;
    this.mask = capacity - 1;
    this.shift = 32 - Math.log2(capacity);
    this.size = 0;
  }

  /** Adds a hash; whether it was new. */
  add(value: number): boolean {
    for (let slot = Math.imul(value, 0x9e3779b1) >>> this.shift; ; slot = (slot + 1) & this.mask) {
      if (this.generations[slot] !== this.generation) {
        this.generations[slot] = this.generation;
        this.values[slot] = value;
        this.size += 1;
        return true;
      }
      if (this.values[slot] === value) return false;
    }
  }

  has(value: number): boolean {
    for (let slot = Math.imul(value, 0x9e3779b1) >>> this.shift; ; slot = (slot + 1) & this.mask) {
      if (this.generations[slot] !== this.generation) return false;
      if (this.values[slot] === value) return true;
    }
  }
}

let windows = new Uint32Array(4096);

/**
 * The distinct 5-gram hashes of a comparable text, in order of first
 * occurrence, left in `set` too; a text shorter than five characters is
 * its own one shingle.
 */
export function distinctShingles(plain: string, set: HashSet32): Uint32Array {
  const count = Math.max(1, plain.length - 4);
  set.reset(count);
  if (plain.length < 5) {
    if (!plain) return new Uint32Array(0);
    set.add(hash(plain));
    return Uint32Array.of(hash(plain));
  }
  if (windows.length < count) windows = new Uint32Array(Math.max(count, windows.length * 2));
  let distinct = 0;
  for (let i = 0; i < count; i += 1) {
    let h = FNV_BASIS;
    for (let k = i; k < i + 5; k += 1) h = Math.imul(h ^ plain.charCodeAt(k), FNV_PRIME);
    if (set.add(h >>> 0)) windows[distinct++] = h >>> 0;
  }
  return windows.slice(0, distinct);
}

const trigramSet = new HashSet32();

/**
 * Sampled word-trigram hashes of a comparable text (words separated by
 * single spaces): the distinct ones in the fixed 1-in-`rate` sample (`rate`
 * a power of two) and the `anchors` smallest, each once, in no particular
 * order. A text of fewer than three words is hashed whole. The three
 * trigrams a character belongs to are hashed side by side in one pass.
 */
export function sampledTrigrams(plain: string, rate: number, anchors: number): number[] {
  trigramSet.reset((plain.length >> 1) + 1);
  const distinct: number[] = [];
  const take = (h: number) => {
    if (trigramSet.add(h)) distinct.push(h);
  };
  // Running hashes of the trigrams that start two words back, one word back and at the current word.
  let twoBack = FNV_BASIS;
  let oneBack = FNV_BASIS;
  let current = FNV_BASIS;
  let word = 0;
  for (let i = 0; i < plain.length; i += 1) {
    const unit = plain.charCodeAt(i);
    if (unit === 0x20) {
      if (word >= 2) take(twoBack >>> 0);
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
  if (plain.length > 0 && word >= 2) take(twoBack >>> 0);
  if (distinct.length === 0) take(hash(plain));
  // The `anchors` smallest, ascending, found in one pass.
  const smallest: number[] = [];
  for (const h of distinct) {
    if (smallest.length === anchors && h > smallest[anchors - 1]!) continue;
    let at = smallest.length;
    while (at > 0 && smallest[at - 1]! > h) at -= 1;
    smallest.splice(at, 0, h);
    if (smallest.length > anchors) smallest.pop();
  }
  return distinct.filter((h) => (h & (rate - 1)) === 0 || smallest.includes(h));
}
