import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

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
 * Applies edits to their files all or nothing: every new version is written
 * to a temporary file beside its original first, and only when all are
 * written are they renamed over the originals (a rename is atomic on one
 * file system). A failure before the renames leaves every file untouched.
 */
export async function applyEdits(edits: readonly Edit[]): Promise<{ files: string[]; skipped: number }> {
  const byFile = new Map<string, Edit[]>();
  for (const edit of edits) byFile.set(edit.file, [...(byFile.get(edit.file) ?? []), edit]);
  const staged: Array<{ temp: string; target: string }> = [];
  let skipped = 0;
  try {
    for (const [file, fileEdits] of byFile) {
      const result = applyEditsToText(await readFile(file, 'utf8'), fileEdits);
      skipped += result.skipped;
      const temp = join(dirname(file), `.${basename(file)}.${randomBytes(4).toString('hex')}.tmp`);
      await writeFile(temp, result.text, { flag: 'wx' });
      staged.push({ temp, target: file });
    }
  } catch (error) {
    await Promise.all(staged.map(({ temp }) => rm(temp, { force: true })));
    throw error;
  }
  for (const { temp, target } of staged) await rename(temp, target);
  return { files: staged.map(({ target }) => target), skipped };
}
