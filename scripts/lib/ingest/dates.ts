import * as chronoUk from 'chrono-node/uk';
import { archiveDay, calendarDate } from '#lib/text/dates.ts';

/**
 * Where an article's date comes from, in order of trust: the item's own
 * metadata, its file name, a full date (day, month and year) in its first
 * paragraphs, and only then `--date`. Every date that is not from metadata
 * is named in the report, so none is invented silently.
 */
export type DateSource = 'metadata' | 'file-name' | 'text' | 'option';

export interface ResolvedDate {
  /** `YYYY-MM-DD`. */
  date: string;
  source: DateSource;
  /** For the report: what the date was read from. */
  detail: string;
}

/**
 * A metadata date as `YYYY-MM-DD`: a date as written (`2022-01-11`,
 * `11.01.2022`), or an instant (`2022-01-11T23:30:00+02:00`, RFC 822 as in
 * RSS) filed by its date in Kyiv. `undefined` when it is not a date.
 */
export function parseMetadataDate(value: string): string | undefined {
  const text = value.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (iso) return calendarDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  if (dotted) return calendarDate(Number(dotted[3]), Number(dotted[2]), Number(dotted[1]));
  // A time without an offset is local to the writer: its calendar date is the one written.
  const local = /^(\d{4})-(\d{2})-(\d{2})[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/.exec(text);
  if (local) return calendarDate(Number(local[1]), Number(local[2]), Number(local[3]));
  if (!/\d{4}/.test(text) || !/\d{1,2}:\d{2}|T|[A-Za-z]{3}/.test(text)) return undefined;
  const instant = Date.parse(text);
  return Number.isNaN(instant) ? undefined : archiveDay(instant);
}

export interface FileNameDate {
  date?: string;
  /** A year alone (`…_2016.txt`): a hint that text dates must agree with, never a date by itself. */
  year?: number;
}

/** A date in a file name (`2022-01-11-slug.md`, `news_20220111.txt`), or just a year (`A_Outlet_Title_2016.txt`). */
export function dateFromFileName(name: string): FileNameDate {
  const base = name.split(/[\\/]/).at(-1) ?? name;
  const full = /(?:^|[^\d])(\d{4})-(\d{2})-(\d{2})(?!\d)/.exec(base) ?? /(?:^|[_\-. ])(\d{4})(\d{2})(\d{2})(?=[_\-. ]|$)/.exec(base);
  if (full) {
    const date = calendarDate(Number(full[1]), Number(full[2]), Number(full[3]));
    if (date) return { date };
  }
  const year = /(?:^|[_\-. ])(1[89]\d\d|2[01]\d\d)(?:\(\d+\))?(?=[_\-. (]|$)/.exec(base.replace(/\.[^.]+$/, ''));
  return year ? { year: Number(year[1]) } : {};
}

/** How many paragraphs from the start are searched for a dateline. */
export const TEXT_DATE_PARAGRAPHS = 3;

/**
 * The first full date (day, month and a written four-digit year) in the first
 * paragraphs: «3 лютого 2026 року», «15.03.2016». «11 січня» or «вчора»
 * are not full dates. With a year hint, dates of other years are skipped;
 * with `latest` (`YYYY-MM-DD`), dates after it.
 */
export function dateFromText(
  paragraphs: readonly string[],
  yearHint?: number,
  latest?: string,
): { date: string; text: string } | undefined {
  for (const paragraph of paragraphs.slice(0, TEXT_DATE_PARAGRAPHS)) {
    for (const result of chronoUk.parse(paragraph)) {
      const { start } = result;
      if (!start.isCertain('day') || !start.isCertain('month') || !start.isCertain('year')) continue;
      const year = start.get('year');
      if (year === null || !new RegExp(`(?<!\\d)${year}(?!\\d)`).test(result.text)) continue;
      if (yearHint !== undefined && year !== yearHint) continue;
      const date = calendarDate(year, start.get('month')!, start.get('day')!);
      // A date still to come is what the news is about (a deadline, a plan), not when it was published.
      if (date && (latest === undefined || date <= latest)) return { date, text: result.text };
    }
  }
  return undefined;
}

export interface DateEvidence {
  metadata?: string;
  fileName: string;
  paragraphs: readonly string[];
  fallback?: string;
  /** `YYYY-MM-DD` of today; the day in Kyiv by default. The archive holds only what is published: a later date is an error. */
  today?: string;
}

function futureError(date: string, what: string): { error: string } {
  return { error: `${what} ${date} ще не настала: архів містить лише опубліковане. Виправте дату або імпортуйте новину після її виходу.` };
}

/** The article date by the order of trust above, or an error message saying what to do. */
export function resolveDate(evidence: DateEvidence): ResolvedDate | { error: string } {
  const today = evidence.today ?? archiveDay();
  if (evidence.metadata !== undefined) {
    const date = parseMetadataDate(evidence.metadata);
    if (date && date > today) return futureError(date, 'дата з метаданих');
    if (date) return { date, source: 'metadata', detail: `дата з метаданих «${evidence.metadata}»` };
    return { error: `дата «${evidence.metadata}» не розпізнана. Запишіть її як РРРР-ММ-ДД, наприклад 2026-01-26.` };
  }
  const fromName = dateFromFileName(evidence.fileName);
  if (fromName.date && fromName.date > today) return futureError(fromName.date, 'дата з назви файлу');
  if (fromName.date) return { date: fromName.date, source: 'file-name', detail: `дата з назви файлу` };
  const fromText = dateFromText(evidence.paragraphs, fromName.year, today);
  if (fromText) return { date: fromText.date, source: 'text', detail: `дата з тексту «${fromText.text}»` };
  const hint = fromName.year ? ` (назва файлу дає лише рік ${fromName.year}, це не повна дата)` : '';
  if (evidence.fallback && evidence.fallback > today) return futureError(evidence.fallback, 'дата з --date');
  if (evidence.fallback) {
    return {
      date: evidence.fallback,
      source: 'option',
      detail: `дата з --date ${evidence.fallback}: ні метадані, ні назва файлу, ні текст не дають повної дати${hint}`,
    };
  }
  return {
    error: `немає дати: ні метадані, ні назва файлу, ні текст не дають повної дати${hint}. Додайте дату до джерела або запустіть з --date РРРР-ММ-ДД.`,
  };
}
