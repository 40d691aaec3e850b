import type { AstroIntegrationLogger } from 'astro';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import type { DataStore } from 'astro/loaders';
import { existsSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { articleFileStates } from '#lib/archive/article-file-states.ts';
import { FrontMatterStore, shareFrontMatter } from '#lib/archive/front-matter-store.ts';
import { StatCache } from '#lib/files/stat-cache.ts';
import { articleHtmlDir, articleHtmlFile, hasHtmlFile, writeArticleHtml } from '#lib/site/article-html-store.ts';
import { countReadableWords } from '#lib/text/word-count.ts';
import { rendersYear, shardScope, type ShardScope } from '#lib/build/shards.ts';
import { keptForSameSource } from './source-version.ts';

type DataEntry = Parameters<DataStore['set']>[0];

export interface ArticlesLoaderOptions {
  /** The `articles/` folder of the archive, relative to the project root. */
  base: string;
}

/**
 * Astro's `glob()` loader for `<yyyy>/<mm>/<dd>/<slug>.md|.mdx`, with the
 * same parsing, schema, digests, Markdown processor and dev-server reloads,
 * but with a lean data store: a plain Markdown entry keeps only its front
 * matter there, and its rendered HTML and word count go to a file of its own
 * (`src/lib/site/article-html-store.ts`), read back when its page renders. MDX
 * entries (compiled modules), entries whose Markdown uses local images (Astro
 * must process those) are stored as `glob()` stores them.
 *
 * An entry that fails to render (the content rules of
 * `src/lib/safety/content-safety.ts` reject it) is not stored, so no cache
 * hides it from the next build, and the load fails with every such entry's
 * findings in one error.
 */
export function articlesLoader(options: ArticlesLoaderOptions): Loader {
  const globOf = (pattern: string | string[]) =>
    glob({ base: options.base, pattern, generateId: ({ entry }) => entry.replace(/\.mdx?$/, '') });
  const everyArticle = globOf(ARTICLE_PATTERN);
  return {
    name: 'arkhiv:articles',
    load: async (context: LoaderContext) => {
      const cacheDir = fileURLToPath(context.config.cacheDir);
      const frontMatter = new FrontMatterStore<Record<string, unknown>>(join(cacheDir, FRONT_MATTER_FILE));
      if (!keptForSameSource(context)) frontMatter.clear();
      const failures: Array<{ entry: string; reason: string }> = [];
      const logger = collectRenderErrors(context.logger, failures);
      const scope = shardScope();
      const { entryTypes } = context as GlobContext;
      const base = resolve(fileURLToPath(context.config.root), options.base);
      const store = leanStore(context.store, {
        dir: articleHtmlDir(context.config.cacheDir),
        scope,
        frontMatter,
      });
      const unchanged = unchangedEntry(store, context.generateDigest, base);
      const globContext: GlobContext = {
        ...context,
        logger,
        entryTypes: loaderEntryTypes(entryTypes, scope, unchanged),
        store,
      };
      // The dev server's watcher needs glob() over every file; a build reads only the files whose stats changed.
      const changes = context.watcher ? undefined : changedFiles(base, store, join(cacheDir, STATS_FILE));
      // glob() matches every file of the archive against every pattern: over many changed files, one pattern for all is faster.
      if (!changes || changes.changed.length > FEW_FILES) await everyArticle.load(globContext);
      else {
        if (changes.changed.length > 0)
          await globOf(changes.changed.map(escapeGlob)).load({ ...globContext, store: keeping(store, changes.kept) });
        for (const id of store.keys()) if (!changes.listed.has(id)) store.delete(id);
      }
      changes?.record((entry) => store.get(idOf(entry))?.digest);
      frontMatter.retain((id) => context.store.has(id));
      // The dev server's watcher changes entries one at a time after the load: each change is saved as it comes.
      if (context.watcher) frontMatter.keepSaved();
      else frontMatter.save();
      shareFrontMatter(frontMatter.view());
      if (failures.length > 0) throw new ArticleRenderError(failures);
    },
  };
}

const ARTICLE_PATTERN = '**/*.{md,mdx}';
/** Up to how many changed files the loader gives glob() by name. */
const FEW_FILES = 50;
const ARTICLE_FILE = /\.mdx?$/;
/** Where the loader keeps each article file's digest by its modification time and size. */
const STATS_FILE = 'arkhiv-article-files.json';
/** Where the loader keeps the articles' front matter (`FrontMatterStore`). */
const FRONT_MATTER_FILE = 'arkhiv-front-matter.bin';

const idOf = (entry: string): string => entry.replace(ARTICLE_FILE, '');

/** An article's path as a glob pattern that matches it alone. */
const escapeGlob = (entry: string): string => entry.replace(/[\\()[\]{}*?!+@|]/g, '\\$&');

interface FileChanges {
  /** Paths under the articles folder of the files to load: new, or changed since the store took them. */
  changed: string[];
  /** Ids of the entries kept as the store holds them. */
  kept: Set<string>;
  /** Ids of every article file. */
  listed: Set<string>;
  /** Keeps the digest of each file now in the store (by entry path), for the next build. */
  record(digestOf: (entry: string) => unknown): void;
}

/**
 * Which article files changed since the store took them, from a folder
 * listing and file stats: `glob()` reads and hashes every file of the archive
 * to find the one that changed. A file is unchanged when its modification time
 * and size are those it had when its digest was kept, and the store holds an
 * entry of that digest. A kept entry's modules and images need no
 * declaring: Astro lists them again from every entry of the store when it
 * writes its generated modules.
 */
function changedFiles(base: string, store: DataStore, statsFile: string): FileChanges {
  const stats = new StatCache<string>(statsFile, base);
  const files = [...articleFileStates(base)].map(([entry, stat]) => ({ entry, stat }));
  const changed: string[] = [];
  const kept = new Set<string>();
  for (const { entry, stat } of files) {
    const id = idOf(entry);
    const digest = stats.get(entry, stat);
    const stored = digest === undefined ? undefined : store.get(id);
    if (!stored?.filePath || String(stored.digest) !== digest) {
      changed.push(entry);
      continue;
    }
    kept.add(id);
  }
  return {
    changed,
    kept,
    listed: new Set(files.map(({ entry }) => idOf(entry))),
    record(digestOf) {
      for (const { entry, stat } of files) {
        if (kept.has(idOf(entry))) continue;
        const digest = digestOf(entry);
        if (digest !== undefined) stats.set(entry, stat, String(digest));
      }
      stats.save();
    },
  };
}

/** The store, for a `glob()` over some files only: it leaves alone the kept entries, which that `glob()` does not see and would delete. */
function keeping(store: DataStore, kept: ReadonlySet<string>): DataStore {
  return overriding<DataStore>(store, {
    delete: ((id: string) => {
      if (!kept.has(id)) store.delete(id);
    }) as DataStore['delete'],
  });
}

/** Every article that could not be rendered: each finding of the content rules on a line, then any other failure. */
export class ArticleRenderError extends Error {
  override name = 'ArticleRenderError';
  constructor(failures: ReadonlyArray<{ entry: string; reason: string }>) {
    const findings: string[] = [];
    const others: string[] = [];
    for (const { entry, reason } of failures) {
      // A finding is a `file:line:col  message  (rule)` line; the indented line under it is its fix.
      const [first = '', ...lines] = reason.split('\n');
      if (first.startsWith(RULES_BROKEN)) findings.push(...lines);
      else others.push(`${entry}: ${reason}`);
    }
    const parts = [];
    if (findings.length > 0)
      parts.push(
        `Статті містять заборонений вміст (${findings.filter((line) => !/^\s/.test(line)).length}); виправте його, перевірте командою npm run check:\n${findings.join('\n')}`,
      );
    if (others.length > 0) parts.push(`Статті не вдалося відобразити (${others.length}):\n${others.join('\n')}`);
    super(parts.join('\n'));
  }
}

/** How the content rules' error (`UnsafeContentError`) begins; its other lines are the findings. */
const RULES_BROKEN = 'Стаття містить заборонений вміст';
const RENDER_ERROR = /^Error rendering (.+?): ([\s\S]*)$/;

/** The loader's logger, with `glob()`'s "Error rendering <file>: <reason>" messages kept in `failures` instead of logged. */
function collectRenderErrors(logger: AstroIntegrationLogger, failures: Array<{ entry: string; reason: string }>): AstroIntegrationLogger {
  return overriding(logger, {
    error: (message: string) => {
      const failure = RENDER_ERROR.exec(message);
      if (failure) failures.push({ entry: failure[1]!, reason: failure[2]! });
      else logger.error(message);
    },
  });
}

/** `target` with some methods replaced; every other property is the target's own, methods bound to it. */
function overriding<T extends object>(target: T, overrides: Partial<T>): T {
  return new Proxy(target, {
    get(object, property) {
      if (Object.hasOwn(overrides, property)) return overrides[property as keyof T];
      const value: unknown = Reflect.get(object, property, object);
      return typeof value === 'function' ? value.bind(object) : value;
    },
  });
}

/** What a shard's loader gives `glob()` for the body of an article of another shard's years: nothing to render or keep. */
const OTHER_SHARD = { html: '', metadata: { otherShard: true } };

interface EntryType {
  getEntryInfo?: (input: { contents: string; fileUrl: URL }) => Promise<{ body: string; data: Record<string, unknown> }>;
  getRenderFunction?: (config: unknown) => Promise<(entry: { id: string }) => Promise<unknown>>;
}
type EntryTypes = Map<string, EntryType>;
/** `glob()` finds each file's render function in `entryTypes`, a field of its context that Astro passes without typing it. */
type GlobContext = LoaderContext & { entryTypes: EntryTypes };

/**
 * Whether a file is stored unchanged: the data store holds an entry for its
 * id (the path under `base` without extension, as `generateId` above makes
 * it) with the digest of these very contents.
 */
function unchangedEntry(
  store: DataStore,
  generateDigest: LoaderContext['generateDigest'],
  base: string,
): (contents: string, fileUrl: URL) => boolean {
  return (contents, fileUrl) => {
    const id = relative(base, fileURLToPath(fileUrl))
      .replace(/\\/g, '/')
      .replace(/\.mdx?$/, '');
    const stored = store.get(id);
    return stored?.digest !== undefined && stored.filePath !== undefined && stored.digest === generateDigest(contents);
  };
}

/** What a stored, unchanged file's front matter reads as: `glob()` skips such a file before it looks at its data. */
const UNCHANGED_INFO = { body: '', data: {} };

/**
 * The entry types `glob()` reads and renders files with, changed in two ways:
 * - a file whose contents the data store already holds is not parsed again:
 *   `glob()` parses every file's front matter before it compares digests, and
 *   for an archive of which one file changed that parse is most of the load;
 * - in a shard, render functions render only the bodies of this shard's years:
 *   a shard's pages show no other article's body, and rendering every body in
 *   every shard would repeat the heaviest part of loading the archive.
 */
function loaderEntryTypes(
  entryTypes: EntryTypes,
  scope: ShardScope | undefined,
  unchanged: (contents: string, fileUrl: URL) => boolean,
): EntryTypes {
  const types: EntryTypes = new Map();
  for (const [extension, type] of entryTypes) {
    const { getEntryInfo, getRenderFunction } = type;
    const overrides: Partial<EntryType> = {};
    if (getEntryInfo)
      overrides.getEntryInfo = async (input) =>
        unchanged(input.contents, input.fileUrl) ? UNCHANGED_INFO : getEntryInfo.call(type, input);
    if (getRenderFunction && scope)
      overrides.getRenderFunction = async (config: unknown) => {
        const render = await getRenderFunction.call(type, config);
        return async (entry: { id: string }) => (rendersYear(entry.id.slice(0, 4), scope) ? render(entry) : OTHER_SHARD);
      };
    types.set(extension, overriding(type, overrides));
  }
  return types;
}

/** What to store of an entry `glob()` loaded: `undefined` for a Markdown entry that failed to render. */
function slim(entry: DataEntry, dir: string): DataEntry | undefined {
  const { rendered, body, ...rest } = entry;
  if (entry.deferredRender) return entry;
  if (!rendered) return undefined;
  if ((rendered.metadata as { otherShard?: boolean } | undefined)?.otherShard) {
    // Kept without a body file, and without the one of an older version: a later build that renders this article finds none and renders it then.
    rmSync(articleHtmlFile(dir, entry.id), { force: true });
    return rest;
  }
  if ((rendered.metadata?.imagePaths?.length ?? 0) > 0) return entry;
  writeArticleHtml(dir, entry.id, {
    digest: String(entry.digest),
    html: rendered.html,
    words: countReadableWords(body ?? ''),
  });
  return rest;
}

/** What the store `glob()` writes to keeps beside Astro's. */
interface LeanStoreOptions {
  /** Where the bodies of plain Markdown entries go. */
  dir: string;
  scope: ShardScope | undefined;
  frontMatter: FrontMatterStore<Record<string, unknown>>;
}

/**
 * The store `glob()` writes to, with the bodies of plain Markdown entries
 * moved out to files and every entry's front matter to `frontMatter`: Astro's
 * store keeps each entry without data. An entry whose front matter is not
 * kept for its digest reads as absent, and so does an entry of a year this
 * process renders whose body file is gone, so that `glob()` loads it again
 * instead of trusting its digest; an entry of another shard's years needs
 * no body here.
 */
function leanStore(store: DataStore, { dir, scope, frontMatter }: LeanStoreOptions): DataStore {
  const forget = (id: string) => {
    store.delete(id);
    frontMatter.delete(id);
  };
  return overriding<DataStore>(store, {
    get: ((id: string) => {
      const entry = store.get(id);
      if (!entry || frontMatter.get(id, String(entry.digest)) === undefined) return undefined;
      const bodyGone = hasHtmlFile(entry) && rendersYear(id.slice(0, 4), scope) && !existsSync(articleHtmlFile(dir, id));
      return bodyGone ? undefined : entry;
    }) as DataStore['get'],
    set: (entry: DataEntry) => {
      const kept = slim(entry, dir);
      if (!kept) {
        forget(entry.id);
        return false;
      }
      frontMatter.set(kept.id, String(kept.digest), kept.data);
      return store.set({ ...kept, data: {} });
    },
    delete: forget,
  });
}
