/**
 * `npm run build`: builds the site and its search index into `dist/`, split
 * into shards that run as parallel processes (one per core by default), then
 * assembled into one site that is byte for byte what one process builds.
 * `--shard k/n` builds one shard alone (one job of a CI matrix) and
 * `--assemble <folder>…` joins the shards' folders (`docs/scaling.md`).
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readlink, rm, symlink } from 'node:fs/promises';
import { enableCompileCache, getCompileCacheDir } from 'node:module';
import { availableParallelism } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { InvalidArchiveError } from '#lib/archive/archive-problem.ts';
import { ARTICLE_STATES_VARIABLE, saveArticleFileStates } from '#lib/archive/article-file-states.ts';
import { validateForBuild } from '#lib/archive/validate-archive.ts';
import { assembleSite, SiteAssembly } from '#lib/build/assemble.ts';
import { statArchive } from '#lib/build/archive-snapshot.ts';
import { yearCounts } from '#lib/build/articles-per-year.ts';
import {
  PAGES_WRITTEN_MESSAGE,
  parseShardOption,
  planShards,
  scopeOf,
  SHARD_VARIABLE,
  VALIDATED_VARIABLE,
  type Shard,
} from '#lib/build/shards.ts';
import { MEDIA_CACHE_FOLDER } from '#lib/media/variant-plan.ts';
import { partSizeFromEnvironment } from '#lib/search/index-parts.ts';
import { defineCli, exitWithUsageError, positiveInteger, readCommandLine, withHelpHint } from './lib/cli/parse-args.ts';
import { runAstro } from './lib/build/run-astro.ts';
import { planShardRuns } from './lib/build/shard-runs.ts';

const ROOT = resolve(import.meta.dirname, '..');

const CLI = defineCli({
  command: 'npm run build --',
  name: 'build',
  usage: '[параметри]',
  summary: `Збирає сайт і пошуковий індекс у dist/. Робота ділиться на частини за роками (шарди), що
збираються паралельно, і складається в один сайт, такий самий байт у байт, як зібраний одним процесом.`,
  options: {
    shards: {
      type: 'string',
      value: '<n>',
      description: 'на скільки частин ділити збірку на цій машині',
      default: process.env.ARKHIV_SHARDS ?? String(availableParallelism()),
      defaultText: 'кількість ядер, або ARKHIV_SHARDS',
      check: positiveInteger('--shards'),
    },
    shard: { type: 'string', value: '<k/n>', description: 'зібрати лише частину k з n (одне завдання матриці CI) у --outDir' },
    assemble: { type: 'boolean', description: 'скласти сайт із тек частин, названих аргументами, у --outDir' },
    outDir: { type: 'string', value: '<тека>', description: 'куди писати сайт', default: 'dist' },
    site: {
      type: 'string',
      value: '<адреса>',
      description: 'адреса сайту для посилань у стрічках і sitemap',
      defaultText: 'SITE_URL або http://localhost:4321',
    },
    base: { type: 'string', value: '<шлях>', description: 'шлях сайту на сервері, напр. /arkhiv/', defaultText: 'BASE_PATH або /' },
    verbose: { type: 'boolean', description: 'показувати рядок Astro про кожну сторінку' },
  },
  positionals: true,
  notes: `Змінні середовища: ARKHIV_CONTENT (тека архіву, типово content), ARKHIV_BUILD_ID (ідентифікатор
збірки; у всіх частин однієї збірки має бути той самий), ARKHIV_INDEX_PART_SIZE (статей у частині індексу).

Приклади:
  npm run build                                   усі частини паралельно, сайт у dist/
  npm run build -- --shard 2/4 --outDir part-2    одна частина з чотирьох
  npm run build -- --assemble part-1 part-2 part-3 part-4 --outDir dist`,
  exitCodes: [
    [0, 'сайт зібрано'],
    [1, 'архів має помилки або збірка не вдалася'],
    [2, 'неправильні параметри'],
  ],
});

const { values, positionals } = readCommandLine(CLI);
const shardOption = values.shard === undefined ? undefined : parseShardOption(values.shard);
if (values.shard !== undefined && !shardOption)
  exitWithUsageError(CLI, withHelpHint(CLI, `--shard чекає k/n, де 1 ≤ k ≤ n (отримано «${values.shard}»)`));
if (positionals.length > 0 && !values.assemble) exitWithUsageError(CLI, withHelpHint(CLI, `зайвий аргумент «${positionals[0]}»`));
if (values.assemble && positionals.length === 0) exitWithUsageError(CLI, withHelpHint(CLI, '--assemble чекає теки частин'));

const contentDir = resolve(ROOT, process.env.ARKHIV_CONTENT ?? 'content');
const cacheDir = resolve(ROOT, process.env.ARKHIV_CACHE_DIR ?? 'node_modules/.astro');
const publicDir = resolve(ROOT, process.env.ARKHIV_PUBLIC ?? 'public');
const outDir = resolve(values.outDir);
const site = values.site ?? process.env.SITE_URL ?? 'http://localhost:4321';
const base = values.base ?? process.env.BASE_PATH ?? '/';
const buildId = process.env.ARKHIV_BUILD_ID ?? `${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
const logger = { info: (message: string) => console.log(message) };
const count = shardOption?.count ?? (values.assemble ? positionals.length : Number(values.shards));
// One listing of the archive: the plan's counts, and what a sharded build compares with the last one.
const archiveFiles = statArchive(contentDir);
const plan = planShards(yearCounts(archiveFiles.articles.keys()), count, partSizeFromEnvironment());
// The processes this one starts take that listing instead of making their own (`articleFileStates`).
const articleStatesFile = join(cacheDir, 'arkhiv-build-article-files.json');
if (!values.assemble) saveArticleFileStates(articleStatesFile, join(contentDir, 'articles'), archiveFiles.articles);
const astroArgs = (dir: string) => ['--outDir', dir, '--site', site, '--base', base];
// Node keeps the compiled code of Astro, Vite and their packages between builds, for this process and the shards.
enableCompileCache();
const compileCache = getCompileCacheDir();
const environment = (extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv => ({
  ...process.env,
  ...(compileCache ? { NODE_COMPILE_CACHE: compileCache } : {}),
  ARKHIV_CONTENT: contentDir,
  ARKHIV_PUBLIC: publicDir,
  ARKHIV_BUILD_ID: buildId,
  [ARTICLE_STATES_VARIABLE]: articleStatesFile,
  ...extra,
});

/**
 * Builds one shard into `dir`, with a root and a cache of its own so that
 * shards never share files while they run; only resized photos, which any
 * shard may make and all make alike, are kept where a build in one process
 * keeps them.
 */
