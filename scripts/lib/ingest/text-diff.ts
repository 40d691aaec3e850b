import { comparableText } from './comparable-text.ts';

/**
 * A short account of how one version of an article differs from another,
 * for people reading the ingest's report: paragraphs added, removed and
 * changed, and within a changed paragraph the words. Paragraphs and words
 * are compared in their comparable form (comparable-text.ts), so quotes,
 * dashes, case and punctuation never count as changes.
 */

export interface ParagraphChange {
  kind: 'added' | 'removed' | 'changed';
  /** 1-based: in the new version for `added` and `changed`, in the old one for `removed`. */
  paragraph: number;
  /** The paragraph (the new one for `changed`). */
  text: string;
  /** For `changed`: the old paragraph. */
  before?: string;
}

/** Share of words two paragraphs must share (Jaccard of their word sets) to be one paragraph changed rather than one removed and one added. */
export const SAME_PARAGRAPH_MIN = 0.5;
/** Beyond this many cells, the middle of two sequences is taken as replaced whole instead of aligned. */
const MAX_ALIGNMENT_CELLS = 4_000_000;
/** Words shown on each side of a change within a paragraph. */
const CONTEXT_WORDS = 4;
/** Longest paragraph excerpt shown for an added or removed paragraph. */
const EXCERPT_CHARS = 160;

type Step = { kind: 'same'; a: number; b: number } | { kind: 'removed'; a: number } | { kind: 'added'; b: number };

/**
 * The steps that turn `a` into `b` (a longest common subsequence of their
 * keys), removals before additions within each run of differences.
 */
export function alignSequences(a: readonly string[], b: readonly string[]): Step[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }
  const steps: Step[] = [];
  for (let i = 0; i < start; i += 1) steps.push({ kind: 'same', a: i, b: i });
  const n = endA - start;
  const m = endB - start;
  if (n * m > MAX_ALIGNMENT_CELLS) {
    for (let i = start; i < endA; i += 1) steps.push({ kind: 'removed', a: i });
    for (let j = start; j < endB; j += 1) steps.push({ kind: 'added', b: j });
  } else {
    // lengths[i * (m + 1) + j]: the longest common subsequence of a[start + i…] and b[start + j…].
    const lengths = new Uint32Array((n + 1) * (m + 1));
    for (let i = n - 1; i >= 0; i -= 1) {
      for (let j = m - 1; j >= 0; j -= 1) {
        lengths[i * (m + 1) + j] =
          a[start + i] === b[start + j]
            ? lengths[(i + 1) * (m + 1) + j + 1]! + 1
            : Math.max(lengths[(i + 1) * (m + 1) + j]!, lengths[i * (m + 1) + j + 1]!);
      }
    }
    const added: Step[] = [];
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[start + i] === b[start + j]) {
        steps.push(...added.splice(0), { kind: 'same', a: start + i, b: start + j });
        i += 1;
        j += 1;
      } else if (j >= m || (i < n && lengths[(i + 1) * (m + 1) + j]! >= lengths[i * (m + 1) + j + 1]!)) {
        steps.push({ kind: 'removed', a: start + i });
        i += 1;
      } else {
        added.push({ kind: 'added', b: start + j });
        j += 1;
      }
    }
    steps.push(...added);
  }
  for (let i = endA; i < a.length; i += 1) steps.push({ kind: 'same', a: i, b: i - endA + endB });
  return steps;
}

function words(text: string): Set<string> {
  return new Set(comparableText(text).split(' ').filter(Boolean));
}

/** Jaccard similarity of the word sets of two texts. */
export function wordSimilarity(a: string, b: string): number {
  const [x, y] = [words(a), words(b)];
  let shared = 0;
  for (const word of x) if (y.has(word)) shared += 1;
  const union = x.size + y.size - shared;
  return union === 0 ? 1 : shared / union;
}

/**
 * How `after` differs from `before`, paragraph by paragraph, in the order
 * of the new version. Within a run of differences, a removed and an added
 * paragraph that share enough words (`SAME_PARAGRAPH_MIN`) are one paragraph
 * changed.
 */
