import { readFileSync, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { ARTICLE_COMPONENTS } from '../archive/article-components.ts';
import { articleFileStates } from '../archive/article-file-states.ts';
import { rulesKey, StatCache } from '../files/stat-cache.ts';
import { leadImageFileProblems, localLeadImage, type LeadImageFile } from '../media/lead-image-file.ts';
import { problem, sortProblems, type Problem } from '../problems.ts';
import { inspectSvg } from './svg.ts';
import { parseArticle, type ContentNode, type SourceFormat } from './unsafe-content.ts';

/**
 * Every file the site serves from its own origin besides the pages it
 * builds: all of `public/` (copied as it is) and the local files articles
 * link (Astro copies a Markdown image next to an article into `_astro/`)
 * and the local lead photos of their front matter (`image.src`).
 * Such a file is judged by its type (only media, fonts and documents a
 * browser never runs) and, for an SVG, by its content (`./svg.ts`).
 * `npm run check` and the build (`src/integrations/served-files.ts`) ask
 * this module, so they never disagree about a file.
 */

/** Extensions of files the site may serve: media, fonts and documents that a browser shows but never runs. */
export const SERVED_EXTENSIONS: readonly string[] = [
  ...['.png', '.jpg', '.jpeg', '.gif', '.webp', '.avif', '.ico', '.svg'],
  ...['.woff', '.woff2', '.ttf', '.otf'],
  ...['.mp3', '.ogg', '.mp4', '.webm'],
  ...['.pdf', '.txt', '.csv', '.json', '.webmanifest'],
];
const ALLOWED = new Set(SERVED_EXTENSIONS);
// A browser opens these as a document of the site, with scripts (XML can hold XHTML or an XSLT style sheet).
const DOCUMENTS = new Set(['.html', '.htm', '.xhtml', '.xht', '.shtml', '.mht', '.mhtml', '.xml', '.xsl', '.xslt']);
const CODE = new Set(['.js', '.mjs', '.cjs', '.wasm', '.css', '.map']);

/** One article as the scan needs it. */
export interface ArticleSource {
  /** Absolute path. */
  path: string;
  text: string;
  format: SourceFormat;
}

export interface ServedFilesOptions {
  /** Astro's `publicDir`. */
  publicDir: string;
  /** Paths in problems are shown relative to this folder. */
  relativeTo: string;
}

function shownPath(relativeTo: string, path: string): string {
  return relative(relativeTo, path).split(sep).join('/');
}

/**
 * What is wrong with the type of a served file, or `null`. `servedPath` is
 * the file's path under `public/` (`_headers` and `.well-known/` have rules
 * of their own there); a linked file outside `public/` has none.
 */
function typeProblem(name: string, servedPath: string | undefined, head: string): { message: string; fix: string } | null {
  const extension = extname(name).toLowerCase();
  if (ALLOWED.has(extension)) return null;
  if (servedPath === '_headers') return null;
  // `.well-known/` holds files without an extension (`apple-app-site-association`); none of them is markup.
  if (servedPath?.startsWith('.well-known/') && extension === '' && !head.includes('<')) return null;
  if (DOCUMENTS.has(extension) || (servedPath?.startsWith('.well-known/') && extension === '')) {
    return {
      message: `Файл ${extension || 'без розширення'} браузер відкриє як сторінку сайту, і скрипти в ньому запрацюють`,
      fix: 'Текст публікуйте статтею в content/articles/, документ — як PDF; стрічки RSS і карту сайту створює збірка.',
    };
  }
  if (CODE.has(extension)) {
    return {
      message: `Файл ${extension} — код чи стилі поза збіркою сайту`,
      fix: 'Скрипти й стилі сайту лежать у src/ і проходять збірку; приберіть файл.',
    };
  }
  return {
    message: `Тип файлу «${extension || name}» не входить до дозволених`,
    fix: `Дозволені ${SERVED_EXTENSIONS.join(' ')}, а також _headers у корені public/ і файли в public/.well-known/.`,
  };
}

/** Problems of one served file: its type, and an SVG's content. */
export async function servedFileProblems(path: string, shown: string, servedPath?: string): Promise<Problem[]> {
  const extension = extname(path).toLowerCase();
  // Only a file of `.well-known/` without an extension is read to judge its type; media can be large.
  const wellKnown = extension === '' && servedPath?.startsWith('.well-known/');
  const head = wellKnown ? (await readFile(path)).subarray(0, 1024).toString('latin1') : '';
  const kind = typeProblem(basename(path), servedPath, head);
  if (kind) return [problem(shown, undefined, 'file-type', kind.message, kind.fix)];
  if (extension !== '.svg') return [];
  return inspectSvg(await readFile(path)).findings.map((finding) =>
    problem(shown, finding.place, finding.rule, finding.message, finding.fix),
  );
}

/** Every file of `public/` (symbolic links included), as absolute paths with their path under `public/`. */
async function publicFiles(publicDir: string): Promise<Array<{ path: string; served: string; link: boolean }>> {
  const entries = await readdir(publicDir, { recursive: true, withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  return entries
    .filter((entry) => entry.isFile() || entry.isSymbolicLink())
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return { path, served: relative(publicDir, path).split(sep).join('/'), link: entry.isSymbolicLink() };
    })
    .sort((a, b) => (a.served < b.served ? -1 : a.served > b.served ? 1 : 0));
}

// A link target that is neither an address with a scheme, nor a site path, nor a fragment: `](./a.svg)`, `]: a.svg`, `src="a.svg"`.
const RELATIVE_TARGET =
  /(?:\]\(\s*<?|^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*<?|\b(?:src|href|url)\s*=\s*["'])(?![a-z][a-z0-9+.-]*:|[/\\#?)<>"'\s])/im;

function isRelative(address: string): boolean {
  return address !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(address) && !/^[/\\#?]/.test(address);
}

/** Addresses in an article's links, images and component attributes. */
function addresses(tree: ContentNode): string[] {
  const found: string[] = [];
  const stack: ContentNode[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if ((node.type === 'image' || node.type === 'link' || node.type === 'definition') && node.url) found.push(node.url);
    const spec = node.name ? ARTICLE_COMPONENTS[node.name] : undefined;
    if (spec && (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement')) {
      for (const attribute of node.attributes ?? []) {
        if (attribute.name && spec.urls.includes(attribute.name) && typeof attribute.value === 'string') found.push(attribute.value);
      }
    }
    if (node.children) stack.push(...node.children);
  }
  return found;
}

/** The local files an article links by a relative address, as absolute paths, whether or not a file is there. */
export function linkedPaths(article: ArticleSource): string[] {
  if (!RELATIVE_TARGET.test(article.text)) return [];
  let tree: ContentNode;
  try {
    tree = parseArticle(article.text, article.format, false);
  } catch {
    return []; // an MDX syntax error is the content rules' finding
  }
  const files = new Set<string>();
  for (const address of addresses(tree)
    .map((a) => a.trim())
    .filter(isRelative)) {
    const path = address.split(/[?#]/, 1)[0]!;
    let decoded = path;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      // A malformed escape stays as written, as a file name.
    }
    files.add(resolve(dirname(article.path), decoded));
  }
  return [...files];
}

/** The existing local files an article links by a relative address, as absolute paths. */
export function linkedFiles(article: ArticleSource): string[] {
  return linkedPaths(article).filter(isFile);
}

const isFile = (path: string): boolean => statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;

/** What an article makes the site serve: its local lead photo and the local files its relative links name. */
export interface ArticleReferences {
  /** The article's absolute path. */
  path: string;
  lead?: LeadImageFile | undefined;
  /** Absolute paths, whether or not a file is there (one may be added later). */
  linked: string[];
}

export function articleReferences(article: ArticleSource): ArticleReferences {
  return { path: article.path, lead: localLeadImage(article.path, article.text), linked: linkedPaths(article) };
}

/**
 * Every problem of the files the site serves: all of `publicDir` and the
 * local files the `articles` link. Each file is judged once, however many
 * articles link it.
 */
export async function checkServedFiles(
  options: ServedFilesOptions & {
    articles: Iterable<ArticleSource | ArticleReferences> | AsyncIterable<ArticleSource | ArticleReferences>;
  },
): Promise<Problem[]> {
  const { publicDir, relativeTo } = options;
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const file of await publicFiles(publicDir)) {
    seen.add(file.path);
    const shown = shownPath(relativeTo, file.path);
    if (file.link)
      problems.push(
        problem(
          shown,
          undefined,
          'file-type',
          'Символьне посилання: збірка опублікувала б файл, на який воно вказує',
          'Покладіть у public/ сам файл замість посилання.',
        ),
      );
    else problems.push(...(await servedFileProblems(file.path, shown, file.served)));
  }
  for await (const article of options.articles) {
    const { path, lead, linked } = 'text' in article ? articleReferences(article) : article;
    // The lead photo of the front matter (`image.src`) must be an image by its bytes; its path has a raster
    // extension (`LOCAL_IMAGE_PATH`), so the type rules of other served files have nothing to add.
    if (lead) problems.push(...leadImageFileProblems(lead, shownPath(relativeTo, path)));
    for (const file of linked) {
      if (seen.has(file) || !isFile(file)) continue;
      seen.add(file);
      problems.push(...(await servedFileProblems(file, shownPath(relativeTo, file))));
    }
  }
  return sortProblems(problems);
}

/** Where `scanServedFiles` keeps each article's references between builds, in the cache folder. */
const CACHE_FILE = 'arkhiv-served-files.json';
/** The modules whose rules make an article's references. */
const REFERENCE_MODULES = ['./served-files.ts', './unsafe-content.ts', '../archive/article-components.ts', '../media/lead-image-file.ts'];

/**
 * The references of the articles of an `articles/` folder, one at a time:
 * read from each file, or with `cacheDir`, kept from an earlier build for
 * the files whose modification time and size are unchanged.
 */
async function* readReferences(articlesDir: string, cacheDir: string | undefined): AsyncGenerator<ArticleReferences> {
  const cache = cacheDir
    ? new StatCache<Omit<ArticleReferences, 'path'>>(
        join(cacheDir, CACHE_FILE),
        rulesKey(
          [articlesDir],
          REFERENCE_MODULES.map((module) => new URL(module, import.meta.url)),
        ),
      )
    : undefined;
  for (const [entry, stats] of articleFileStates(articlesDir)) {
    const path = join(articlesDir, entry);
    const kept = cache?.get(entry, stats);
    if (kept) {
      yield { path, ...kept };
      continue;
    }
    // Synchronous: for many small files a promise per read costs more than the read itself.
    const references = articleReferences({ path, text: readFileSync(path, 'utf8'), format: entry.endsWith('.mdx') ? 'mdx' : 'markdown' });
    cache?.set(entry, stats, { lead: references.lead, linked: references.linked });
    yield references;
  }
  cache?.save();
}

/**
 * `checkServedFiles` over the articles of an archive's `articles/` folder,
 * read here (the build has not read them yet); with `cacheDir`, only the
 * articles changed since the last scan are read.
 */
export async function scanServedFiles(
  options: ServedFilesOptions & { articlesDir: string; cacheDir?: string | undefined },
): Promise<Problem[]> {
  return checkServedFiles({ ...options, articles: readReferences(options.articlesDir, options.cacheDir) });
}
