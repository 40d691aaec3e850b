import { createHash } from 'node:crypto';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { PROJECT_ROOT } from '../helpers/build-site.ts';
import { FUZZ_SEED, invalidUtf8, randomBytes, randomText, seeded } from '../fixtures/hostile/fuzz-inputs.ts';
import { endedCleanly, filesUnder, runCli } from '../fixtures/hostile/run-cli.ts';

/**
 * `npm run check` over an archive of broken and hostile files: it ends by
 * itself, reports every problem in its one format, changes nothing without
 * `--fix`, and `--fix` leaves no temporary file and has nothing left to do
 * the second time.
 */

const ROOT = join(PROJECT_ROOT, 'tests/.output/fuzz-check');
const SAFETY_TIMEOUT = 300_000;
const PROBLEM_LINE = /^\S[^\n]*:\d+:\d+ {2}.+ {2}\([a-z-]+\)$/;
const front = (n: number, extension = 'md') => ({
  path: `articles/2022/01/${String((n % 28) + 1).padStart(2, '0')}/fuzz-${n}.${extension}`,
  head: `---\ntitle: Випадкова стаття ${n}\ndate: 2022-01-${String((n % 28) + 1).padStart(2, '0')}\ntopics: []\nsummary: Лід статті номер ${n}.\nid: sha256:${n.toString(16).padStart(16, '0')}\n---\n`,
});

async function put(path: string, content: string | Buffer): Promise<void> {
  await mkdir(dirname(join(ROOT, path)), { recursive: true });
  await writeFile(join(ROOT, path), content);
}

async function digest(): Promise<Map<string, string>> {
  const files = await filesUnder(join(ROOT, 'articles'));
  return new Map(
    await Promise.all(
      files.map(
        async (file) =>
          [
            file,
            createHash('sha256')
              .update(await readFile(join(ROOT, 'articles', file)))
              .digest('hex'),
          ] as const,
      ),
    ),
  );
}

function check(...args: string[]) {
  return runCli('scripts/check.ts', ['--content', ROOT, '--today', '2026-11-25', ...args], SAFETY_TIMEOUT);
}

beforeAll(async () => {
  await rm(ROOT, { recursive: true, force: true });
  await cp(join(PROJECT_ROOT, 'tests/fixtures/check/clean'), ROOT, { recursive: true });
  const random = seeded(10);
  await put('articles/2022/02/01/bytes.md', randomBytes(random, 32 * 1024));
  await put('articles/2022/02/01/no-nul.mdx', randomBytes(random, 32 * 1024, false));
  await put('articles/2022/02/01/bad-utf8.md', Buffer.concat([Buffer.from(front(1).head), invalidUtf8(random)]));
  let n = 100;
  for (const extension of ['md', 'mdx']) {
    for (let i = 0; i < 30; i += 1) {
      const { path, head } = front((n += 1), extension);
      await put(path, `${head}${randomText(random, 3000)}\n`);
    }
  }
  const deep: Record<string, string> = {
    quotes: `${'>'.repeat(50_000)} текст`,
    lists: `${'- '.repeat(50_000)}текст`,
    // The parser is quadratic in bracket depth (200,000 take 27 s, reported); 50,000 keep the test short.
    brackets: `${'['.repeat(50_000)}текст${']'.repeat(50_000)}`,
    emphasis: `${'*'.repeat(100_000)}текст${'*'.repeat(100_000)}`,
  };
  for (const [name, body] of Object.entries(deep)) {
    const { path, head } = front((n += 1));
    await put(path.replace(/fuzz-\d+/, `deep-${name}`), `${head}${body}\n`);
  }
  const { path, head } = front(n + 1, 'mdx');
  await put(path.replace(/fuzz-\d+/, 'deep-jsx'), `${head}${'<b>'.repeat(10_000)}текст${'</b>'.repeat(10_000)}\n`);
  // A 10 MB single line is checked in fuzz-ingest.test.ts, on the article the ingest makes of it.
  // Mutations of a valid article: bytes flipped, syntax characters inserted.
  const base = await readFile(join(ROOT, 'articles/2022/01/11/tsiny-na-gaz.mdx'), 'utf8');
  const syntax = ['<', '{', '}', '"', '---', '\n', 'import x from "y";\n', '<script>', 'javascript:', '\u0000', "'", '[', '](', '*'];
  for (let i = 0; i < 150; i += 1) {
    let text = base.replace('id: sha256:fedcba9876543210', `id: sha256:${(0xabc000 + i).toString(16).padStart(16, '0')}`);
    for (let k = random.int(1, 6); k > 0; k -= 1) {
      const at = random.int(0, text.length);
      text =
        random.next() < 0.5
          ? text.slice(0, at) + random.pick(syntax) + text.slice(at)
          : text.slice(0, at) + text.slice(at + random.int(1, 8));
    }
    await put(`articles/2022/03/${String((i % 28) + 1).padStart(2, '0')}/mutant-${i}.${i % 2 ? 'md' : 'mdx'}`, text);
  }
}, SAFETY_TIMEOUT);

test(`check ends with a verdict, reports in one format and changes nothing (seed ${FUZZ_SEED})`, { timeout: SAFETY_TIMEOUT }, async () => {
  const before = await digest();
  const run = await check();
  expect(endedCleanly(run), run.stderr).toBe(true);
  expect(run.code).toBe(1);
  const lines = run.stdout.split('\n').filter((l) => l && !l.startsWith('    → ') && !l.startsWith('Перевірено'));
  expect(lines.filter((l) => !PROBLEM_LINE.test(l))).toEqual([]);
  for (const file of ['bytes.md', 'no-nul.mdx', 'bad-utf8.md'])
    expect(run.stdout).toMatch(new RegExp(`2022/02/01/${file.replace('.', '\\.')}:\\d+:\\d+  .*\\(encoding\\)`));
  expect(run.stdout).toMatch(/Перевірено \d+ статей: \d+ проблем/);
  expect(await digest()).toEqual(before);
});

test(
  '--fix changes only what it can fix, atomically, and has nothing left to do the second time',
  { timeout: SAFETY_TIMEOUT * 2 },
  async () => {
    const before = await digest();
    const first = await check('--fix');
    expect(endedCleanly(first), first.stderr).toBe(true);
    const after = await digest();
    expect([...after.keys()]).toEqual([...before.keys()]);
    expect([...after.keys()].filter((file) => file.endsWith('.tmp'))).toEqual([]);
    const changed = [...after].filter(([file, hash]) => before.get(file) !== hash).map(([file]) => file);
    if (changed.length > 0) expect(first.stdout).toContain('Виправлено');
    const second = await check('--fix');
    expect(endedCleanly(second), second.stderr).toBe(true);
    expect(second.stdout).not.toContain('Виправлено');
    expect(await digest()).toEqual(after);
    const third = await check();
    expect(third.stdout).not.toContain('виправить npm run check -- --fix');
  },
);
