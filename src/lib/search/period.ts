/**
 * Time filters over Pagefind's filters, which match exact values only. Every
 * article page carries two values of the `period` filter: its month
 * (`2022-03`) and its day (`2022-03-15`). A range of days is asked for as
 * `any` of the fewest such values that cover it exactly: the days of the
 * months it only partly covers, and the whole months between them. So a
 * range is exact to the day, costs one filter, and needs no page's fragment.
 */

export const PERIOD_FILTER = 'period';

/** A range of days, both ends included, as ISO dates (`2022-03-15`). */
export interface DayRange {
  from: string;
  to: string;
}

/**
 * Where a range with an open end stops: the covering values of an open end
 * are months, so the bounds cost a few hundred values, not tens of thousands
 * of days. An article dated outside them is found by a closed range only.
 */
export const EARLIEST_DAY = '1900-01-01';
export const LATEST_DAY = '2099-12-31';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Whether `text` is a real calendar day written `YYYY-MM-DD`. */
export function isDay(text: string): boolean {
  const match = DAY.exec(text);
  if (!match) return false;
  const date = new Date(0);
  // `setUTCFullYear`, unlike `Date.UTC`, keeps years below 100 as they are.
  date.setUTCFullYear(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return date.toISOString().slice(0, 10) === text;
}

/** Whether `text` is a month written `YYYY-MM`. */
export function isMonth(text: string): boolean {
  return MONTH.test(text);
}

/** The `period` values of an article dated `date` (`YYYY-MM-DD`): its month and its day. */
export function periodValues(date: string): [month: string, day: string] {
  return [date.slice(0, 7), date.slice(0, 10)];
}

function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** The first and last day of a month (`2024-02` → 2024-02-01 to 2024-02-29). */
export function monthRange(month: string): DayRange {
  const [year, number] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, number, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/**
 * The `period` values that together hold exactly the days of `range`: whole
 * months as months, the other days one by one. Empty when `from` is after `to`.
 */
export function coverRange(range: DayRange): string[] {
  const values: string[] = [];
  let day = range.from;
  while (day <= range.to) {
    const month = monthRange(day.slice(0, 7));
    if (day === month.from && month.to <= range.to) {
      values.push(day.slice(0, 7));
      day = nextDay(month.to);
    } else {
      values.push(day);
      day = nextDay(day);
    }
  }
  return values;
}
