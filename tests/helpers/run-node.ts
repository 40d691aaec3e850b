import { spawn } from 'node:child_process';

export interface NodeRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `node …args` with the project's Node and collects its output; never throws on a non-zero exit. */
export function runNode(args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<NodeRun> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, { cwd: options.cwd, env: options.env ?? process.env });
    let stdout = '';
    let stderr = '';
    // Decoded as a stream: a character's bytes may arrive in two chunks.
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (code) => done({ code: code ?? 1, stdout, stderr }));
  });
}
