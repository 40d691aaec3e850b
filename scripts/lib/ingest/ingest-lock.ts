import { readFileSync, renameSync, rmSync, linkSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { processAlive, removeOnExit, writeFileAtomic } from '#lib/files/atomic-write.ts';

/**
 * One writing ingest at a time per archive. The lock is the file
 * `<content>/.ingest.lock` (outside `articles/`, so neither the check nor the
 * build lists it), created exclusively with the holder's process id, host
 * and start time. A second ingest waits for it, then gives up with a message
 * that names the lock and how to clear it. A lock whose process is gone
 * (killed with SIGKILL, a power cut) is taken over; one of another host is
 * never judged, since its process cannot be seen from here. The lock is
 * removed when the run ends, also on Ctrl-C (SIGINT), SIGTERM and SIGHUP.
 */

export const LOCK_NAME = '.ingest.lock';

/** How long an ingest waits for another one's lock unless told otherwise (`--wait`). */
export const DEFAULT_LOCK_WAIT_SECONDS = 30;

/** Pause between looks at a held lock: short at first, at most this long. */
const LONGEST_PAUSE_MS = 500;

interface LockHolder {
  pid: number;
  host: string;
  /** ISO date-time the holder took the lock. */
  started: string;
}

/** The lock is held by a live ingest (or cannot be judged) and did not come free in time. */
export class IngestLockBusyError extends Error {
  override name = 'IngestLockBusyError';
}

export interface IngestLock {
  path: string;
  /** Removes the lock if it is still this run's. Safe to call more than once. */
  release(): void;
}

function holderOf(text: string): LockHolder | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    if (Number.isSafeInteger(value.pid) && typeof value.host === 'string' && typeof value.started === 'string') return value as LockHolder;
  } catch {
    // Not a lock this program wrote: judged below as held by someone unknown.
  }
  return undefined;
}

/** The lock's text, or `undefined` when there is none. */
function readLock(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function isStale(holder: LockHolder | undefined): boolean {
  return holder !== undefined && holder.host === hostname() && !processAlive(holder.pid);
}

/**
 * Removes a stale lock, unless another ingest took it over since it was
 * read: the lock is moved aside first, and put back when what was moved is
 * not the stale text.
 */
function takeOver(path: string, staleText: string): void {
  const aside = `${path}.${process.pid}.stale`;
  try {
    renameSync(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  try {
    if (readFileSync(aside, 'utf8') !== staleText) linkSync(aside, path);
  } catch (error) {
    // EEXIST: a third ingest took the place meanwhile; its lock stands.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    rmSync(aside, { force: true });
  }
}

function busyMessage(path: string, holder: LockHolder | undefined, waitMs: number): string {
  const waited = waitMs > 0 ? `; чекали ${Math.round(waitMs / 1000)} с` : '';
  const who = holder
    ? `імпорт (процес ${holder.pid} на ${holder.host}, запущено ${holder.started})`
    : 'невідомий процес (файл не схожий на замок імпорту)';
  const clear = holder
    ? `Якщо жоден імпорт не працює (процес ${holder.pid} — вже не імпорт або інша машина), видаліть ${path}.`
    : `Якщо жоден імпорт не працює, видаліть ${path}.`;
  return `${path}: архів зараз змінює ${who}${waited}. Дочекайтеся, поки він завершиться, або дайте більше часу: --wait <секунд>. ${clear}`;
}

/**
 * Takes the archive's lock, waiting up to `waitMs` for another ingest to
 * release it; throws `IngestLockBusyError` when it does not.
 */
export async function acquireIngestLock(contentDir: string, waitMs: number): Promise<IngestLock> {
  const path = join(contentDir, LOCK_NAME);
  const mine = `${JSON.stringify({ pid: process.pid, host: hostname(), started: new Date().toISOString() } satisfies LockHolder)}\n`;
  const deadline = Date.now() + waitMs;
  for (let pause = 25; ; pause = Math.min(pause * 2, LONGEST_PAUSE_MS)) {
    try {
      // Linked into place complete: another ingest never reads half a lock.
      writeFileAtomic(path, mine, { overwrite: false });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const text = readLock(path);
    if (text === undefined) continue;
    const holder = holderOf(text);
    if (isStale(holder)) {
      takeOver(path, text);
      continue;
    }
    const left = deadline - Date.now();
    if (left <= 0) throw new IngestLockBusyError(busyMessage(path, holder, waitMs));
    await sleep(Math.min(pause, left));
  }
  const forget = removeOnExit(path);
  return {
    path,
    release() {
      if (readLock(path) === mine) rmSync(path, { force: true });
      forget();
    },
  };
}
