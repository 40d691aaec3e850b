import { keyPlace, type ArticleFile } from './archive-files.ts';
import type { InternalLink } from './body-rules.ts';
import { findNearDuplicates } from './near-duplicates.ts';
import { PLACEHOLDER_MARK } from './placeholder.ts';
import { problem, type Problem } from './problem.ts';

/**
 * Rules that need the whole archive: two articles with one id, one address
 * or one alias; near-duplicate texts; internal links to pages that do not exist.
 */

export interface CheckedArticle {
  file: ArticleFile;
  links: InternalLink[];
  plainText: string;
}

const ARTICLE_LINK = /^\/(\d{4})\/(\d{2})\/(\d{2})\/([^/]+)(\/?)$/;
const PERIOD_LINK = /^\/(\d{4})\/(?:(\d{2})\/(?:(\d{2})\/)?)?$/;
const TOPIC_LINK = /^\/topics\/([^/]+)(\/?)(?:\d+\/|rss\.xml)?$/;

function listOthers(files: readonly ArticleFile[], self: ArticleFile): string {
  return files.filter((other) => other !== self).map((other) => other.shown).join(', ');
}

function clashes(articles: readonly CheckedArticle[]): Problem[] {
  const problems: Problem[] = [];
  const byKey = (key: (file: ArticleFile) => string[]) => {
    const map = new Map<string, ArticleFile[]>();
    for (const { file } of articles) for (const value of key(file)) map.set(value, [...(map.get(value) ?? []), file]);
    return map;
  };
  for (const [id, files] of byKey((file) => (typeof file.data?.id === 'string' ? [file.data.id] : []))) {
    if (files.length < 2) continue;
    for (const file of files) problems.push(problem(file.shown, keyPlace(file, ['id']), 'duplicate-id', `Той самий id ${id} має й ${listOthers(files, file)}`, 'Це та сама стаття двічі: залиште один файл, а адресу іншого додайте до його aliases.'));
  }
  for (const [id, files] of byKey((file) => [file.id])) {
    if (files.length < 2) continue;
    for (const file of files) problems.push(problem(file.shown, undefined, 'slug-clash', `Адресу /${id}/ має й ${listOthers(files, file)}`, 'Залиште один файл (.md або .mdx) або змініть слаг одного з них.'));
  }
  const ids = new Set(articles.map(({ file }) => `/${file.id}/`));
  for (const [alias, files] of byKey((file) => (Array.isArray(file.data?.aliases) ? file.data.aliases.filter((a): a is string => typeof a === 'string') : []))) {
    for (const file of files) {
      const index = (file.data!.aliases as unknown[]).indexOf(alias);
      if (ids.has(alias)) problems.push(problem(file.shown, keyPlace(file, ['aliases', index]), 'slug-clash', `Стара адреса ${alias} належить чинній статті`, 'Приберіть її з aliases: перенаправлення затулило б справжню статтю.'));
      else if (files.length > 1) problems.push(problem(file.shown, keyPlace(file, ['aliases', index]), 'slug-clash', `Стару адресу ${alias} мають у aliases і ${listOthers(files, file)}`, 'Стара адреса веде лише на одну статтю: залиште її в одному файлі.'));
    }
  }
  return problems;
}

function nearDuplicates(all: readonly CheckedArticle[]): Problem[] {
  // Fresh articles from `npm run new` share their placeholder text; the placeholder rule reports them.
  const articles = all.filter((article) => !article.plainText.includes(PLACEHOLDER_MARK));
  return findNearDuplicates(articles.map((article) => article.plainText)).map(({ a, b, similarity }) => {
    const [first, second] = [articles[a]!.file, articles[b]!.file];
    return problem(second.shown, undefined, 'near-duplicate', `Текст майже збігається (${Math.round(similarity * 100)} %) з ${first.shown}`, 'Якщо це та сама новина, залиште одну статтю, а адресу іншої додайте до її aliases.');
  });
}

function brokenLinks(articles: readonly CheckedArticle[], topics: ReadonlySet<string>): Problem[] {
  const pages = new Set<string>();
  const periods = new Set<string>();
  for (const { file } of articles) {
    pages.add(file.id);
    const [year, month, day] = file.id.split('/');
    periods.add(`${year}`).add(`${year}/${month}`).add(`${year}/${month}/${day}`);
    if (Array.isArray(file.data?.aliases)) for (const alias of file.data.aliases) if (typeof alias === 'string') pages.add(alias.replace(/^\/|\/$/g, ''));
  }
  const problems: Problem[] = [];
  for (const { file, links } of articles) {
    for (const link of links) {
      const path = link.url.replace(/[?#].*$/, '');
      const article = ARTICLE_LINK.exec(path);
      const period = PERIOD_LINK.exec(path);
      const topic = TOPIC_LINK.exec(path);
      const report = (message: string, fix: string) => problems.push(problem(file.shown, link.place, 'broken-link', message, fix));
      if (article) {
        const id = `${article[1]}/${article[2]}/${article[3]}/${article[4]}`;
        if (!pages.has(id)) report(`Посилання ${link.url} веде на статтю, якої немає в архіві`, 'Перевірте дату й слаг: адреса статті — це її шлях у content/articles/ без розширення.');
        else if (!article[5]) report(`Посиланню ${link.url} бракує скісної риски в кінці`, `Напишіть ${path}/ — адреси сайту закінчуються на /.`);
      } else if (period) {
        const key = [period[1], period[2], period[3]].filter(Boolean).join('/');
        if (!periods.has(key)) report(`Посилання ${link.url} веде на період, за який в архіві немає статей`, 'Перевірте дату в посиланні.');
      } else if (topic) {
        if (!topics.has(topic[1]!)) report(`Посилання ${link.url} веде на тему, якої немає в content/topics.yaml`, 'Перевірте слаг теми в content/topics.yaml.');
        else if (!topic[2]) report(`Посиланню ${link.url} бракує скісної риски в кінці`, `Напишіть ${path}/ — адреси сайту закінчуються на /.`);
      }
    }
  }
  return problems;
}

export function archiveRules(articles: readonly CheckedArticle[], topics: ReadonlySet<string>): Problem[] {
  return [...clashes(articles), ...nearDuplicates(articles), ...brokenLinks(articles, topics)];
}