async function buildShard(shard: Shard, dir: string, options: ShardRunOptions = {}): Promise<number> {
  const env = environment({
    [SHARD_VARIABLE]: JSON.stringify(scopeOf(shard)),
    ...(options.validated ? { [VALIDATED_VARIABLE]: '1' } : {}),
    ARKHIV_CACHE_DIR: join(shardWork(shard), 'cache'),
    ARKHIV_MEDIA_CACHE: join(cacheDir, MEDIA_CACHE_FOLDER),
    ...(options.inParallel ? { UV_THREADPOOL_SIZE: process.env.UV_THREADPOOL_SIZE ?? PARALLEL_FILE_THREADS } : {}),
  });
  const prefix = shard.count > 1 ? `[${shard.number}/${shard.count}] ` : '';
  const root = await shardRoot(shard);
  const { signal, onPagesWritten } = options;
  const exit = runAstro({
    root,
    project: ROOT,
    args: astroArgs(dir),
    env,
    prefix,
    verbose: values.verbose,
    ...(signal ? { signal } : {}),
    ...(onPagesWritten ? { onMessage: (message: unknown) => message === PAGES_WRITTEN_MESSAGE && onPagesWritten() } : {}),
  });
  options.onStart?.();
  return exit;
}

interface ShardRunOptions {
  /** Stops the shard's process. */
  signal?: AbortSignal;
  /** This process validates the archive, so the shard does not. */
  validated?: boolean;
  /** Runs beside the build's other processes (other shards, this process's validation of the archive). */
  inParallel?: boolean;
  /** Called once the shard's process is started. */
  onStart?: () => void;
  /** Called when the shard's files but its search index are written (`PAGES_WRITTEN_MESSAGE`). */
  onPagesWritten?: () => void;
}

