import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { topicSchema } from '../../../src/schemas/topic.ts';
import { parseTaxonomy } from '../../../src/lib/taxonomy.ts';
import { readArchive } from './archive-files.ts';
import { archiveRules, type CheckedArticle } from './archive-rules.ts';
import { bodyRules } from './body-rules.ts';
import type { Edit } from './edits.ts';
import { frontMatterProblems } from './front-matter-rules.ts';
import { placeholderProblems } from './placeholder.ts';
import { problem, sortProblems, type Problem } from './problem.ts';
import { todayInKyiv } from './today.ts';
import { frontMatterTypography } from './typography-rule.ts';

/**
 * The whole of `npm run check` without the printing: every rule over every
 * article of one archive folder, in one pass. Returns all problems (sorted)
 * and the edits that `--fix` may apply.
 */
export interface CheckResult {
  problems: Problem[];
  edits: Edit[];
  articleCount: number;
}

export interface CheckOptions {
  /** Archive folder holding `articles/` and `topics.yaml`. */
  root: string;
  /** Today as `YYYY-MM-DD` (dates after it are in the future). */
  today?: string;
  /** Paths in problems are shown relative to this folder. */
  cwd?: string;
}

async function readTopics(file: string, cwd: string): Promise<{ topics: Set<string>; problems: Problem[] }> {
  const shown = relative(cwd, file);
  const text = await readFile(file, 'utf8').catch(() => null);
  if (text === null) return { topics: new Set(), problems: [problem(shown, undefined, 'topics-file', 'Немає файлу тем topics.yaml', 'Архів потребує content/topics.yaml зі списком тем.')] };
  try {
    const problems: Problem[] = [];
    const topics = new Set<string>();
    parseTaxonomy(text).forEach((topic, index) => {
      const parsed = topicSchema.safeParse(topic);
      if (parsed.success) topics.add(parsed.data.slug);
      else problems.push(problem(shown, undefined, 'topics-file', `Тема №${index + 1}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`, 'Кожна тема має slug, name, match (див. src/schemas/topic.ts).'));
    });
    return { topics, problems };
  } catch (error) {
    return { topics: new Set(), problems: [problem(shown, undefined, 'topics-file', `topics.yaml не читається: ${error instanceof Error ? error.message.split('\n')[0] : error}`, 'Виправте YAML у content/topics.yaml.')] };
  }
}

export async function runCheck(options: CheckOptions): Promise<CheckResult> {
  const cwd = options.cwd ?? process.cwd();
  const today = options.today ?? todayInKyiv();
  const { archive, problems } = await readArchive(options.root, cwd);
  const { topics, problems: topicProblems } = await readTopics(archive.topicsFile, cwd);
  problems.push(...topicProblems);
  const edits: Edit[] = [];
  const checked: CheckedArticle[] = [];
  for (const file of archive.articles) {
    problems.push(...frontMatterProblems(file, topics, today), ...placeholderProblems(file));
    const typography = frontMatterTypography(file);
    problems.push(...typography.problems);
    edits.push(...typography.edits);
    const body = bodyRules(file);
    problems.push(...body.problems);
    edits.push(...body.edits);
    checked.push({ file, links: body.links, plainText: body.plainText });
  }
  problems.push(...archiveRules(checked, topics));
  return { problems: sortProblems(problems), edits, articleCount: archive.articles.length };
}
