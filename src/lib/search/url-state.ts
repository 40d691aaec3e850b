import type { PagefindSearchOptions } from './pagefind-types.ts';
import { coverRange, EARLIEST_DAY, isDay, isMonth, LATEST_DAY, monthRange, PERIOD_FILTER, type DayRange } from './period.ts';

/**
 * What the search page shows, kept in its URL so that a search can be
 * linked, reloaded and walked back through:
 * `search/?q=переговори&topic=Війна&topic=Дипломатія&author=Олена+Петренко&year=2022&month=2022-03&from=2022-03-01&to=2022-03-15&sort=date`.
 */
export interface SearchState {
  query: string;
  /** Topic names; a result needs any one of them. */
  topics: string[];
  /** Author names; a result needs any one of them. */
  authors: string[];
  /** Years (`2022`); a result needs any one of them. */
  years: string[];
  /** A month (`2022-03`), or `''`. A month and a range are one period: with a month, the range is ignored. */
  month: string;
  /** First day of a range (`2022-03-01`), or `''` for no lower bound. */
  from: string;
  /** Last day of a range, included, or `''` for no upper bound. */
  to: string;
  sort: 'relevance' | 'date';
}

export const EMPTY_STATE: SearchState = { query: '', topics: [], authors: [], years: [], month: '', from: '', to: '', sort: 'relevance' };

/** A day a range may start or end on: a real day within the bounds of an open range. */
function rangeDay(text: string): boolean {
  return isDay(text) && text >= EARLIEST_DAY && text <= LATEST_DAY;
}

function distinct(values: readonly string[]): string[] {
  return [...new Set(values.map((v) => v.trim()).filter(Boolean))];
}

/** The first value of a parameter that passes `valid`, or `''`. */
function first(params: URLSearchParams, name: string, valid: (value: string) => boolean): string {
  return (
    params
      .getAll(name)
      .map((v) => v.trim())
      .find(valid) ?? ''
  );
}

/**
 * Reads the state from a URL's query string; unknown or malformed parameters
 * are ignored (a day outside `EARLIEST_DAY`–`LATEST_DAY` too), a range given
 * backwards is turned round, and a month drops the range.
 */
export function parseState(search: string | URLSearchParams): SearchState {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const month = first(params, 'month', isMonth);
  let from = month ? '' : first(params, 'from', rangeDay);
  let to = month ? '' : first(params, 'to', rangeDay);
  if (from && to && from > to) [from, to] = [to, from];
  return {
    query: (params.get('q') ?? '').trim(),
    topics: distinct(params.getAll('topic')),
    authors: distinct(params.getAll('author')),
    years: distinct(params.getAll('year')).filter((y) => /^\d{4}$/.test(y)),
    month,
    from,
    to,
    sort: params.get('sort') === 'date' ? 'date' : 'relevance',
  };
}

/** The query string for a state (`?q=…`), or `''` for the empty state; parameters in a fixed order. */
export function stateToSearch(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.query) params.set('q', state.query);
  for (const topic of state.topics) params.append('topic', topic);
  for (const author of state.authors) params.append('author', author);
  for (const year of state.years) params.append('year', year);
  if (state.month) params.set('month', state.month);
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  if (state.sort === 'date') params.set('sort', 'date');
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function sameState(a: SearchState, b: SearchState): boolean {
  return stateToSearch(a) === stateToSearch(b);
}

/** The days the state's month or range holds (open ends reach `EARLIEST_DAY`, `LATEST_DAY`), or `null` when it sets neither. */
export function stateRange(state: SearchState): DayRange | null {
  if (state.month) return monthRange(state.month);
  if (!state.from && !state.to) return null;
  return { from: state.from || EARLIEST_DAY, to: state.to || LATEST_DAY };
}

/** Whether the state sets a time filter: a year, a month or a range. */
function hasTimeFilter(state: SearchState): boolean {
  return state.years.length > 0 || stateRange(state) !== null;
}

/** Whether the state asks for any results: a query, or a filter to list by. */
export function hasSearch(state: SearchState): boolean {
  return state.query !== '' || state.topics.length > 0 || state.authors.length > 0 || hasTimeFilter(state);
}

/** Pagefind's filters and sort for a state; a month or range becomes `any` of the `period` values that cover it. */
export function pagefindOptions(state: SearchState): PagefindSearchOptions {
  const filters: Record<string, { any: string[] }> = {};
  if (state.topics.length > 0) filters.topic = { any: state.topics };
  if (state.authors.length > 0) filters.author = { any: state.authors };
  if (state.years.length > 0) filters.year = { any: state.years };
  const range = stateRange(state);
  if (range) filters[PERIOD_FILTER] = { any: coverRange(range) };
  return { filters, sort: state.sort === 'date' ? { date: 'desc' } : {} };
}

/** The filter values a state selects, by filter name (`pagefindOptions`' `any` lists), as `allowedPages` (`facets.ts`) takes them. */
export function selectedFilters(state: SearchState): Record<string, string[]> {
  const { filters = {} } = pagefindOptions(state);
  return Object.fromEntries(
    Object.entries(filters).map(([name, filter]) => [name, typeof filter === 'object' && 'any' in filter ? filter.any : []]),
  );
}
