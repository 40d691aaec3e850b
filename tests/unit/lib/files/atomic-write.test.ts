import { spawnSync } from 'node:child_process';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { listArchive } from '#lib/archive/archive-files.ts';
import { isTempFileName, tempFileOwnerAlive, writeFileAtomic } from '#lib/files/atomic-write.ts';
import { createProgress } from '../../../../scripts/lib/ingest/progress.ts';

const OUT = join(import.meta.dirname, '../../../.output/ingest-atomic-write');

afterAll(async () => {
  await rm(OUT, { recursive: true, force: true });
});

/** The pid of a process that has already exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid!;
}

describe('writeFileAtomic', () => {
  test('creates folders, writes the content and leaves no temporary file', async () => {
    const path = join(OUT, 'write/articles/2022/01/11/a.md');
    writeFileAtomic(path, 'перший\n');
    writeFileAtomic(path, 'другий\n');
    expect(await readFile(path, 'utf8')).toBe('другий\n');
    expect(await readdir(join(OUT, 'write/articles/2022/01/11'))).toEqual(['a.md']);
  });
});

describe('temporary files left by a killed ingest', () => {
  test('are recognised by name and owner', () => {
    expect(isTempFileName(`.a.md.${process.pid}.0123abcd.tmp`)).toBe(true);
    expect(isTempFileName('a.md')).toBe(false);
    expect(tempFileOwnerAlive(`/x/.a.md.${process.pid}.0123abcd.tmp`)).toBe(true);
    expect(tempFileOwnerAlive(`/x/.a.md.${deadPid()}.0123abcd.tmp`)).toBe(false);
  });

  test('are removed by the next listing of the archive once their process is gone', async () => {
    const folder = join(OUT, 'stale/articles/2022/01/11');
    await mkdir(folder, { recursive: true });
    const stale = `.a.md.${deadPid()}.0123abcd.tmp`;
    const live = `.b.md.${process.pid}.0123abcd.tmp`;
    await writeFile(join(folder, stale), 'напів');
    await writeFile(join(folder, live), 'пишеться');
    await writeFile(join(folder, 'c.md'), '---\n---\n');
    const listing = await listArchive(join(OUT, 'stale'));
    expect(listing).toEqual({ articles: ['articles/2022/01/11/c.md'], others: [] });
    expect((await readdir(folder)).sort()).toEqual([live, 'c.md'].sort());
  });
});

describe('progress bar', () => {
  function fakeStream(isTTY: boolean) {
    const written: string[] = [];
    return { stream: { isTTY, write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream, written };
  }

  test('draws on a terminal and clears its line when done', () => {
    const { stream, written } = fakeStream(true);
    const progress = createProgress(stream);
    progress.update(50, 50, 'вхідні файли');
    progress.done();
    expect(written).toEqual([`\rвхідні файли: [${'#'.repeat(30)}] 50/50\u001b[K`, '\r\u001b[K']);
  });

  test('stays silent when stderr is not a terminal or the run is short', () => {
    const pipe = fakeStream(false);
    createProgress(pipe.stream).update(50, 50, 'x');
    const short = fakeStream(true);
    createProgress(short.stream).update(5, 5, 'x');
    expect([...pipe.written, ...short.written]).toEqual([]);
  });
});
