import { describe, expect, test } from 'vitest';
import { EMPTY_STATE, hasSearch, pagefindOptions, parseState, selectedFilters, stateRange, stateToSearch } from '#lib/search/url-state.ts';

describe('search state in the URL', () => {
  test('reads query, several topics, years and sort', () => {
    expect(
      parseState(
        '?q=%D0%BF%D0%B5%D1%80%D0%B5%D0%B3%D0%BE%D0%B2%D0%BE%D1%80%D0%B8&topic=Війна&topic=Допомога%2C+волонтерство&year=2022&sort=date',
      ),
    ).toEqual({
      query: 'переговори',
      topics: ['Війна', 'Допомога, волонтерство'],
      authors: [],
      years: ['2022'],
      month: '',
      from: '',
      to: '',
      sort: 'date',
    });
  });

  test('ignores malformed and repeated values', () => {
    expect(parseState('?q=++&topic=&topic=Війна&topic=Війна&year=22&year=2023&sort=random')).toEqual({
      query: '',
      topics: ['Війна'],
      authors: [],
      years: ['2023'],
      month: '',
      from: '',
      to: '',
      sort: 'relevance',
    });
  });

  test('writes a state back in a fixed order, and nothing for the empty state', () => {
    const state = { ...EMPTY_STATE, query: 'мир', topics: ['Війна', 'Допомога, волонтерство'], years: ['2022'], sort: 'date' as const };
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
    expect(pagefindOptions({ ...EMPTY_STATE, query: 'x', topics: ['A', 'B'], years: ['2022'], sort: 'date' })).toEqual({
      filters: { topic: { any: ['A', 'B'] }, year: { any: ['2022'] } },
      sort: { date: 'desc' },
    });
    expect(pagefindOptions(EMPTY_STATE)).toEqual({ filters: {}, sort: {} });
  });

  test('reads a month, or a range of days, and writes them after the years', () => {
    expect(parseState('?to=2022-06-10&from=2022-03-15&year=2022&q=мир')).toMatchObject({ from: '2022-03-15', to: '2022-06-10' });
    expect(stateToSearch(parseState('?to=2022-06-10&from=2022-03-15&year=2022&q=мир&sort=date'))).toBe(
      '?q=%D0%BC%D0%B8%D1%80&year=2022&from=2022-03-15&to=2022-06-10&sort=date',
    );
    expect(stateToSearch(parseState('?month=2022-03&topic=Війна'))).toBe('?topic=%D0%92%D1%96%D0%B9%D0%BD%D0%B0&month=2022-03');
    expect(parseState('?from=2022-03-15')).toMatchObject({ from: '2022-03-15', to: '' });
  });

  test('ignores malformed months and days, turns a backward range round, and lets a month drop a range', () => {
    expect(parseState('?month=2022-13&month=березень&from=2022-02-30&to=15.03.2022')).toMatchObject({ month: '', from: '', to: '' });
    expect(parseState('?month=&month=2022-04')).toMatchObject({ month: '2022-04' });
    expect(parseState('?from=0202-03-20&to=2100-01-01')).toMatchObject({ from: '', to: '' });
    expect(parseState('?from=2022-06-10&to=2022-03-15')).toMatchObject({ from: '2022-03-15', to: '2022-06-10' });
    expect(parseState('?month=2022-03&from=2022-01-01&to=2022-12-31')).toMatchObject({ month: '2022-03', from: '', to: '' });
  });

  test('a month or a range is a search by itself, and open ends reach the bounds', () => {
    expect(hasSearch(parseState('?month=2022-03'))).toBe(true);
    expect(hasSearch(parseState('?to=2022-03-01'))).toBe(true);
    expect(stateRange(parseState('?month=2022-02'))).toEqual({ from: '2022-02-01', to: '2022-02-28' });
    expect(stateRange(parseState('?to=2022-03-01'))).toEqual({ from: '1900-01-01', to: '2022-03-01' });
    expect(stateRange(parseState('?from=2022-03-01'))).toEqual({ from: '2022-03-01', to: '2099-12-31' });
    expect(stateRange(EMPTY_STATE)).toBeNull();
  });

  test('asks Pagefind for any of the period values that cover the month or range exactly', () => {
    expect(pagefindOptions(parseState('?month=2022-03')).filters).toEqual({ period: { any: ['2022-03'] } });
    expect(pagefindOptions(parseState('?year=2022&from=2022-03-30&to=2022-05-01')).filters).toEqual({
      year: { any: ['2022'] },
      period: { any: ['2022-03-30', '2022-03-31', '2022-04', '2022-05-01'] },
    });
    const open = pagefindOptions(parseState('?from=2022-03-31')).filters!.period as { any: string[] };
    expect(open.any.slice(0, 3)).toEqual(['2022-03-31', '2022-04', '2022-05']);
    expect(open.any.at(-1)).toBe('2099-12');
  });

  test('reads several authors by name, ignoring blanks and repeats, and writes them after the topics', () => {
    const state = parseState('?author=Олена+Петренко&year=2022&author=&author=Тарас%20Ковальчук&topic=Війна&author=Олена Петренко');
    expect(state).toMatchObject({ topics: ['Війна'], authors: ['Олена Петренко', 'Тарас Ковальчук'], years: ['2022'] });
    expect(stateToSearch(state)).toBe(
      '?topic=%D0%92%D1%96%D0%B9%D0%BD%D0%B0&author=%D0%9E%D0%BB%D0%B5%D0%BD%D0%B0+%D0%9F%D0%B5%D1%82%D1%80%D0%B5%D0%BD%D0%BA%D0%BE&author=%D0%A2%D0%B0%D1%80%D0%B0%D1%81+%D0%9A%D0%BE%D0%B2%D0%B0%D0%BB%D1%8C%D1%87%D1%83%D0%BA&year=2022',
    );
    expect(parseState(stateToSearch(state))).toEqual(state);
  });

  test('an author is a search by itself, and asks Pagefind for any of the chosen authors', () => {
    const state = { ...EMPTY_STATE, authors: ['Олена Петренко', 'Тарас Ковальчук'] };
    expect(hasSearch(state)).toBe(true);
    expect(pagefindOptions({ ...state, topics: ['Війна'], years: ['2022'] })).toEqual({
      filters: { topic: { any: ['Війна'] }, author: { any: ['Олена Петренко', 'Тарас Ковальчук'] }, year: { any: ['2022'] } },
      sort: {},
    });
  });

  test('selected filters list the chosen values of each filter, time as its period values', () => {
    expect(selectedFilters(parseState('?q=мир&topic=Війна&author=Олена+Петренко&month=2022-03&sort=date'))).toEqual({
      topic: ['Війна'],
      author: ['Олена Петренко'],
      period: ['2022-03'],
    });
    expect(selectedFilters(parseState('?q=мир'))).toEqual({});
  });
});