/**
 * The threads a shard that shares the machine with the build's other
 * processes gives Node's asynchronous file calls (libuv's pool, 4 by default).
 * Astro writes every page with such calls; with every core busy, each call
 * handed to another thread costs more than it saves: two clean builds of
 * 20,000 articles spent 21–26 s of system time with one, against 31–34 s with
 * four (docs/scaling.md).
 */
const PARALLEL_FILE_THREADS = '1';

/** What `astro build` reads from the project root (the archive and `public/` it is given by path): a shard's root links to each. */
const PROJECT_ENTRIES = ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src'];

/**
 * A shard's own project root: its work folder, holding links to the
 * project's entries. Astro writes the content layer's generated modules
 * (`.astro/content-assets.mjs`, the images that article bodies import) into
 * the root's `.astro/`, and each shard's differ, because a shard renders only
 * its own years' bodies: with one root for all, shards overwrote each other's
 * and raced on the same temporary file.
 */
async function shardRoot(shard: Shard): Promise<string> {
  const root = shardWork(shard);
  await mkdir(root, { recursive: true });
  for (const entry of PROJECT_ENTRIES) {
    const link = join(root, entry);
    const target = join(ROOT, entry);
    if ((await readlink(link).catch(() => undefined)) === target) continue;
    await rm(link, { recursive: true, force: true });
    await symlink(target, link);
  }
  return root;
}

/**
 * A shard's folder, kept between builds for its incremental cache and output,
 * and its root (`shardRoot`). It lies inside the project whatever the cache
 * folder, so that the pages Astro bundles into it find their packages in the
 * project's node_modules.
 */
function shardWork(shard: Shard): string {
  return join(shardsFolder(), `${shard.number}-of-${shard.count}`);
}

function shardsFolder(): string {
  const inProject = !relative(ROOT, cacheDir).startsWith('..');
  return inProject
    ? join(cacheDir, 'shards')
    : join(ROOT, 'node_modules/.astro/shards', createHash('sha256').update(cacheDir).digest('hex').slice(0, 12));
}

const shardDir = (shard: Shard) => join(shardWork(shard), 'dist');

