import { describe, expect, test } from 'vitest';
import { EMPTY_STATE, hasSearch, pagefindOptions, parseState, stateToSearch } from '#lib/search/url-state.ts';

describe('search state in the URL', () => {
  test('reads query, several topics, years and sort', () => {
    expect(
      parseState(
        '?q=%D0%BF%D0%B5%D1%80%D0%B5%D0%B3%D0%BE%D0%B2%D0%BE%D1%80%D0%B8&topic=Війна&topic=Допомога%2C+волонтерство&year=2022&sort=date',
      ),
    ).toEqual({
      query: 'переговори',
      topics: ['Війна', 'Допомога, волонтерство'],
      years: ['2022'],
      sort: 'date',
    });
  });

  test('ignores malformed and repeated values', () => {
    expect(parseState('?q=++&topic=&topic=Війна&topic=Війна&year=22&year=2023&sort=random')).toEqual({
      query: '',
      topics: ['Війна'],
      years: ['2023'],
      sort: 'relevance',
    });
  });

  test('writes a state back in a fixed order, and nothing for the empty state', () => {
    const state = { query: 'мир', topics: ['Війна', 'Допомога, волонтерство'], years: ['2022'], sort: 'date' as const };
    expect(stateToSearch(state)).toBe(
      '?q=%D0%BC%D0%B8%D1%80&topic=%D0%92%D1%96%D0%B9%D0%BD%D0%B0&topic=%D0%94%D0%BE%D0%BF%D0%BE%D0%BC%D0%BE%D0%B3%D0%B0%2C+%D0%B2%D0%BE%D0%BB%D0%BE%D0%BD%D1%82%D0%B5%D1%80%D1%81%D1%82%D0%B2%D0%BE&year=2022&sort=date',
    );
    expect(parseState(stateToSearch(state))).toEqual(state);
    expect(stateToSearch(EMPTY_STATE)).toBe('');
  });

  test('searches when there is a query or a filter to list by', () => {
    expect(hasSearch(EMPTY_STATE)).toBe(false);
    expect(hasSearch({ ...EMPTY_STATE, years: ['2022'] })).toBe(true);
  });

  test('asks Pagefind for any of the chosen topics and years, newest first when sorted by date', () => {
    expect(pagefindOptions({ query: 'x', topics: ['A', 'B'], years: ['2022'], sort: 'date' })).toEqual({
      filters: { topic: { any: ['A', 'B'] }, year: { any: ['2022'] } },
      sort: { date: 'desc' },
    });
    expect(pagefindOptions(EMPTY_STATE)).toEqual({ filters: {}, sort: {} });
  });
});
