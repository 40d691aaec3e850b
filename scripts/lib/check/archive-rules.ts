import type { ArticleFile } from '#lib/archive/read-article-files.ts';
import type { InternalLink } from './body-rules.ts';
import { NearDuplicateIndex } from '../ingest/near-duplicates.ts';
import { PLACEHOLDER_MARK } from './placeholder.ts';
import { problem, type Problem } from '#lib/problems.ts';

/**
 * Rules that need the whole archive: near-duplicate texts (with the ingest's
 * index, so check and ingest agree on what a repost is) and internal links to
 * pages that do not exist (a topic without articles has no page; every author
 * of authors.yaml has one). Clashing ids, addresses and aliases are the archive
 * validator's (`src/lib/archive/validate-archive.ts`).
 */

export interface CheckedArticle {
  file: ArticleFile;
  links: InternalLink[];
  plainText: string;
}

const ARTICLE_LINK = /^\/(\d{4})\/(\d{2})\/(\d{2})\/([^/]+)(\/?)$/;
const PERIOD_LINK = /^\/(\d{4})\/(?:(\d{2})\/(?:(\d{2})\/)?)?$/;
const TOPIC_LINK = /^\/topics\/([^/]+)(\/?)(?:\d+\/|rss\.xml)?$/;
const AUTHOR_LINK = /^\/authors\/([^/]+)(\/?)(?:\d+\/|rss\.xml)?$/;

/** The slugs of the archive's topics (content/topics.yaml) and authors (content/authors.yaml). */
export interface ArchiveSlugs {
  topics: ReadonlySet<string>;
  authors: ReadonlySet<string>;
}

function nearDuplicates(articles: readonly CheckedArticle[]): Problem[] {
  const problems: Problem[] = [];
  const index = new NearDuplicateIndex<number>((at) => articles[at]!.plainText);
  articles.forEach((article, at) => {
    // Fresh articles from `npm run new` share their placeholder text; the placeholder rule reports them.
    if (article.plainText.includes(PLACEHOLDER_MARK) || article.plainText.trim() === '') return;
    const match = index.find(article.plainText);
    if (match) {
      const similarity = Math.max(match.jaccard, match.containment);
      // A warning: two reports of one event can legitimately read alike; a person decides.
      problems.push(
        problem(
          article.file.shown,
          undefined,
          'near-duplicate',
          `Текст майже збігається (${Math.round(similarity * 100)} %) з ${articles[match.key]!.file.shown}`,
          'Якщо це та сама новина, залиште одну статтю, а адресу іншої додайте до її aliases.',
          { severity: 'warning' },
        ),
      );
    }
    index.add(at, article.plainText);
  });
  return problems;
}

function brokenLinks(articles: readonly CheckedArticle[], { topics, authors }: ArchiveSlugs): Problem[] {
  const pages = new Set<string>();
  const periods = new Set<string>();
  // Topics with an article: only these have a page (see publishedTopics in src/lib/archive/topic-index.ts).
  const published = new Set<string>();
  for (const { file } of articles) {
    pages.add(file.id);
    if (Array.isArray(file.data?.topics)) for (const slug of file.data.topics) if (typeof slug === 'string') published.add(slug);
    const [year, month, day] = file.id.split('/');
    periods.add(`${year}`).add(`${year}/${month}`).add(`${year}/${month}/${day}`);
    if (Array.isArray(file.data?.aliases))
      for (const alias of file.data.aliases) if (typeof alias === 'string') pages.add(alias.replace(/^\/|\/$/g, ''));
  }
  const problems: Problem[] = [];
  for (const { file, links } of articles) {
    for (const link of links) {
      const path = link.url.replace(/[?#].*$/, '');
      const article = ARTICLE_LINK.exec(path);
      const period = PERIOD_LINK.exec(path);
      const topic = TOPIC_LINK.exec(path);
      const author = AUTHOR_LINK.exec(path);
      const report = (message: string, fix: string) => problems.push(problem(file.shown, link.place, 'broken-link', message, fix));
      if (article) {
        const id = `${article[1]}/${article[2]}/${article[3]}/${article[4]}`;
        if (!pages.has(id))
          report(
            `Посилання ${link.url} веде на статтю, якої немає в архіві`,
            'Перевірте дату й слаг: адреса статті — це її шлях у content/articles/ без розширення.',
          );
        else if (!article[5])
          report(`Посиланню ${link.url} бракує скісної риски в кінці`, `Напишіть ${path}/ — адреси сайту закінчуються на /.`);
      } else if (period) {
        const key = [period[1], period[2], period[3]].filter(Boolean).join('/');
        if (!periods.has(key)) report(`Посилання ${link.url} веде на період, за який в архіві немає статей`, 'Перевірте дату в посиланні.');
      } else if (topic) {
        if (!topics.has(topic[1]!))
          report(`Посилання ${link.url} веде на тему, якої немає в content/topics.yaml`, 'Перевірте слаг теми в content/topics.yaml.');
        else if (!published.has(topic[1]!)) {
          report(
            `Посилання ${link.url} веде на тему без жодної статті: її сторінка зʼявиться лише з першою статтею`,
            'Додайте цю тему до статті, про яку посилання, або приберіть посилання.',
          );
        } else if (!topic[2])
          report(`Посиланню ${link.url} бракує скісної риски в кінці`, `Напишіть ${path}/ — адреси сайту закінчуються на /.`);
      } else if (author) {
        if (!authors.has(author[1]!))
          report(
            `Посилання ${link.url} веде на автора, якого немає в content/authors.yaml`,
            'Перевірте слаг автора в content/authors.yaml.',
          );
        else if (!author[2])
          report(`Посиланню ${link.url} бракує скісної риски в кінці`, `Напишіть ${path}/ — адреси сайту закінчуються на /.`);
      }
    }
  }
  return problems;
}

export function archiveRules(articles: readonly CheckedArticle[], slugs: ArchiveSlugs): Problem[] {
  return [...nearDuplicates(articles), ...brokenLinks(articles, slugs)];
}
