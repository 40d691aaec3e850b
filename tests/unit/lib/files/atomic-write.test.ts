import { spawnSync } from 'node:child_process';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { listArchive } from '#lib/archive/archive-files.ts';
import { isTempFileName, tempFileOwnerAlive, writeFileAtomic, writeFileAtomicAsync, writeFilesAtomic } from '#lib/files/atomic-write.ts';
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

  test('with overwrite: false, refuses an existing file with EEXIST and leaves it as it was', async () => {
    const path = join(OUT, 'exclusive/a.md');
    writeFileAtomic(path, 'перший\n', { overwrite: false });
    expect(() => writeFileAtomic(path, 'другий\n', { overwrite: false })).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    expect(await readFile(path, 'utf8')).toBe('перший\n');
    expect(await readdir(join(OUT, 'exclusive'))).toEqual(['a.md']);
  });

  test('with unchangedFrom, replaces the file only while it holds those bytes', async () => {
    const path = join(OUT, 'compare-and-swap/a.md');
    writeFileAtomic(path, 'прочитане\n');
    const read = await readFile(path);
    await writeFile(path, 'збережене людиною\n');
    expect(() => writeFileAtomic(path, 'оновлене\n', { unchangedFrom: read })).toThrow(expect.objectContaining({ code: 'ECHANGED', path }));
    expect(await readFile(path, 'utf8')).toBe('збережене людиною\n');
    writeFileAtomic(path, 'оновлене\n', { unchangedFrom: await readFile(path) });
    expect(await readFile(path, 'utf8')).toBe('оновлене\n');
    await rm(path);
    expect(() => writeFileAtomic(path, 'знову\n', { unchangedFrom: read })).toThrow(expect.objectContaining({ code: 'ECHANGED' }));
    expect(await readdir(join(OUT, 'compare-and-swap'))).toEqual([]);
  });

  test('writes bytes as they are', async () => {
    const path = join(OUT, 'bytes/a.bin');
    writeFileAtomic(path, new Uint8Array([0xef, 0xbb, 0xbf, 0x41]));
    expect([...(await readFile(path))]).toEqual([0xef, 0xbb, 0xbf, 0x41]);
  });
});

describe('writeFilesAtomic', () => {
  test('writes every file, or, when one cannot be written, none, leaving no temporary file', async () => {
    const folder = join(OUT, 'batch');
    writeFilesAtomic([
      { path: join(folder, 'a.md'), content: 'a1' },
      { path: join(folder, 'b.md'), content: 'b1' },
    ]);
    // A file where a folder should be: the second write fails after the first is staged.
    await writeFile(join(folder, 'not-a-folder'), '');
    expect(() =>
      writeFilesAtomic([
        { path: join(folder, 'a.md'), content: 'a2' },
        { path: join(folder, 'not-a-folder/c.md'), content: 'c2' },
      ]),
    ).toThrow();
    expect(await readFile(join(folder, 'a.md'), 'utf8')).toBe('a1');
    expect((await readdir(folder)).sort()).toEqual(['a.md', 'b.md', 'not-a-folder']);
  });
});

describe('writeFileAtomicAsync', () => {
  test('creates folders, writes the content and leaves no temporary file', async () => {
    const path = join(OUT, 'async/2022/01/11/a.json');
    await Promise.all([writeFileAtomicAsync(path, '1'), writeFileAtomicAsync(join(OUT, 'async/2022/01/11/b.json'), '2')]);
    await writeFileAtomicAsync(path, '3');
    expect(await readFile(path, 'utf8')).toBe('3');
    expect((await readdir(join(OUT, 'async/2022/01/11'))).sort()).toEqual(['a.json', 'b.json']);
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
