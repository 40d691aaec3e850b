import { join } from 'node:path';
import { writeFileAtomic } from '#lib/files/atomic-write.ts';
import type { ReportItem } from './report.ts';

/**
 * The files an ingest writes, planned before any is written. The ingest
 * never replaces a file it did not read: a new article is created only
 * where no file is (`EEXIST` otherwise), and an updated one is replaced
 * only while it still holds the bytes the plan was built on. A file that
 * appeared or changed during the run is left as it is, and the items of
 * that write become errors that say what to do.
 */

export interface PlannedWrite {
  /** Relative to the content folder. */
  path: string;
  content: Uint8Array;
  /** For an archived article being updated: the bytes it had when read. Absent for a new file. */
  unchangedFrom?: Uint8Array;
  /** The report entries that stand or fall with this write (the item that created it, the items that updated it). */
  items: ReportItem[];
}

function appearedReason(path: string): string {
  return `файл ${path} зʼявився під час імпорту (його записав не цей імпорт): новину не записано, щоб не затерти його. Перегляньте цей файл і запустіть імпорт ще раз: новина стане повтором або отримає іншу адресу.`;
}

function changedReason(path: string): string {
  return `статтю ${path} змінено або видалено під час імпорту: оновлення не записано, щоб не затерти цих змін. Перегляньте статтю й запустіть імпорт із --update ще раз.`;
}

/**
 * Writes every planned file (atomically, one by one); a write that would
 * replace what the run did not read turns its items into errors. Returns the
 * writes that were made.
 */
export function writePlanned(contentDir: string, writes: readonly PlannedWrite[]): PlannedWrite[] {
  const written: PlannedWrite[] = [];
  for (const write of writes) {
    const target = join(contentDir, write.path);
    try {
      if (write.unchangedFrom) writeFileAtomic(target, write.content, { unchangedFrom: write.unchangedFrom });
      else writeFileAtomic(target, write.content, { overwrite: false });
      written.push(write);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST' && code !== 'ECHANGED') throw error;
      const reason = code === 'EEXIST' ? appearedReason(write.path) : changedReason(write.path);
      for (const item of write.items) {
        item.outcome = 'error';
        item.reason = reason;
        delete item.attention;
      }
    }
  }
  return written;
}
