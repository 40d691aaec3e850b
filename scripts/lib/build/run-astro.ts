import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { PAGE_LINES_HIDDEN, PAGE_LINES_VARIABLE } from '#lib/build/page-lines.ts';

export interface AstroRun {
  /** Project root (where astro.config.mjs is). */
  root: string;
  /** The project whose Astro runs, and where it runs (paths in messages are relative to it); the root unless given. */
  project?: string;
  args: readonly string[];
  env: NodeJS.ProcessEnv;
  /** Put in front of every line the build prints, e.g. `[2/4] `. */
  prefix: string;
  /** Keep Astro's two lines per rendered page (`├─ /2022/01/11/slug/index.html` and its time): hundreds of thousands in a large archive. */
  verbose: boolean;
  /** Stops the build (another shard failed). */
  signal?: AbortSignal;
  /** Receives what the build sends over Node's IPC channel, which it has only when this is given. */
  onMessage?: (message: unknown) => void;
}

/**
 * Runs `astro build` as a child process on this project's Node.js, passing
 * its output through line by line (prefixed; without the per-page lines
 * unless `verbose`, which the build's log leaves out: `build-log.ts`), and
 * resolves with its exit code.
 */
export function runAstro(run: AstroRun): Promise<number> {
  const project = run.project ?? run.root;
  const child = spawn(process.execPath, [join(project, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', run.root, ...run.args], {
    cwd: project,
    env: run.verbose ? run.env : { ...run.env, [PAGE_LINES_VARIABLE]: PAGE_LINES_HIDDEN },
    stdio: run.onMessage ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
    ...(run.signal ? { signal: run.signal } : {}),
  });
  if (run.onMessage) child.on('message', run.onMessage);
  const pass = (stream: NodeJS.ReadableStream, out: NodeJS.WriteStream) => {
    createInterface({ input: stream }).on('line', (line) => {
      out.write(`${run.prefix}${line}\n`);
    });
  };
  // Piped above, so both streams exist.
  pass(child.stdout!, process.stdout);
  pass(child.stderr!, process.stderr);
  return new Promise((done, fail) => {
    child.on('error', (error) => (error.name === 'AbortError' ? done(1) : fail(error)));
    child.on('close', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}
