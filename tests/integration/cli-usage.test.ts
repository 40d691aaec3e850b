import { describe, expect, test } from 'vitest';
import { PROJECT_ROOT } from '../helpers/build-site.ts';
import { runNode } from '../helpers/run-node.ts';

/** Every CLI in scripts/, the command its help names, and every option its help must list. */
const CLIS = [
  {
    script: 'build',
    name: 'build',
    command: 'npm run build --',
    options: ['--shards', '--shard', '--assemble', '--outDir', '--site', '--base', '--verbose'],
  },
  { script: 'check', name: 'check', command: 'npm run check --', options: ['--fix', '--content', '--public', '--today', '--format'] },
  {
    script: 'ingest',
    name: 'ingest',
    command: 'npm run ingest --',
    options: ['--content', '--date', '--create-topics', '--one-per-file', '--dry-run', '--update', '--wait', '--report'],
  },
  {
    script: 'new',
    name: 'new',
    command: 'npm run new --',
    options: ['--title', '--date', '--topics', '--summary', '--mdx', '--slug', '--content'],
  },
  {
    script: 'bench',
    name: 'bench',
    command: 'npm run bench --',
    options: [
      '--articles',
      '--corpus',
      '--runs',
      '--seed',
      '--json',
      '--shards',
      '--no-search',
      '--no-incremental',
      '--compare',
      '--keep',
      '--verbose',
    ],
  },
  { script: 'bench-search', name: 'bench-search', command: 'node_modules/.bin/node scripts/bench-search.ts', options: ['--runs'] },
  {
    script: 'eval-search',
    name: 'eval:search',
    command: 'npm run eval:search --',
    options: ['--site', '--content', '--corpus', '--seed', '--queries', '--verbose'],
  },
  { script: 'index-search', name: 'index-search', command: 'node_modules/.bin/node scripts/index-search.ts', options: [] },
] as const;

const run = (script: string, ...args: string[]) => runNode([`scripts/${script}.ts`, ...args], { cwd: PROJECT_ROOT });

describe.each(CLIS)('$script', ({ script, name, command, options }) => {
  test('--help and -h print the usage, every option, and the exit codes, and exit 0', async () => {
    for (const flag of ['--help', '-h']) {
      const help = await run(script, flag);
      expect(help.code, flag).toBe(0);
      expect(help.stderr).toBe('');
      expect(help.stdout).toMatch(new RegExp(`^Використання: ${command.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `));
      for (const option of [...options, '-h, --help']) expect(help.stdout).toMatch(new RegExp(`^  ${option}\\b.*\\S`, 'm'));
      expect(help.stdout).toMatch(/\nКоди виходу:\n {2}0 {2}\S.*\n(?: {2}1 {2}\S.*\n)? {2}2 {2}неправильні параметри/);
    }
  });

  test('an unknown option is one line on stderr and exit code 2', async () => {
    const result = await run(script, '--nonsense');
    expect(result).toMatchObject({ code: 2, stdout: '', stderr: `${name}: невідомий параметр --nonsense; див. ${command} --help\n` });
  });
});
