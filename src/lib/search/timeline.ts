import type { FilterCounts } from './pagefind-types.ts';
import { isMonth, PERIOD_FILTER } from './period.ts';
import { EMPTY_STATE, selectedFilters, stateRange, type SearchState } from './url-state.ts';

/**
 * The timeline above the search results: how many results of the query fall
 * in each year, or in each month of the one year the time filters lie in.
 * Its counts (`year`, and the months of `period`) are taken among the
 * query's results that pass the other filters (`timelineSelection`): a
 * topic or author chosen narrows the bars, while the time filters are
 * ignored, so that every bar stays a way to another period.
 */
export interface TimelineBar {
  /** A year (`2022`) or a month (`2022-03`). */
  period: string;
  count: number;
  /** Whether the state's time filter is this period. */
  current: boolean;
}

export interface Timeline {
  unit: 'year' | 'month';
  /** The year of the months, or `''` for years. */
  year: string;
  /** In time order, without gaps: a year or month between two others is a bar, empty or not. */
  bars: TimelineBar[];
  /** The largest count: a bar of this count is drawn at full height. */
  max: number;
}

/**
 * The filter values the timeline's counts honour, as `allowedPages`
 * (`facets.ts`) takes them: the state's filters without its years, month
 * and range.
 */
export function timelineSelection(state: SearchState): Record<string, string[]> {
  return selectedFilters(withoutTime(state));
}

/** The one year that the chosen years, month or range lie in, or `''`. */
export function timelineYear(state: SearchState): string {
  if (state.years.length > 0) return state.years.length === 1 ? state.years[0]! : '';
  const range = stateRange(state);
  if (!range) return '';
  const year = range.from.slice(0, 4);
  return year === range.to.slice(0, 4) ? year : '';
}

/** The bars for the timeline's counts (see above) and the state's time filters; `null` when there is no result in any period. */
export function timelineOf(counts: FilterCounts, state: SearchState): Timeline | null {
  const year = timelineYear(state);
  let bars: TimelineBar[];
  if (year) {
    const months = counts[PERIOD_FILTER] ?? {};
    bars = Array.from({ length: 12 }, (_, i) => {
      const period = `${year}-${String(i + 1).padStart(2, '0')}`;
      return { period, count: months[period] ?? 0, current: state.month === period };
    });
  } else {
    const years = Object.entries(counts.year ?? {}).filter(([value, count]) => /^\d{4}$/.test(value) && count > 0);
    const numbers = years.map(([value]) => Number(value));
    const found = new Map(years);
    bars = [];
    for (let y = Math.min(...numbers); y <= Math.max(...numbers); y++) {
      const period = String(y);
      bars.push({ period, count: found.get(period) ?? 0, current: false });
    }
  }
  const max = Math.max(0, ...bars.map((bar) => bar.count));
  return max > 0 ? { unit: year ? 'month' : 'year', year, bars, max } : null;
}

/** The state a bar's link opens: the same search, with the bar's year or month as its only time filter. */
export function barState(state: SearchState, period: string): SearchState {
  const untimed = withoutTime(state);
  return isMonth(period) ? { ...untimed, month: period } : { ...untimed, years: [period] };
}

/** The same search without year, month or range. */
export function withoutTime(state: SearchState): SearchState {
  return { ...state, years: EMPTY_STATE.years, month: EMPTY_STATE.month, from: EMPTY_STATE.from, to: EMPTY_STATE.to };
}