let code = 0;
if (values.assemble) {
  await assembleSite({ outDir, shardDirs: positionals.map((dir) => resolve(dir)), shards: plan, site, base, buildId, cacheDir, logger });
} else if (shardOption) {
  code = await buildShard(plan[shardOption.number - 1]!, outDir);
} else if (plan.filter((shard) => shard.parts.length > 0).length <= 1) {
  // One part of the index or one core: one process builds everything, as `astro build` does.
  code = await runAstro({ root: ROOT, args: astroArgs(outDir), env: environment({}), prefix: '', verbose: values.verbose });
} else {
  const started = Date.now();
  // One failed shard, or an invalid archive, stops the others.
  const controller = new AbortController();
  // A shard's files go into the site as soon as it is done, while the others still build.
  const assembly = new SiteAssembly({ outDir, shards: plan, site, base, buildId, cacheDir, logger });
  const shardsStarted: Array<Promise<void>> = [];
  // Nothing goes into the site before the archive is known valid: an invalid archive leaves the site as it was.
  const validation = Promise.withResolvers<boolean>();
  const placeable = async () => (await validation.promise) && !controller.signal.aborted;
  // A shard's pages go into the site while it builds its search index (`PAGES_WRITTEN_MESSAGE`).
  const pagesPlaced = new Map<Shard, Promise<void>>();
  const runShard = (shard: Shard): Promise<number> => {
    const { promise, resolve: onStart } = Promise.withResolvers<void>();
    shardsStarted.push(promise);
    const onPagesWritten = () => {
      const placing = placeable().then((ok) => (ok ? assembly.add(shard, shardDir(shard), 'pages') : undefined));
      placing.catch(() => {}); // awaited, and so reported, once the shard is done
      pagesPlaced.set(shard, placing);
    };
    return buildShard(shard, shardDir(shard), {
      signal: controller.signal,
      validated: true,
      inParallel: true,
      onStart,
      onPagesWritten,
    }).finally(onStart);
  };
  const assembled = async (shard: Shard, exit: Promise<number>): Promise<number> => {
    const code = await exit;
    if (code !== 0) controller.abort();
    else if (await placeable()) {
      const pages = pagesPlaced.get(shard);
      if (pages) await pages.then(() => assembly.add(shard, shardDir(shard), 'index'));
      else await assembly.add(shard, shardDir(shard));
    }
    return code;
  };
  // The global shard runs in every build (`shardsToBuild`), so it starts while the others are planned.
  const globalShard = plan.find((shard) => shard.global)!;
  const globalDone = assembled(globalShard, runShard(globalShard));
  globalDone.catch(() => {});
  // Reading the snapshot and listing the site are synchronous: started before its process, they would hold it up.
  await Promise.all(shardsStarted);
  const runs = await planShardRuns({
    plan,
    contentDir,
    files: archiveFiles,
    root: ROOT,
    workOf: shardWork,
    outputOf: shardDir,
    snapshotFile: join(shardsFolder(), `archive-${plan.length}.json`),
    // The build's id shows only on the global pages, which are built every time.
    options: [
      site,
      base,
      publicDir,
      contentDir,
      ...Object.entries(process.env)
        .flatMap(([name, value]) => (name.startsWith('ARKHIV_') && name !== 'ARKHIV_BUILD_ID' ? [`${name}=${value}`] : []))
        .sort(),
    ],
  }).catch((error: unknown) => {
    controller.abort();
    throw error;
  });
  for (const shard of runs.kept)
    logger.info(`[${shard.number}/${shard.count}] Nothing to rebuild: no page of ${yearRange(shard)} shows what changed.`);
  const shardsDone = Promise.all(
    plan.map((shard) =>
      shard === globalShard ? globalDone : assembled(shard, runs.run.includes(shard) ? runShard(shard) : Promise.resolve(0)),
    ),
  );
  // Awaited below, after the validation: a shard that fails to start must not end the process before then.
  shardsDone.catch(() => {});
  // Once the shards have started, this process validates the whole archive, on a core that a publish (one shard)
  // leaves free; the shards skip it (`src/integrations/validate-content.ts`).
  await Promise.all(shardsStarted);
  // The site as the last build left it, listed while the shards work.
  assembly.listSite();
  const errors = await validateForBuild(contentDir, cacheDir, (message) => console.warn(message)).then(
    (found) => {
      if (found.length > 0) controller.abort();
      validation.resolve(found.length === 0);
      return found;
    },
    (error: unknown) => {
      controller.abort();
      validation.resolve(false);
      throw error;
    },
  );
  const codes = await shardsDone;
  if (errors.length > 0) console.error(new InvalidArchiveError(errors).message);
  code = errors.length > 0 ? 1 : (codes.find((exit) => exit !== 0) ?? 0);
  if (code === 0) {
    await assembly.finish();
    await runs.succeeded();
    logger.info(`Built ${plan.length} shards in parallel and assembled ${outDir} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  }
}
process.exit(code);

function yearRange(shard: Shard): string {
  const years = [...shard.years].sort();
  return years.length > 1 ? `${years[0]}–${years.at(-1)}` : String(years[0] ?? '');
}