export function diffParagraphs(before: readonly string[], after: readonly string[]): ParagraphChange[] {
  const steps = alignSequences(before.map(comparableText), after.map(comparableText));
  const changes: ParagraphChange[] = [];
  let removed: number[] = [];
  const flush = (added: number[]) => {
    for (const b of added) {
      const partner = removed.findIndex((a) => wordSimilarity(before[a]!, after[b]!) >= SAME_PARAGRAPH_MIN);
      if (partner < 0) {
        changes.push({ kind: 'added', paragraph: b + 1, text: after[b]! });
        continue;
      }
      // Paragraphs removed before the partner are removed; the alignment keeps order.
      for (const a of removed.slice(0, partner)) changes.push({ kind: 'removed', paragraph: a + 1, text: before[a]! });
      changes.push({ kind: 'changed', paragraph: b + 1, text: after[b]!, before: before[removed[partner]!]! });
      removed = removed.slice(partner + 1);
    }
    for (const a of removed) changes.push({ kind: 'removed', paragraph: a + 1, text: before[a]! });
    removed = [];
  };
  let added: number[] = [];
  for (const step of steps) {
    if (step.kind === 'removed') removed.push(step.a);
    else if (step.kind === 'added') added.push(step.b);
    else {
      flush(added);
      added = [];
    }
  }
  flush(added);
  return changes;
}

/** The words of `after` with what changed from `before` marked `[-old-]` `{+new+}`, far context cut to `…`. */
export function wordDiff(before: string, after: string): string {
  const a = before.split(/\s+/).filter(Boolean);
  const b = after.split(/\s+/).filter(Boolean);
  // Words of punctuation alone compare equal (all empty): a changed dash is not a change.
  const steps = alignSequences(a.map(comparableText), b.map(comparableText));
  // One part per step: the word, or a marked run of removed or added words.
  const parts: Array<{ text: string; changed: boolean }> = [];
  let run: { removed: string[]; added: string[] } = { removed: [], added: [] };
  const endRun = () => {
    const marked = [
      run.removed.length > 0 ? `[-${run.removed.join(' ')}-]` : '',
      run.added.length > 0 ? `{+${run.added.join(' ')}+}` : '',
    ].filter(Boolean);
    if (marked.length > 0) parts.push({ text: marked.join(' '), changed: true });
    run = { removed: [], added: [] };
  };
  for (const step of steps) {
    if (step.kind === 'removed') run.removed.push(a[step.a]!);
    else if (step.kind === 'added') run.added.push(b[step.b]!);
    else {
      endRun();
      parts.push({ text: b[step.b]!, changed: false });
    }
  }
  endRun();
  const near = parts.map((_, index) =>
    parts.slice(Math.max(0, index - CONTEXT_WORDS), index + CONTEXT_WORDS + 1).some((part) => part.changed),
  );
  const shown: string[] = [];
  parts.forEach((part, index) => {
    if (near[index]) shown.push(part.text);
    else if (shown.at(-1) !== '…') shown.push('…');
  });
  return shown.join(' ');
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= EXCERPT_CHARS) return flat;
  const cut = flat.slice(0, EXCERPT_CHARS);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), EXCERPT_CHARS / 2))}…`;
}

/** One line per change, at most `limit` lines (the last says how many more there are). */
export function describeChanges(changes: readonly ParagraphChange[], limit = 6): string[] {
  const lines = changes.map((change) => {
    if (change.kind === 'added') return `додано абзац ${change.paragraph}: ${excerpt(change.text)}`;
    if (change.kind === 'removed') return `вилучено абзац ${change.paragraph}: ${excerpt(change.text)}`;
    return `змінено абзац ${change.paragraph}: ${wordDiff(change.before!, change.text)}`;
  });
  if (lines.length <= limit) return lines;
  return [...lines.slice(0, limit - 1), `… і ще змін: ${lines.length - limit + 1}`];
}
