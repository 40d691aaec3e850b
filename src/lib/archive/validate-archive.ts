import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { articleSchema } from './article-schema.ts';
import { formatProblem, sortProblems, type Problem } from '../problems.ts';
import { parseArticlePath } from './article-file.ts';
import { readArticleFile, type ArticleRead } from './article-source.ts';
import { listArchive } from './archive-files.ts';
import { StatCache } from '../files/stat-cache.ts';
import { validationCacheKey, type CachedArticle } from './validation-cache.ts';
import { validateTopics } from './validate-topics.ts';
import { validateAuthors } from './validate-authors.ts';
import { AUTHORS_FILE } from './authors.ts';
import { issueMessage, type SchemaIssue } from './zod-messages.ts';
import { SLUG_PATTERN } from '../text/slug.ts';
import { linkedPaths } from '../safety/served-files.ts';

/**
 * The archive validator shared by the build (`src/integrations/validate-content.ts`)
 * and `npm run check`: reads every article file and `topics.yaml` and returns
 * every problem at once, never just the first.
 *
 * Rules: `topics-yaml`, `topic-schema`, `topic-duplicate` (the taxonomy);
 * `authors-yaml`, `author-schema`, `author-duplicate` (the authors, when the
 * archive has `authors.yaml`);
 * `path` (not `articles/yyyy/mm/dd/slug.md(x)`), `stray-file` (warning: not an
 * article), the reader's (`encoding`, `front-matter`, `impossible-date`,
 * `date-path`, `character-reference`: see `article-source.ts`), `schema` (a
 * field breaks `src/lib/archive/article-schema.ts`), `unknown-topic`, `unknown-author`,
 * `duplicate-id`, `duplicate-path` (`x.md` next to `x.mdx`), `alias-clash`
 * (an old URL that is another article's URL or alias).
 */

const FIELD_FIXES: Record<string, string> = {
  title: 'Напишіть заголовок статті.',
  date: 'Запишіть дату як РРРР-ММ-ДД, наприклад 2026-01-26.',
  summary: 'Напишіть лід: одне-два речення про суть статті.',
  id: 'id ставить npm run ingest (або npm run new); не редагуйте його вручну.',
  topics: 'Перелічіть слаги тем із topics.yaml: topics: [viina, ukraina].',
  authors: 'Перелічіть слаги авторів з authors.yaml: authors: [olena-petrenko].',
  'source.url': 'Вкажіть повну адресу, що починається з https://.',
  aliases: 'Стара адреса має вигляд /рррр/мм/дд/слаг/.',
  updated: 'Запишіть дату оновлення як РРРР-ММ-ДД.',
  'image.alt': 'Додайте alt: одним реченням, що видно на фото, для читачів, які його не бачать.',
  image: 'Фото — файл у content/media/ (src: media/<рррр>/<мм>/<дд>/<назва>.jpg) або адреса https://, з описом alt.',
};

interface ArticleFacts {
  file: string;
  path: string;
  id?: string;
  idLine: number;
  aliases: Array<{ alias: string; line: number }>;
}

/** The slugs an article's references are checked against. */
interface KnownSlugs {
  topics: Set<string>;
  authors: Set<string>;
}

/** The well-formed slugs of a front-matter list that `known` lacks (a malformed one is the schema's problem). */
function unknownSlugs(list: unknown, known: Set<string>): string[] {
  return (Array.isArray(list) ? list : []).filter(
    (slug): slug is string => typeof slug === 'string' && SLUG_PATTERN.test(slug) && !known.has(slug),
  );
}

