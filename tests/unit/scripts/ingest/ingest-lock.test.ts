import { spawnSync } from 'node:child_process';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, expect, test } from 'vitest';
import { acquireIngestLock, LOCK_NAME } from '../../../../scripts/lib/ingest/ingest-lock.ts';

const OUT = join(import.meta.dirname, '../../../.output/ingest-lock');
const LOCK = join(OUT, LOCK_NAME);

/** The pid of a process that has already exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid!;
}

beforeEach(async () => {
  await rm(OUT, { recursive: true, force: true });
  await mkdir(OUT, { recursive: true });
});

afterAll(async () => {
  await rm(OUT, { recursive: true, force: true });
});

test('the lock holds the pid, host and start time, and is gone once released', async () => {
  const lock = await acquireIngestLock(OUT, 0);
  expect(JSON.parse(await readFile(LOCK, 'utf8'))).toEqual({
    pid: process.pid,
    host: hostname(),
    started: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
  });
  lock.release();
  lock.release();
  expect(await readdir(OUT)).toEqual([]);
});

test('a second ingest is refused while the lock is held, with the holder and how to clear a stale lock', async () => {
  const lock = await acquireIngestLock(OUT, 0);
  const { started } = JSON.parse(await readFile(LOCK, 'utf8')) as { started: string };
  await expect(acquireIngestLock(OUT, 0)).rejects.toThrow(
    `${LOCK}: архів зараз змінює імпорт (процес ${process.pid} на ${hostname()}, запущено ${started}). Дочекайтеся, поки він завершиться, або дайте більше часу: --wait <секунд>. Якщо жоден імпорт не працює (процес ${process.pid} — вже не імпорт або інша машина), видаліть ${LOCK}.`,
  );
  lock.release();
});

test('a waiting ingest takes the lock as soon as it is released', async () => {
  const first = await acquireIngestLock(OUT, 0);
  setTimeout(() => first.release(), 150);
  const second = await acquireIngestLock(OUT, 5000);
  expect(JSON.parse(await readFile(LOCK, 'utf8')).pid).toBe(process.pid);
  second.release();
});

test('the lock of a process that is gone is taken over', async () => {
  await writeFile(LOCK, JSON.stringify({ pid: deadPid(), host: hostname(), started: '2026-01-01T00:00:00.000Z' }));
  const lock = await acquireIngestLock(OUT, 0);
  expect(JSON.parse(await readFile(LOCK, 'utf8')).pid).toBe(process.pid);
  lock.release();
  expect(await readdir(OUT)).toEqual([]);
});

test('a lock of another host, or one that is not a lock, is never taken over', async () => {
  await writeFile(LOCK, JSON.stringify({ pid: deadPid(), host: `${hostname()}-other`, started: '2026-01-01T00:00:00.000Z' }));
  await expect(acquireIngestLock(OUT, 0)).rejects.toThrow(/архів зараз змінює імпорт/);
  await writeFile(LOCK, 'hello');
  await expect(acquireIngestLock(OUT, 0)).rejects.toThrow(
    `${LOCK}: архів зараз змінює невідомий процес (файл не схожий на замок імпорту). Дочекайтеся, поки він завершиться, або дайте більше часу: --wait <секунд>. Якщо жоден імпорт не працює, видаліть ${LOCK}.`,
  );
  expect(await readFile(LOCK, 'utf8')).toBe('hello');
});
