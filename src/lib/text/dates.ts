import { t, type StringKey } from '../../i18n/uk.ts';

/** A calendar day of the archive, taken from the article's path (`2022/01/11/slug`), never shifted by time zones. */
export interface Day {
  year: number;
  /** 1–12. */
  month: number;
  /** 1–31. */
  day: number;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** The archive's calendar: an instant (a time with an offset) is filed under its date in Kyiv. */
export const ARCHIVE_TIME_ZONE = 'Europe/Kyiv';

const archiveDayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: ARCHIVE_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * `YYYY-MM-DD` of an instant in Kyiv, where the archive's dates are set; by
 * default «today», so that an article created after midnight in Kyiv is not
 * «in the future» while the UTC day is still the previous one.
 */
export function archiveDay(instant: Date | number = new Date()): string {
  return archiveDayFormat.format(instant);
}

/**
 * `YYYY-MM-DD` of a front-matter date: a bare date as written (YAML reads it
 * as midnight UTC), an instant by its date in Kyiv (as the ingest files it).
 */
export function frontMatterDay(value: Date): string {
  const iso = value.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : archiveDay(value);
}

/** `2022-01-11`: the ISO form of a day. */
export function isoDay({ year, month, day }: Day): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** `2022-01`: the ISO form of a month, also a sortable key. */
export function isoMonth(year: number, month: number): string {
  return `${year}-${pad(month)}`;
}

/** Month name in the nominative (`січень`), as in headings «Січень 2026». */
export function monthNominative(month: number): string {
  return t(`month.nominative.${month}` as StringKey);
}

/** Month name in the genitive (`січня`), as in dates «11 січня 2026». */
export function monthGenitive(month: number): string {
  return t(`month.genitive.${month}` as StringKey);
}

function capitalise(word: string): string {
  return word.charAt(0).toLocaleUpperCase('uk') + word.slice(1);
}

/** A date as Ukrainians write it in text: «11 січня 2022». */
export function formatDay(day: Day): string {
  return `${day.day} ${monthGenitive(day.month)} ${day.year}`;
}

/** A day without the year, for lists inside one year: «11 січня». */
export function formatDayShort(day: Pick<Day, 'month' | 'day'>): string {
  return `${day.day} ${monthGenitive(day.month)}`;
}

/** A month as a heading: «Січень 2022». */
export function formatMonth(year: number, month: number): string {
  return `${capitalise(monthNominative(month))} ${year}`;
}

/** The month name alone, capitalised for a heading or a calendar cell: «Січень». */
export function formatMonthName(month: number): string {
  return capitalise(monthNominative(month));
}

/** Days in a month of the Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `YYYY-MM-DD` if the parts form a real calendar date in a sane range (1800–2200), else `undefined`. */
export function calendarDate(year: number, month: number, day: number): string | undefined {
  if (year < 1800 || year > 2200 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** ISO weekday of a day: 1 = Monday … 7 = Sunday. */
export function weekday(day: Day): number {
  return ((new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay() + 6) % 7) + 1;
}

/**
 * The weeks of a month as rows of seven cells, Monday first (the Ukrainian
 * calendar); cells outside the month are `null`.
 */
export function calendarWeeks(year: number, month: number): Array<Array<number | null>> {
  const lead = weekday({ year, month, day: 1 }) - 1;
  const cells: Array<number | null> = [...Array<null>(lead).fill(null)];
  for (let d = 1; d <= daysInMonth(year, month); d += 1) cells.push(d);
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: Array<Array<number | null>> = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/**
 * An instant as ISO 8601 for machines (`datetime`, JSON-LD, Open Graph):
 * a bare date when the front matter gave no time of day, else the full UTC time.
 */
export function isoInstant(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z');
}

/** The calendar day of a `Date` in UTC, as front matter dates (`2022-01-11`) are read. */
export function dayOf(date: Date): Day {
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}
