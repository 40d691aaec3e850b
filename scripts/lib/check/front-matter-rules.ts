import { articleSchema } from '../../../src/schemas/article.ts';
import { keyPlace, type ArticleFile } from './archive-files.ts';
import { problem, type Problem } from './problem.ts';

/**
 * Front matter and path rules of one article: the schema of
 * `src/schemas/article.ts` (the same one the site builds with), a path that
 * is a valid URL, a date that agrees with the path and is not in the future,
 * and topics that exist in `topics.yaml`.
 */

const FIELD_HELP: Record<string, string> = {
  title: 'заголовок без крапки в кінці',
  date: 'дата публікації у вигляді 2022-01-11',
  summary: 'лід: одне-два речення про головне',
  id: 'ідентифікатор sha256:<16 цифр>; для нової статті його створює npm run new',
  topics: 'список тем зі content/topics.yaml, наприклад [ukraina, ekonomika]',
};

const ENTRY_PATH = /^(\d{4})\/(\d{2})\/(\d{2})\/([^/]+)\.mdx?$/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** `YYYY-MM-DD` of a front matter date as the site reads it (a calendar date, or the UTC day of a date-time). */
export function calendarDay(value: unknown): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return undefined;
  const date = new Date(value.trim());
  if (Number.isNaN(date.getTime())) return undefined;
  return /^\d{4}-\d{2}-\d{2}$/.test(value.trim()) ? value.trim() : date.toISOString().slice(0, 10);
}

function schemaProblems(file: ArticleFile, data: Record<string, unknown>): Problem[] {
  const result = articleSchema.safeParse(data);
  if (result.success) return [];
  const problems: Problem[] = [];
  for (const issue of result.error.issues) {
    const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
    const field = path.join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        problems.push(problem(file.shown, keyPlace(file, [...path, key]), 'schema', `Невідоме поле «${key}» у front matter`, `Приберіть його або виправте назву; дозволені поля: ${Object.keys(articleSchema.shape).join(', ')}.`));
      }
      continue;
    }
    if (field === 'date' && data.date === undefined) continue; // reported as missing-date
    const missing = issue.code === 'invalid_type' && path.reduce<unknown>((value, key) => (value as Record<string | number, unknown> | undefined)?.[key], data) === undefined;
    const message = missing ? `Бракує обовʼязкового поля «${field}»` : `Поле «${field}»: ${issue.message}`;
    const help = FIELD_HELP[String(path[0])];
    problems.push(problem(file.shown, keyPlace(file, path), 'schema', message, help ? `Вкажіть ${field}: ${help}.` : 'Див. опис полів у CONTRIBUTING.md.'));
  }
  return problems;
}

/** All front matter and path problems of one article. `today` is `YYYY-MM-DD`. */
export function frontMatterProblems(file: ArticleFile, topics: ReadonlySet<string>, today: string): Problem[] {
  const problems: Problem[] = [];
  const at = (path: Array<string | number>) => keyPlace(file, path);
  const entry = ENTRY_PATH.exec(file.entry);
  if (!entry) {
    problems.push(problem(file.shown, undefined, 'path', `Стаття лежить не там: «articles/${file.entry}»`, 'Шлях має вигляд content/articles/рррр/мм/дд/слаг.md — створіть статтю командою npm run new.'));
  } else if (!SLUG.test(entry[4]!)) {
    problems.push(problem(file.shown, undefined, 'path', `Слаг «${entry[4]}» у назві файлу не годиться для адреси`, 'Назва файлу — малі латинські літери, цифри й дефіси (транслітерація заголовка; npm run new робить її сама).'));
  }
  const data = file.data;
  if (!data) return problems;
  problems.push(...schemaProblems(file, data));

  const day = calendarDay(data.date);
  if (data.date === undefined) {
    problems.push(problem(file.shown, { line: 1, column: 1 }, 'missing-date', 'Бракує дати публікації (date)', 'Додайте рядок date: рррр-мм-дд з датою, що збігається з теками шляху.'));
  } else if (day && entry) {
    const pathDay = `${entry[1]}-${entry[2]}-${entry[3]}`;
    if (pathDay !== day) problems.push(problem(file.shown, at(['date']), 'date-path', `Дата ${day} не збігається з шляхом файлу (${pathDay})`, `Виправте date на ${pathDay} або перенесіть файл у теку ${day.replaceAll('-', '/')}/.`));
  }
  if (day && day > today) problems.push(problem(file.shown, at(['date']), 'future-date', `Дата ${day} ще не настала`, 'Архів містить лише опубліковане: вкажіть справжню дату публікації.'));
  const updated = calendarDay(data.updated);
  if (updated && updated > today) problems.push(problem(file.shown, at(['updated']), 'future-date', `Дата оновлення ${updated} ще не настала`, 'Вкажіть дату, коли статтю справді виправили.'));
  if (updated && day && updated < day) problems.push(problem(file.shown, at(['updated']), 'updated-date', `Дата оновлення ${updated} раніша за дату публікації ${day}`, 'updated — це день виправлення, він не може бути раніше за date.'));

  const sourceUrl = (data.source as { url?: unknown } | undefined)?.url;
  // The schema accepts any URL, `javascript:` included; a source link on the page must be a web address.
  if (typeof sourceUrl === 'string' && !/^https?:\/\//i.test(sourceUrl.trim())) {
    problems.push(problem(file.shown, at(['source', 'url']), 'unsafe-url', `Адреса джерела має починатися з https:// (тут «${String(sourceUrl).slice(0, 40)}»)`, 'Вкажіть повну адресу оригіналу: https://…'));
  }

  if (Array.isArray(data.topics)) {
    data.topics.forEach((topic, index) => {
      if (typeof topic !== 'string' || topics.has(topic)) return;
      const near = closest(topic, topics);
      problems.push(problem(file.shown, at(['topics', index]), 'unknown-topic', `Теми «${topic}» немає в content/topics.yaml`, near ? `Можливо, ви мали на увазі «${near}»? Інакше додайте тему до content/topics.yaml.` : 'Виберіть тему з content/topics.yaml або додайте нову туди.'));
    });
  }
  return problems;
}

/** The known slug closest to `word` by edit distance, if it is close enough to be a typo. */
function closest(word: string, candidates: ReadonlySet<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(word, candidate);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}
