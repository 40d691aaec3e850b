import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Atomic file writes: the content goes to a temporary file in the same
 * folder, which is then renamed over the target, so a reader (or a build)
 * sees the old file or the new one, never half of one. Temporary files are
 * removed on exit and on SIGINT/SIGTERM; one left by a killed process
 * (SIGKILL, power loss) is named after its process and removed by the next
 * `listArchive` once that process is gone.
 */

const TEMP_NAME = /^\.(.+)\.(\d+)\.[0-9a-f]{8}\.tmp$/;
const pending = new Set<string>();
// Folders already made in this process: one `mkdir` per folder, not per file.
const madeFolders = new Set<string>();
let handlersInstalled = false;

export function isTempFileName(name: string): boolean {
  return TEMP_NAME.test(name);
}

/** Whether the process that created a temporary file still runs. */
export function tempFileOwnerAlive(path: string): boolean {
  const pid = Number(TEMP_NAME.exec(basename(path))?.[2]);
  if (!pid || pid === process.pid) return pid === process.pid;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function removePending(): void {
  for (const path of pending) rmSync(path, { force: true });
  pending.clear();
}

function installHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', removePending);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      removePending();
      process.kill(process.pid, signal);
    });
  }
}

/** Writes `content` to `path` atomically, creating folders as needed. */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  installHandlers();
  if (!madeFolders.has(dirname(path))) {
    mkdirSync(dirname(path), { recursive: true });
    madeFolders.add(dirname(path));
  }
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  pending.add(temp);
  let renamed = false;
  try {
    writeFileSync(temp, content, { flag: 'wx' });
    renameSync(temp, path);
    renamed = true;
  } finally {
    if (!renamed) rmSync(temp, { force: true });
    pending.delete(temp);
  }
}
