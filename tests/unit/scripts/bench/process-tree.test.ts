import { describe, expect, test } from 'vitest';
import { measureRun, treeRss } from '../../../../scripts/lib/bench/process-tree.ts';

const MiB = 1024 * 1024;

describe.skipIf(process.platform !== 'linux')('process-tree memory, from the real /proc', () => {
  test('the figure for this process agrees with its own resident memory', async () => {
    const before = process.memoryUsage().rss;
    const sampled = await treeRss(process.pid);
    const after = process.memoryUsage().rss;
    // Descendants (if any) only add; the heap moves a little between the readings.
    expect(sampled).toBeGreaterThan(Math.min(before, after) * 0.8);
    expect(sampled).toBeLessThan(Math.max(before, after) * 1.5 + 64 * MiB);
  });

  test('a process that does not exist has none', async () => {
    expect(await treeRss(2 ** 22 + 1)).toBe(0);
  });

  test('the peak of a child that fills 128 MiB is counted in full', async () => {
    const fill = 'const b = Buffer.alloc(128 * 1024 * 1024, 1); setTimeout(() => b.length, 800);';
    const run = await measureRun(process.execPath, ['-e', fill], { intervalMs: 50 });
    expect(run.code).toBe(0);
    expect(run.peakTreeRss).toBeGreaterThan(128 * MiB);
    expect(run.peakTreeRss).toBeLessThan(512 * MiB);
  });
});