function checkArticle(read: ArticleRead, path: string, file: string, known: KnownSlugs, problems: Problem[]): ArticleFacts | undefined {
  const add = (line: number, rule: string, message: string, fix?: string, field?: string, severity: Problem['severity'] = 'error') =>
    problems.push({ file, line, column: 1, ...(field ? { field } : {}), message, ...(fix ? { fix } : {}), rule, severity });
  const parts = parseArticlePath(path);
  if (!parts) add(1, 'path', 'файл статті лежить не там, де має', 'Статті лежать у articles/рррр/мм/дд/слаг.md (або .mdx).');
  else if (!SLUG_PATTERN.test(parts.slug))
    add(
      1,
      'path',
      `«${parts.slug}» не є слагом`,
      'Назва файлу — слаг: малі латинські літери, цифри й дефіси (npm run new робить його із заголовка).',
    );
  problems.push(...read.problems);
  if (!read.frontMatter) return undefined;
  const { data, fieldLines } = read.frontMatter;
  const lineOf = (field: string) => fieldLines[field.split('.')[0]!] ?? 1;
  const parsed = articleSchema.safeParse(data);
  if (!parsed.success) {
    // One problem per field: a value that breaks two rules (not a URL, not https) needs one fix.
    const reported = new Set<string>();
    for (const issue of parsed.error.issues as SchemaIssue[]) {
      const keys = issue.code === 'unrecognized_keys' ? (issue.keys ?? []) : [issue.path.map(String).join('.')];
      for (const field of keys) {
        if (reported.has(field)) continue;
        reported.add(field);
        const value = issue.path.reduce<unknown>(
          (v, key) => (v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined),
          data,
        );
        const fix =
          issue.code === 'unrecognized_keys'
            ? 'Приберіть поле або виправте його назву (див. src/lib/archive/article-schema.ts).'
            : (FIELD_FIXES[field] ?? FIELD_FIXES[field.split('.')[0]!]);
        add(lineOf(field), 'schema', issueMessage(issue, value), fix, field);
      }
    }
  }
  for (const topic of unknownSlugs(data.topics, known.topics))
    add(
      lineOf('topics'),
      'unknown-topic',
      `теми «${topic}» немає в topics.yaml`,
      'Додайте тему до topics.yaml або виправте слаг.',
      'topics',
    );
  for (const author of unknownSlugs(data.authors, known.authors))
    add(
      lineOf('authors'),
      'unknown-author',
      `автора «${author}» немає в authors.yaml`,
      'Додайте автора до authors.yaml (slug і name) або виправте слаг.',
      'authors',
    );
  const aliases = (Array.isArray(data.aliases) ? data.aliases : [])
    .filter((a): a is string => typeof a === 'string')
    .map((alias) => ({ alias, line: lineOf('aliases') }));
  return { file, path, ...(typeof data.id === 'string' ? { id: data.id } : {}), idLine: lineOf('id'), aliases };
}

function crossChecks(facts: readonly ArticleFacts[], problems: Problem[]): void {
  const byId = new Map<string, ArticleFacts[]>();
  const byUrl = new Map<string, ArticleFacts[]>();
  for (const fact of facts) {
    if (fact.id) byId.set(fact.id, [...(byId.get(fact.id) ?? []), fact]);
    const url = `/${fact.path.replace(/^articles\//, '').replace(/\.mdx?$/, '')}/`;
    byUrl.set(url, [...(byUrl.get(url) ?? []), fact]);
  }
  for (const [id, group] of byId) {
    if (group.length < 2) continue;
    for (const fact of group) {
      const others = group
        .filter((g) => g !== fact)
        .map((g) => g.file)
        .join(', ');
      problems.push({
        file: fact.file,
        line: fact.idLine,
        column: 1,
        field: 'id',
        message: `id ${id} має також ${others}`,
        fix: 'Одна стаття — один id: видаліть дублікат або, якщо це різні статті, дайте новій статті новий id (npm run new).',
        rule: 'duplicate-id',
        severity: 'error',
      });
    }
  }
  for (const [url, group] of byUrl) {
    if (group.length < 2) continue;
    for (const fact of group)
      problems.push({
        file: fact.file,
        line: 1,
        column: 1,
        message: `адресу ${url} мають кілька файлів: ${group.map((g) => g.file).join(', ')}`,
        fix: 'Залиште один файл: .md або .mdx.',
        rule: 'duplicate-path',
        severity: 'error',
      });
  }
  const aliasOwners = new Map<string, ArticleFacts>();
  for (const fact of facts) {
    for (const { alias, line } of fact.aliases) {
      const clash = byUrl.get(alias)?.[0] ?? aliasOwners.get(alias);
      if (clash && clash !== fact)
        problems.push({
          file: fact.file,
          line,
          column: 1,
          field: 'aliases',
          message: `стара адреса ${alias} уже належить ${clash.file}`,
          fix: 'Одна адреса веде на одну статтю: приберіть цей alias.',
          rule: 'alias-clash',
          severity: 'error',
        });
      else aliasOwners.set(alias, fact);
    }
  }
}

export interface ValidateArchiveOptions {
  /** Folder that problem paths are relative to (default: the working folder). */
  relativeTo?: string;
  /**
   * A JSON file of per-file results keyed by path, mtime and size (see
   * `validation-cache.ts`): unchanged files are not read again. The
   * cross-file checks always run over the whole archive.
   */
  cacheFile?: string;
}

