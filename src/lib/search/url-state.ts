import type { PagefindSearchOptions } from './pagefind-types.ts';

/**
 * What the search page shows, kept in its URL so that a search can be
 * linked, reloaded and walked back through:
 * `search/?q=переговори&topic=Війна&topic=Дипломатія&year=2022&sort=date`.
 */
export interface SearchState {
  query: string;
  /** Topic names; a result needs any one of them. */
  topics: string[];
  /** Years (`2022`); a result needs any one of them. */
  years: string[];
  sort: 'relevance' | 'date';
}

export const EMPTY_STATE: SearchState = { query: '', topics: [], years: [], sort: 'relevance' };

function distinct(values: readonly string[]): string[] {
  return [...new Set(values.map((v) => v.trim()).filter(Boolean))];
}

/** Reads the state from a URL's query string; unknown or malformed parameters are ignored. */
export function parseState(search: string | URLSearchParams): SearchState {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  return {
    query: (params.get('q') ?? '').trim(),
    topics: distinct(params.getAll('topic')),
    years: distinct(params.getAll('year')).filter((y) => /^\d{4}$/.test(y)),
    sort: params.get('sort') === 'date' ? 'date' : 'relevance',
  };
}

/** The query string for a state (`?q=…`), or `''` for the empty state; parameters in a fixed order. */
export function stateToSearch(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.query) params.set('q', state.query);
  for (const topic of state.topics) params.append('topic', topic);
  for (const year of state.years) params.append('year', year);
  if (state.sort === 'date') params.set('sort', 'date');
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function sameState(a: SearchState, b: SearchState): boolean {
  return stateToSearch(a) === stateToSearch(b);
}

/** Whether the state asks for any results: a query, or a filter to list by. */
export function hasSearch(state: SearchState): boolean {
  return state.query !== '' || state.topics.length > 0 || state.years.length > 0;
}

/** Pagefind's filters and sort for a state. */
export function pagefindOptions(state: SearchState): PagefindSearchOptions {
  const filters: Record<string, { any: string[] }> = {};
  if (state.topics.length > 0) filters.topic = { any: state.topics };
  if (state.years.length > 0) filters.year = { any: state.years };
  return { filters, sort: state.sort === 'date' ? { date: 'desc' } : {} };
}
