import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { formatProblem, problem } from '#lib/problems.ts';
import { MEDIA_CACHE_FOLDER } from '#lib/media/variant-plan.ts';
import { PROJECT_ROOT } from '../../../helpers/build-site.ts';

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  'runs-on': string;
  container?: string;
  needs?: string;
  steps: Step[];
  environment?: { name: string };
}
interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
}

async function workflow(name: string): Promise<Workflow> {
  return parse(await readFile(join(PROJECT_ROOT, '.github/workflows', name), 'utf8')) as Workflow;
}

/** Shell commands of the steps, one per line, without comments and control flow. */
function commands(steps: readonly Step[]): string[] {
  return steps.flatMap((step) =>
    (step.run ?? '')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#')),
  );
}

describe('ci.yml', () => {
  test('runs on pull requests and pushes', async () => {
    const ci = await workflow('ci.yml');
    expect(Object.keys(ci.on)).toEqual(['pull_request', 'push']);
  });

  test('installs Chromium and Hugo with apt, then npm ci, check, test and build, in that order', async () => {
    const job = (await workflow('ci.yml')).jobs.check!;
    expect(job.container).toMatch(/bookworm|debian/);
    expect(job.steps[0]?.uses).toMatch(/^actions\/checkout@/);
    const run = commands(job.steps);
    const order = [
      'apt-get install -y -qq chromium hugo >/dev/null',
      'npm ci --no-audit --no-fund',
      'npm run check',
      'npm test',
      'npm run build',
    ].map((command) => run.indexOf(command));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  test('does everything .ci/run does', async () => {
    const script = await readFile(join(PROJECT_ROOT, '.ci/run'), 'utf8');
    const ciCommands = script
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => /^(npm |apt-get |if ! command -v chromium)/.test(line));
    expect(ciCommands.length).toBeGreaterThanOrEqual(4);
    const run = commands((await workflow('ci.yml')).jobs.check!.steps);
    for (const command of ciCommands) expect(run).toContain(command);
  });
});

test('the problem matcher turns each line of npm run check into an annotation on the pull request', async () => {
  const matcher = JSON.parse(await readFile(join(PROJECT_ROOT, '.github/check-problem-matcher.json'), 'utf8')) as {
    problemMatcher: Array<{ owner: string; severity?: string; pattern: Array<{ regexp: string }> }>;
  };
  const error = formatProblem(
    problem(
      'content/articles/2022/01/11/a.mdx',
      { line: 11, column: 16 },
      'unsafe-element',
      'Тег <script> запускав би код',
      'Приберіть тег.',
    ),
  );
  const warning = formatProblem(
    problem('content/articles/2022/01/11/b.md', undefined, 'near-duplicate', 'Текст майже збігається (93 %) з c.md', undefined, {
      severity: 'warning',
    }),
  );
  const [errors, warnings] = matcher.problemMatcher.map((m) => new RegExp(m.pattern[0]!.regexp, 'm'));
  expect(errors!.exec(error)?.slice(1)).toEqual([
    'content/articles/2022/01/11/a.mdx',
    '11',
    '16',
    'Тег <script> запускав би код',
    'unsafe-element',
  ]);
  expect(errors!.test(warning)).toBe(false);
  expect(warnings!.exec(warning)?.slice(1)).toEqual([
    'content/articles/2022/01/11/b.md',
    '1',
    '1',
    'Текст майже збігається (93 %) з c.md',
    'near-duplicate',
  ]);
  expect(commands((await workflow('ci.yml')).jobs.check!.steps)).toContain('echo "::add-matcher::.github/check-problem-matcher.json"');
});

/**
 * The job keeps the resized photos between runs where the build keeps them
 * (`MEDIA_CACHE_FOLDER` of the default cache), restored after `npm ci` (which
 * empties node_modules) and before the build, under a key of the photos' bytes.
 */
function expectPhotosKept(steps: Step[], keyPrefix: string): void {
  const index = steps.findIndex((step) => step.uses?.startsWith('actions/cache@'));
  const cache = steps[index]!.with as Record<string, string>;
  expect(cache).toEqual({
    path: `node_modules/.astro/${MEDIA_CACHE_FOLDER}`,
    key: `${keyPrefix}\${{ hashFiles('content/media/**') }}`,
    'restore-keys': keyPrefix,
  });
  const commandAt = (prefix: string) => steps.findIndex((step) => step.run?.startsWith(prefix));
  expect(commandAt('npm ci')).toBeLessThan(index);
  expect(commandAt('npm run build')).toBeGreaterThan(index);
}

describe('deploy.yml', () => {
  test('publishes main with the standard Pages actions and permissions', async () => {
    const deploy = await workflow('deploy.yml');
    expect(deploy.on).toHaveProperty('push', { branches: ['main'] });
    expect(deploy.permissions).toMatchObject({ pages: 'write', 'id-token': 'write', contents: 'read' });
    const build = deploy.jobs.build!;
    const uses = build.steps.map((step) => step.uses?.replace(/@.*/, '')).filter(Boolean);
    expect(uses).toEqual([
      'actions/checkout',
      'actions/setup-node',
      'actions/cache',
      'actions/configure-pages',
      'actions/upload-pages-artifact',
    ]);
    expectPhotosKept(build.steps, 'photos-');
    expect(build.steps.find((step) => step.uses?.startsWith('actions/upload-pages-artifact'))?.with).toEqual({ path: 'dist' });
    expect(commands(build.steps)).toEqual(
      expect.arrayContaining([
        'npm ci --no-audit --no-fund',
        'npm run check',
        'npm run build -- --site "${{ steps.address.outputs.site }}" --base "${{ steps.address.outputs.base }}"',
      ]),
    );
    const job = deploy.jobs.deploy!;
    expect(job.needs).toBe('build');
    expect(job.environment?.name).toBe('github-pages');
    expect(job.steps[0]?.uses).toMatch(/^actions\/deploy-pages@/);
  });

  test.each([
    ['Arkhiv-Org', 'arkhiv', 'https://arkhiv-org.github.io', '/arkhiv/'],
    ['someone', 'news-archive', 'https://someone.github.io', '/news-archive/'],
    ['Someone', 'someone.github.io', 'https://someone.github.io', '/'],
  ])('builds %s/%s for %s with base %s', async (owner, repository, site, base) => {
    const step = (await workflow('deploy.yml')).jobs.build!.steps.find((s) => s.id === 'address')!;
    const dir = await mkdtemp(join(tmpdir(), 'arkhiv-pages-'));
    const output = join(dir, 'output');
    try {
      const result = spawnSync('bash', ['-e', '-c', step.run!], {
        env: { ...process.env, OWNER: owner, REPOSITORY: repository, GITHUB_OUTPUT: output },
        encoding: 'utf8',
      });
      expect(result.status, result.stderr).toBe(0);
      expect(await readFile(output, 'utf8')).toBe(`site=${site}\nbase=${base}\n`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('deploy-sharded.yml', () => {
  test('builds every shard of one build as a matrix job and assembles them, with one build id, before publishing', async () => {
    const flow = await workflow('deploy-sharded.yml');
    const matrix = (flow.jobs.shard as unknown as { strategy: { matrix: { shard: number[] } } }).strategy.matrix.shard;
    const count = matrix.length;
    expect(matrix).toEqual(Array.from({ length: count }, (_, index) => index + 1));
    expect((flow as unknown as { env: Record<string, string> }).env.ARKHIV_BUILD_ID).toContain('github.run_id');
    const build = commands(flow.jobs.shard!.steps).find((command) => command.startsWith('npm run build'));
    expect(build).toContain(`--shard "\${{ matrix.shard }}/${count}"`);
    const assemble = commands(flow.jobs.assemble!.steps).find((command) => command.startsWith('npm run build'));
    expect(assemble).toContain(`--assemble ${Array.from({ length: count }, (_, index) => `shard-${index + 1}`).join(' ')} --outDir dist`);
    expect(flow.jobs.assemble!.needs).toEqual(['check', 'shard']);
    expect(flow.jobs.assemble!.steps.at(-1)?.uses).toMatch(/^actions\/deploy-pages@/);
    expectPhotosKept(flow.jobs.shard!.steps, `photos-shard-\${{ matrix.shard }}-of-${count}-`);
  });
});

describe('issue and pull request templates', () => {
  test('every issue form parses, asks something and has unique field ids', async () => {
    const dir = join(PROJECT_ROOT, '.github/ISSUE_TEMPLATE');
    const forms = (await readdir(dir)).filter((name) => name !== 'config.yml').sort();
    expect(forms).toEqual(['bug.yml', 'correction.yml', 'new-article.yml']);
    for (const name of forms) {
      const form = parse(await readFile(join(dir, name), 'utf8')) as {
        name: string;
        description: string;
        body: Array<{ type: string; id?: string; validations?: { required?: boolean } }>;
      };
      expect(form.name, name).toBeTruthy();
      expect(form.description, name).toBeTruthy();
      const ids = form.body.filter((field) => field.type !== 'markdown').map((field) => field.id);
      expect(new Set(ids).size, name).toBe(ids.length);
      expect(
        form.body.some((field) => field.validations?.required),
        name,
      ).toBe(true);
    }
    expect(parse(await readFile(join(dir, 'config.yml'), 'utf8'))).toEqual({ blank_issues_enabled: false });
  });

  test('the pull request template asks for the source and a passing check', async () => {
    const template = await readFile(join(PROJECT_ROOT, '.github/pull_request_template.md'), 'utf8');
    expect(template).toContain('## Джерело');
    expect(template).toContain('`npm run check`');
  });
});
