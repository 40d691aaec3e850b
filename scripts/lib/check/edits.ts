import { readFile } from 'node:fs/promises';
import { writeFilesAtomic, type AtomicFile } from '#lib/files/atomic-write.ts';

/** Replace `text.slice(start, end)` of one file by `replacement` (an insertion when `start === end`). */
export interface Edit {
  file: string;
  start: number;
  end: number;
  replacement: string;
}

/** The text with every edit applied; overlapping edits after the first are dropped and counted. */
export function applyEditsToText(text: string, edits: readonly Edit[]): { text: string; skipped: number } {
  const ordered = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  let limit = Number.POSITIVE_INFINITY;
  let skipped = 0;
  for (const edit of ordered) {
    if (edit.end > limit) {
      skipped += 1;
      continue;
    }
    result = result.slice(0, edit.start) + edit.replacement + result.slice(edit.end);
    limit = edit.start;
  }
  return { text: result, skipped };
}

/**
 * Applies edits to their files all or nothing (`writeFilesAtomic`): a
 * failure before the new versions are put in place leaves every file untouched.
 */
export async function applyEdits(edits: readonly Edit[]): Promise<{ files: string[]; skipped: number }> {
  const byFile = new Map<string, Edit[]>();
  for (const edit of edits) byFile.set(edit.file, [...(byFile.get(edit.file) ?? []), edit]);
  const updated: AtomicFile[] = [];
  let skipped = 0;
  for (const [file, fileEdits] of byFile) {
    const result = applyEditsToText(await readFile(file, 'utf8'), fileEdits);
    skipped += result.skipped;
    updated.push({ path: file, content: result.text });
  }
  writeFilesAtomic(updated);
  return { files: updated.map(({ path }) => path), skipped };
}