/** One article's own problems and cross-check facts: from the cache while the file is unchanged, else read and checked. */
function articleResult(
  contentDir: string,
  path: string,
  file: string,
  known: KnownSlugs,
  cache: StatCache<CachedArticle> | undefined,
): { problems: Problem[]; fact?: ArticleFacts; links: string[] } {
  const absolute = join(contentDir, path);
  const info = cache ? statSync(absolute) : undefined;
  const cached = info && cache?.get(path, info);
  if (cached) {
    return {
      problems: cached.problems.map((p) => ({ file, ...p })),
      ...(cached.facts ? { fact: { file, path, ...cached.facts } } : {}),
      links: cached.links,
    };
  }
  const problems: Problem[] = [];
  const read = readArticleFile(contentDir, path, file);
  const fact = checkArticle(read, path, file, known, problems);
  const links =
    read.text === undefined
      ? []
      : linkedPaths({ path: absolute, text: read.text, format: path.endsWith('.mdx') ? 'mdx' : 'markdown' }).map((linked) =>
          relative(contentDir, linked).split(sep).join('/'),
        );
  if (info && cache) {
    cache.set(path, info, {
      problems: problems.map(({ file: _file, ...rest }) => rest),
      ...(fact ? { facts: { ...(fact.id ? { id: fact.id } : {}), idLine: fact.idLine, aliases: fact.aliases } } : {}),
      links,
    });
  }
  return { problems, ...(fact ? { fact } : {}), links };
}

/** The per-file cache of `validateArchive`, in a build's cache folder. */
const VALIDATION_CACHE = 'arkhiv-validation.json';

/**
 * The archive's errors as a build meets them: validated with the per-file
 * cache of `cacheDir` (when given), paths relative to the working folder,
 * each warning handed to `warn` as `formatProblem` prints it.
 */
export async function validateForBuild(
  contentDir: string,
  cacheDir: string | undefined,
  warn: (message: string) => void,
): Promise<Problem[]> {
  const problems = await validateArchive(contentDir, {
    relativeTo: process.cwd(),
    ...(cacheDir ? { cacheFile: join(cacheDir, VALIDATION_CACHE) } : {}),
  });
  for (const warning of problems.filter((problem) => problem.severity === 'warning')) warn(formatProblem(warning));
  return problems.filter((problem) => problem.severity === 'error');
}

/**
 * Validates the archive in `contentDir` (holding `topics.yaml`, `articles/` and, optionally, `authors.yaml`).
 * Paths in problems are relative to `relativeTo` (default: the working folder).
 * Resolves to every problem, in the order of `sortProblems`; empty when all is well.
 */
export async function validateArchive(contentDir: string, options: ValidateArchiveOptions = {}): Promise<Problem[]> {
  const show = (path: string) => relative(options.relativeTo ?? process.cwd(), join(contentDir, path)) || path;
  const problems: Problem[] = [];
  let topics = new Set<string>();
  const topicsText = await readFile(join(contentDir, 'topics.yaml'), 'utf8').catch(() => undefined);
  if (topicsText === undefined)
    problems.push({
      file: show('topics.yaml'),
      line: 1,
      column: 1,
      message: 'немає файлу таксономії',
      fix: 'Створіть topics.yaml зі списком тем.',
      rule: 'topics-yaml',
      severity: 'error',
    });
  else {
    const checked = validateTopics(topicsText, show('topics.yaml'));
    topics = checked.slugs;
    problems.push(...checked.problems);
  }
  // No authors.yaml is no authors: an article that names one is then an unknown author.
  const authorsText = await readFile(join(contentDir, AUTHORS_FILE), 'utf8').catch(() => '');
  const authors = validateAuthors(authorsText, show(AUTHORS_FILE));
  problems.push(...authors.problems);
  const listing = await listArchive(contentDir);
  const cache = options.cacheFile
    ? new StatCache<CachedArticle>(options.cacheFile, validationCacheKey(`${topicsText ?? ''}\0${authorsText}`))
    : undefined;
  const facts: ArticleFacts[] = [];
  // Synchronous reads: for many small files they cost a fraction of promise-based ones.
  // Files an article links (an image beside it) are served with it; any other is stray.
  const linked = new Set<string>();
  for (const path of listing.articles) {
    const result = articleResult(contentDir, path, show(path), { topics, authors: authors.slugs }, cache);
    problems.push(...result.problems);
    if (result.fact) facts.push(result.fact);
    for (const link of result.links) linked.add(link);
  }
  for (const other of listing.others.filter((path) => !linked.has(path)))
    problems.push({
      file: show(other),
      line: 1,
      column: 1,
      message: 'у теці статей лежить файл, що не є статтею (.md/.mdx) і на який не посилається жодна стаття',
      fix: 'Перенесіть його до public/, пошліться на нього зі статті поруч (![Опис](./файл.png)) або видаліть.',
      rule: 'stray-file',
      severity: 'warning',
    });
  crossChecks(facts, problems);
  cache?.save();
  return sortProblems(problems);
}
