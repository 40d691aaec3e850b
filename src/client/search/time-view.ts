import { formatNumber, pluralCategory } from '../../i18n/uk.ts';
import type { FilterCounts } from '#lib/search/pagefind-types.ts';
import { isMonth, PERIOD_FILTER } from '#lib/search/period.ts';
import { barState, withoutTime, type Timeline, type TimelineBar } from '#lib/search/timeline.ts';
import type { SearchState } from '#lib/search/url-state.ts';
import type { Text } from './config.ts';
import { element, searchHref } from './render.ts';

/** Rendering of the month list and the timeline (`#lib/search/timeline.ts`); DOM only, no searching. */

/** A year or a month as readers see it: «2022», «березень 2022». */
function periodName(period: string, text: Text): string {
  if (!isMonth(period)) return period;
  return text.text('search.period.monthName', {
    month: text.text(`month.nominative.${Number(period.slice(5))}`),
    year: period.slice(0, 4),
  });
}

/**
 * The month list: «будь-який», then each month in which the query has
 * results, newest first, with its count; the chosen month is always listed.
 * Without counts (before the first ones arrive) only the chosen month is.
 */
export function renderMonthOptions(select: HTMLSelectElement, counts: FilterCounts | null, state: SearchState, text: Text): void {
  const found = counts?.[PERIOD_FILTER] ?? {};
  const months = Object.keys(found).filter((value) => isMonth(value) && found[value]! > 0);
  if (state.month && !months.includes(state.month)) months.push(state.month);
  const options = [element('option', undefined, text.text('search.period.anyMonth'))];
  options[0]!.value = '';
  for (const month of months.sort().reverse()) {
    const name = periodName(month, text);
    const option = element('option', undefined, counts ? `${name} (${formatNumber(found[month] ?? 0)})` : name);
    option.value = month;
    options.push(option);
  }
  select.replaceChildren(...options);
  select.value = state.month;
}

function barItem(bar: TimelineBar, timeline: Timeline, state: SearchState, text: Text): HTMLLIElement {
  const item = element('li', 'search-timeline__bar');
  const label = text.text(`search.timeline.bar.${pluralCategory(bar.count)}`, {
    period: periodName(bar.period, text),
    count: formatNumber(bar.count),
  });
  // An empty period is shown, not offered: its link would find nothing.
  const box = bar.count > 0 ? element('a') : element('span');
  if (box instanceof HTMLAnchorElement) {
    box.href = searchHref(barState(state, bar.period));
    box.dataset.period = bar.period;
    if (bar.current) box.setAttribute('aria-current', 'true');
  }
  const count = element('span', 'search-timeline__count', formatNumber(bar.count));
  const fill = element('span', 'search-timeline__fill');
  // Inline sizes come from the script's CSSOM, which the page's policy allows.
  fill.style.height = `${(5 * bar.count) / timeline.max}rem`;
  const short = element(
    'span',
    'search-timeline__label',
    timeline.unit === 'year' ? bar.period : text.text(`search.timeline.short.${Number(bar.period.slice(5))}`),
  );
  for (const part of [count, fill, short]) part.setAttribute('aria-hidden', 'true');
  box.append(count, fill, short, element('span', 'visually-hidden', label));
  box.title = label;
  item.append(box);
  return item;
}

export interface TimelineElements {
  section: HTMLElement;
  title: HTMLElement;
  bars: HTMLOListElement;
  /** The paragraph that holds the link back to every year. */
  all: HTMLElement;
}

/** The timeline above the results, or nothing when there is no timeline; months end with a link back to every year. */
export function renderTimeline(view: TimelineElements, timeline: Timeline | null, state: SearchState, text: Text): void {
  view.section.hidden = timeline === null;
  view.all.replaceChildren();
  view.all.hidden = timeline?.unit !== 'month';
  if (!timeline) return view.bars.replaceChildren();
  view.title.textContent =
    timeline.unit === 'year' ? text.text('search.timeline.years') : text.text('search.timeline.months', { year: timeline.year });
  view.bars.replaceChildren(...timeline.bars.map((bar) => barItem(bar, timeline, state, text)));
  if (timeline.unit === 'month') {
    const link = element('a', undefined, text.text('search.timeline.allYears'));
    link.href = searchHref(withoutTime(state));
    link.dataset.period = '';
    view.all.append(link);
  }
}
