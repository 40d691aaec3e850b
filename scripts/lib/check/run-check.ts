import { readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { validateArchive } from '#lib/archive/validate-archive.ts';
import { validateTopics } from '#lib/archive/validate-topics.ts';
import { validateAuthors } from '#lib/archive/validate-authors.ts';
import { AUTHORS_FILE } from '#lib/archive/authors.ts';
import { readArchive } from '#lib/archive/read-article-files.ts';
import { archiveRules, type CheckedArticle } from './archive-rules.ts';
import { bodyRules } from './body-rules.ts';
import { dateProblems } from './date-rules.ts';
import type { Edit } from './edits.ts';
import { placeholderProblems } from './placeholder.ts';
import { sortProblems, type Problem } from '#lib/problems.ts';
import { checkServedFiles } from '#lib/safety/served-files.ts';
import { archiveDay } from '#lib/text/dates.ts';
import { frontMatterTypography } from './typography-rule.ts';

/**
 * The whole of `npm run check` without the printing: the archive validator
 * shared with the build (front matter, schema, topics, paths, ids, aliases)
 * and the contributor rules of this folder (safety, typography, links,
 * dates, empty bodies, near duplicates), over every article, in one pass;
 * and the files the site serves as they are (`public/` and the local files
 * articles link), by the build's own rules (`#lib/safety/served-files.ts`).
 * Returns all problems (sorted) and the edits that `--fix` may apply.
 */
export interface CheckResult {
  problems: Problem[];
  edits: Edit[];
  articleCount: number;
}

export interface CheckOptions {
  /** Archive folder holding `articles/` and `topics.yaml`. */
  root: string;
  /** Today as `YYYY-MM-DD` (dates after it are in the future); the day in Kyiv by default. */
  today?: string;
  /** Paths in problems are shown relative to this folder. */
  cwd?: string;
  /** Folder of the files the site serves as they are, relative to `cwd`; `ARKHIV_PUBLIC` or `public` by default, as the build. */
  publicDir?: string;
}

async function topicSlugs(root: string, cwd: string): Promise<Set<string>> {
  const file = join(root, 'topics.yaml');
  const text = await readFile(file, 'utf8').catch(() => '');
  return validateTopics(text, relative(cwd, file)).slugs;
}

/** The slugs of the archive's valid authors (none without authors.yaml); the file's own problems are the validator's. */
async function authorSlugs(root: string, cwd: string): Promise<Set<string>> {
  const file = join(root, AUTHORS_FILE);
  const text = await readFile(file, 'utf8').catch(() => '');
  return validateAuthors(text, relative(cwd, file)).slugs;
}

export async function runCheck(options: CheckOptions): Promise<CheckResult> {
  const cwd = options.cwd ?? process.cwd();
  const today = options.today ?? archiveDay();
  const problems: Problem[] = await validateArchive(options.root, { relativeTo: cwd });
  // The files are read once more, with positions for the rules and fixes; the reader's problems came with validateArchive's.
  const archive = await readArchive(options.root, cwd);
  const edits: Edit[] = [];
  const checked: CheckedArticle[] = [];
  for (const file of archive.articles) {
    problems.push(...dateProblems(file, today), ...placeholderProblems(file));
    const typography = frontMatterTypography(file);
    const body = bodyRules(file);
    problems.push(...typography.problems, ...body.problems);
    edits.push(...typography.edits, ...body.edits);
    checked.push({ file, links: body.links, plainText: body.plainText });
  }
  problems.push(...archiveRules(checked, { topics: await topicSlugs(options.root, cwd), authors: await authorSlugs(options.root, cwd) }));
  const publicDir = resolve(cwd, options.publicDir ?? process.env.ARKHIV_PUBLIC ?? 'public');
  const articles = archive.articles.map((file) => ({ path: resolve(file.path), text: file.text, format: file.format }));
  problems.push(...(await checkServedFiles({ publicDir, relativeTo: cwd, articles })));
  return { problems: sortProblems(problems), edits, articleCount: archive.articles.length };
}
