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

const PAGE_SIZE = 4096;

/** Resident memory of `root` and every descendant, read from /proc (Linux). */
async function treeRss(root: number): Promise<number> {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = await readFile(`/proc/${name}/stat`, 'utf8').catch(() => '');
    // Fields after the command name, which may itself contain spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.length < 22) continue;
    const pid = Number(name);
    const ppid = Number(fields[1]);
    rss.set(pid, Number(fields[21]) * PAGE_SIZE);
    children.set(ppid, [...(children.get(ppid) ?? []), pid]);
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
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk;
    if (options.echo) process.stderr.write(chunk);
  });
  child.stderr.on('data', (chunk: Buffer) => {
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
