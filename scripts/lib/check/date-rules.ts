import { keyPlace, type ArticleFile } from '#lib/archive/read-article-files.ts';
import { problem, type Problem } from '#lib/problems.ts';
import { frontMatterDay } from '#lib/text/dates.ts';

/**
 * Dates a contributor can get wrong that the schema cannot judge: a
 * publication or correction date in the future, and a correction dated
 * before the article. (Missing, malformed and path-disagreeing dates are the
 * archive validator's, `src/lib/archive/validate-archive.ts`.)
 */

/** `YYYY-MM-DD` of a front matter date: a bare date as written, a date-time by its day in Kyiv. */
export function calendarDay(value: unknown): string | undefined {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value.trim())) return value.trim();
  const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value.trim()) : undefined;
  if (!date || Number.isNaN(date.getTime())) return undefined;
  return frontMatterDay(date);
}

/** `today` is `YYYY-MM-DD`. */
export function dateProblems(file: ArticleFile, today: string): Problem[] {
  const data = file.data;
  if (!data) return [];
  const problems: Problem[] = [];
  const day = calendarDay(data.date);
  const updated = calendarDay(data.updated);
  if (day && day > today)
    problems.push(
      problem(
        file.shown,
        keyPlace(file, ['date']),
        'future-date',
        `Дата ${day} ще не настала`,
        'Архів містить лише опубліковане: вкажіть справжню дату публікації.',
      ),
    );
  if (updated && updated > today)
    problems.push(
      problem(
        file.shown,
        keyPlace(file, ['updated']),
        'future-date',
        `Дата оновлення ${updated} ще не настала`,
        'Вкажіть дату, коли статтю справді виправили.',
      ),
    );
  if (updated && day && updated < day)
    problems.push(
      problem(
        file.shown,
        keyPlace(file, ['updated']),
        'updated-date',
        `Дата оновлення ${updated} раніша за дату публікації ${day}`,
        'updated — це день виправлення, він не може бути раніше за date.',
      ),
    );
  return problems;
}
