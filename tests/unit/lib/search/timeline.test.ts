import { describe, expect, test } from 'vitest';
import { allowedPages, countFacets, intersectPages, markPages } from '#lib/search/facets.ts';
import type { Facet } from '#lib/search/index-files.ts';
import { barState, timelineOf, timelineSelection, timelineYear, withoutTime } from '#lib/search/timeline.ts';
import { EMPTY_STATE, parseState, stateToSearch } from '#lib/search/url-state.ts';

const counts = {
  topic: { Війна: 5 },
  year: { '2021': 0, '2022': 4, '2024': 2 },
  period: { '2022-01': 1, '2022-03': 3, '2022-03-15': 2, '2022-03-16': 1, '2022-01-05': 1, '2024-06': 2 },
};

describe('timelineYear', () => {
  test.each([
    ['', ''],
    ['?year=2022', '2022'],
    ['?year=2022&year=2023', ''],
    ['?month=2022-03', '2022'],
    ['?from=2022-02-01&to=2022-05-31', '2022'],
    ['?from=2022-02-01&to=2023-01-31', ''],
    ['?from=2022-02-01', ''],
    ['?year=2023&month=2022-03', '2023'],
  ])('%s lies in the year «%s»', (search, year) => expect(timelineYear(parseState(search))).toBe(year));
});

describe('timelineOf', () => {
  test('counts per year, from the first year with results to the last, gaps as empty bars', () => {
    expect(timelineOf(counts, EMPTY_STATE)).toEqual({
      unit: 'year',
      year: '',
      max: 4,
      bars: [
        { period: '2022', count: 4, current: false },
        { period: '2023', count: 0, current: false },
        { period: '2024', count: 2, current: false },
      ],
    });
  });

  test('counts per month of the one chosen year, the chosen month marked', () => {
    const timeline = timelineOf(counts, parseState('?month=2022-03'))!;
    expect(timeline.unit).toBe('month');
    expect(timeline.year).toBe('2022');
    expect(timeline.max).toBe(3);
    expect(timeline.bars.map((bar) => bar.period)).toEqual(Array.from({ length: 12 }, (_, i) => `2022-${String(i + 1).padStart(2, '0')}`));
    expect(timeline.bars.map((bar) => bar.count)).toEqual([1, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(timeline.bars.filter((bar) => bar.current).map((bar) => bar.period)).toEqual(['2022-03']);
    expect(timelineOf(counts, parseState('?year=2022'))?.bars.some((bar) => bar.current)).toBe(false);
  });

  test('has no bars when the query has no result in any period', () => {
    expect(timelineOf({ year: { '2022': 0 } }, EMPTY_STATE)).toBeNull();
    expect(timelineOf({}, EMPTY_STATE)).toBeNull();
    expect(timelineOf(counts, parseState('?year=2023'))).toBeNull();
  });
});

describe('bar links', () => {
  const state = parseState('?q=мир&topic=Війна&from=2022-01-01&to=2023-06-30&sort=date');

  test('a bar keeps the words, topics and sort, and makes its period the only time filter', () => {
    expect(stateToSearch(barState(state, '2022'))).toBe(stateToSearch(parseState('?q=мир&topic=Війна&year=2022&sort=date')));
    expect(stateToSearch(barState(parseState('?year=2022'), '2022-03'))).toBe('?month=2022-03');
  });

  test('without time leaves the rest of the search', () => {
    expect(withoutTime(state)).toEqual({ ...parseState('?q=мир&topic=Війна&sort=date') });
  });
});

describe('the timeline under other filters', () => {
  const pages = (...numbers: number[]) => Uint32Array.from(numbers);
  // Six articles: 0–2 in 2022 (January, March, March), 3–5 in 2024 (June); topics and authors across both years.
  const facets: Facet[] = [
    {
      name: 'topic',
      values: [
        { value: 'Війна', pages: pages(0, 1, 3) },
        { value: 'Економіка', pages: pages(2, 4, 5) },
      ],
    },
    {
      name: 'author',
      values: [
        { value: 'Олена Петренко', pages: pages(0, 2, 3, 4) },
        { value: 'Тарас Ковальчук', pages: pages(1, 5) },
      ],
    },
    {
      name: 'year',
      values: [
        { value: '2022', pages: pages(0, 1, 2) },
        { value: '2024', pages: pages(3, 4, 5) },
      ],
    },
    {
      name: 'period',
      values: [
        { value: '2022-01', pages: pages(0) },
        { value: '2022-03', pages: pages(1, 2) },
        { value: '2024-06', pages: pages(3, 4, 5) },
      ],
    },
  ];
  /** The counts the engine gives the timeline: the query's matches (every article here) that pass the timeline's selection. */
  const timelineCounts = (search: string) =>
    countFacets(facets, intersectPages(markPages(6, [0, 1, 2, 3, 4, 5]), allowedPages(facets, timelineSelection(parseState(search)), 6)));

  test('honours topics and authors, and ignores the time filters', () => {
    expect(timelineSelection(parseState('?q=мир&topic=Війна&author=Олена+Петренко&year=2022&month=2022-03&sort=date'))).toEqual({
      topic: ['Війна'],
      author: ['Олена Петренко'],
    });
    expect(timelineSelection(parseState('?q=мир&from=2022-01-01&to=2022-02-01'))).toEqual({});
  });

  test('counts only the matches of the chosen topic, in every year whatever year is chosen', () => {
    const years = (search: string) => timelineOf(timelineCounts(search), parseState(search))?.bars.map((bar) => [bar.period, bar.count]);
    expect(years('?topic=Війна')).toEqual([
      ['2022', 2],
      ['2023', 0],
      ['2024', 1],
    ]);
    expect(years('?topic=Економіка&author=Олена+Петренко')).toEqual([
      ['2022', 1],
      ['2023', 0],
      ['2024', 1],
    ]);
    const months = timelineOf(timelineCounts('?topic=Війна&month=2022-01'), parseState('?topic=Війна&month=2022-01'))!;
    expect(months.bars.slice(0, 3).map((bar) => bar.count)).toEqual([1, 0, 1]);
    expect(timelineCounts('?topic=Війна&year=2022').year).toEqual({ '2022': 2, '2024': 1 });
  });
});
