import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';

export interface RunMeasure {
  code: number;
  /** Wall time in milliseconds. */
  wallMs: number;
  /** Highest sum of resident memory of the process and all its descendants, in bytes. */
  peakTreeRss: number;
  stdout: string;
  stderr: string;
}

/** `PPid` and `VmRSS` of one /proc/<pid>/status; RSS is 0 for kernel threads, which have none. */
function parseStatus(status: string): { ppid: number; rss: number } | undefined {
  const ppid = /^PPid:\s*(\d+)/m.exec(status);
  if (!ppid) return undefined;
  // VmRSS is in kB whatever the page size (4 KiB on x86-64, 16 or 64 KiB on some arm64 kernels).
  const rss = /^VmRSS:\s*(\d+)\s*kB/m.exec(status);
  return { ppid: Number(ppid[1]), rss: rss ? Number(rss[1]) * 1024 : 0 };
}

/** Resident memory of `root` and every descendant in bytes, read from /proc (Linux). */
export async function treeRss(root: number): Promise<number> {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    // A process may end between the listing and the read.
    const status = parseStatus(await readFile(`/proc/${name}/status`, 'utf8').catch(() => ''));
    if (!status) continue;
    const pid = Number(name);
    rss.set(pid, status.rss);
    children.set(status.ppid, [...(children.get(status.ppid) ?? []), pid]);
  }
  let total = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** Runs a command, sampling the memory of its whole process tree every `intervalMs`. */
export async function measureRun(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; intervalMs?: number; echo?: boolean } = {},
): Promise<RunMeasure> {
  const started = performance.now();
  const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env });
  let stdout = '';
  let stderr = '';
  // Decoded as a stream: a character's bytes may arrive in two chunks.
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    stdout += chunk;
    if (options.echo) process.stderr.write(chunk);
  });
  child.stderr.on('data', (chunk: string) => {
    stderr += chunk;
    if (options.echo) process.stderr.write(chunk);
  });
  let peak = 0;
  let sampling = Promise.resolve();
  const timer = setInterval(() => {
    sampling = sampling.then(async () => {
      if (child.pid) peak = Math.max(peak, await treeRss(child.pid));
    });
  }, options.intervalMs ?? 100);
  const code = await new Promise<number>((done, fail) => {
    child.on('error', fail);
    child.on('close', (exit) => done(exit ?? 1));
  });
  clearInterval(timer);
  await sampling;
  return { code, wallMs: performance.now() - started, peakTreeRss: peak, stdout, stderr };
}
