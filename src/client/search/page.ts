/**
 * The search page: Pagefind's JS API with the site's own query rewriting,
 * ranking, filters, plurals and markup. The query, filters and sort live in
 * the URL; the first keystroke of a new query adds a history entry and the
 * next ones replace it, changing a filter or the sort adds one, and the back
 * button restores the earlier search.
 * The search runs in a worker (`client.ts`, `engine.ts`), started when the
 * page opens with a search or the reader focuses the field.
 */
import type { FilterCounts } from '#lib/search/pagefind-types.ts';
import { hasTerms, searchPlan } from '#lib/search/query.ts';
import { parseQuery } from '#lib/search/query-syntax.ts';
import { hasSearch, parseState, sameState, stateToSearch, type SearchState } from '#lib/search/url-state.ts';
import { timelineOf, withoutTime } from '#lib/search/timeline.ts';
import { connectEngine } from './client.ts';
import type { ResultView, SearchEngine } from './engine.ts';
import { createText, readConfig } from './config.ts';
import { renderMonthOptions, renderTimeline } from './time-view.ts';
import { renderFilters, renderSearched, resultItem, searchHref } from './render.ts';

const PAGE_SIZE = 10;

const root = document.querySelector<HTMLElement>('[data-search]')!;
const config = readConfig();
const text = createText(config);
const form = root.querySelector<HTMLFormElement>('form')!;
const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
const sortSelect = root.querySelector<HTMLSelectElement>('[data-search-sort]')!;
const filters = root.querySelector<HTMLElement>('[data-search-filters]')!;
const clearButton = root.querySelector<HTMLButtonElement>('[data-search-clear]')!;
const status = root.querySelector<HTMLElement>('[data-search-status]')!;
const searched = root.querySelector<HTMLElement>('[data-search-searched]')!;
const list = root.querySelector<HTMLOListElement>('[data-search-results]')!;
const moreButton = root.querySelector<HTMLButtonElement>('[data-search-more]')!;
const monthSelect = root.querySelector<HTMLSelectElement>('[data-search-month]')!;
const fromInput = root.querySelector<HTMLInputElement>('[data-search-from]')!;
const toInput = root.querySelector<HTMLInputElement>('[data-search-to]')!;
const timeline = {
  section: root.querySelector<HTMLElement>('[data-search-timeline]')!,
  title: root.querySelector<HTMLElement>('[data-search-timeline-title]')!,
  bars: root.querySelector<HTMLOListElement>('[data-search-timeline-bars]')!,
  all: root.querySelector<HTMLElement>('[data-search-timeline-all]')!,
};
/** The timeline's counts last shown (`engine.ts`, `timelineCounts`), which list the months to choose from. */
let shownCounts: FilterCounts | null = null;
/** What the month list shows: the counts and the selected month it was drawn from. */
let monthList: { counts: FilterCounts | null; month: string } | null = null;

let engine: SearchEngine | null = null;
/** Whether a search has answered: until then the status says that search is loading. */
let answered = false;
let state: SearchState = parseState(window.location.search);
let searchId = 0;
let total = 0;
let shown = 0;
let highlightWords: string[] = [];
/** Whether the current history entry was made by typing: the next keystrokes replace it instead of adding more. */
let typingEntry = false;
let typingTimer: ReturnType<typeof setTimeout> | undefined;

function connect(): SearchEngine {
  engine ??= connectEngine({ bundlePath: config.bundlePath, buildId: config.buildId });
  return engine;
}

/** The same search without any filter: what the clear button leaves. */
function withoutFilters(current: SearchState): SearchState {
  return { ...withoutTime(current), topics: [], authors: [] };
}

function syncControls(): void {
  if (input.value.trim() !== state.query) input.value = state.query;
  sortSelect.value = state.sort;
  clearButton.hidden = sameState(state, withoutFilters(state));
  showMonthOptions(shownCounts, state);
  fromInput.value = state.from;
  toInput.value = state.to;
}

/**
 * The month list for these counts, drawn again only when they or the selected
 * month changed: every keystroke syncs the controls, and a list of a few
 * hundred months costs the browser a style and layout pass before the search starts.
 */
function showMonthOptions(counts: FilterCounts | null, current: SearchState): void {
  if (monthList?.counts === counts && monthList.month === current.month && monthSelect.value === current.month) return;
  monthList = { counts, month: current.month };
  renderMonthOptions(monthSelect, counts, current, text);
}

function setUrl(mode: 'push' | 'replace'): void {
  const target = searchHref(state);
  if (target === `${window.location.pathname}${window.location.search}`) return;
  if (mode === 'push') window.history.pushState(null, '', target);
  else window.history.replaceState(null, '', target);
}

function showMessage(message: string): void {
  list.replaceChildren();
  moreButton.hidden = true;
  status.textContent = message;
}

function append(items: readonly ResultView[], focusFirst: boolean): void {
  const nodes = items.map((item) => resultItem(item, highlightWords, text));
  list.append(...nodes);
  shown += nodes.length;
  moreButton.hidden = shown >= total;
  if (focusFirst) nodes[0]?.querySelector('a')?.focus();
}

async function showMore(focusFirst: boolean): Promise<void> {
  const id = searchId;
  const page = await connect().search(state, shown, PAGE_SIZE);
  if (id === searchId) append(page.items, focusFirst);
}

/**
 * Filter checkboxes with the counts of the query, and the month list and
 * timeline with the timeline's counts, keeping the focus on the checkbox
 * that had it.
 */
function showCounts(counts: FilterCounts, timelineCounts: FilterCounts, current: SearchState): void {
  const focused =
    document.activeElement instanceof HTMLInputElement && filters.contains(document.activeElement) ? document.activeElement : null;
  renderFilters(filters, counts, current, text);
  shownCounts = timelineCounts;
  showMonthOptions(timelineCounts, current);
  showTimeline(timelineCounts, current);
  if (focused) filters.querySelector<HTMLInputElement>(`input[name="${focused.name}"][value="${CSS.escape(focused.value)}"]`)?.focus();
}

/** The timeline for the timeline's counts; a focused bar keeps the focus, or hands it to the first bar when it is gone. */
function showTimeline(counts: FilterCounts | null, current: SearchState): void {
  const active = document.activeElement;
  const focused = active instanceof HTMLAnchorElement && timeline.section.contains(active) ? (active.dataset.period ?? '') : null;
  renderTimeline(timeline, counts && timelineOf(counts, current), current, text);
  if (focused === null) return;
  const links = timeline.section.querySelectorAll<HTMLAnchorElement>('a[data-period]');
  ([...links].find((link) => link.dataset.period === focused) ?? links[0])?.focus();
}

async function run(typing = false): Promise<void> {
  const id = ++searchId;
  clearTimeout(typingTimer);
  const current = state;
  syncControls();
  const nothingToSearch = current.query !== '' && !hasTerms(searchPlan(parseQuery(current.query)));
  // The «Шукаємо …» line stays while a query is typed, until its next answer.
  if (!current.query || nothingToSearch) renderSearched(searched, null, text);
  if (!hasSearch(current)) {
    filters.replaceChildren();
    showTimeline(null, current);
    showMessage('');
    return;
  }
  if (nothingToSearch) return showMessage(text.text('search.none'));
  list.setAttribute('aria-busy', 'true');
  if (!answered) status.textContent = text.text('search.loading');
  const search = connect();
  if (typing && config.typingDelayMs > 0) {
    // Fetch what the query needs while the reader may still be typing; search once they pause.
    search.preload(current.query).catch(() => {});
    await new Promise((done) => (typingTimer = setTimeout(done, config.typingDelayMs)));
  }
  try {
    const page = await search.search(current, 0, PAGE_SIZE);
    if (id !== searchId) return;
    answered = true;
    highlightWords = page.stems;
    const literalHref = page.literal === null ? '' : searchHref({ ...current, query: page.literal });
    renderSearched(searched, page.searched === null ? null : { searched: page.searched, typed: current.query, literalHref }, text);
    list.replaceChildren();
    shown = 0;
    total = page.total;
    append(page.items, false);
    // Offline, words whose index chunk was never fetched find nothing: say why.
    const none = navigator.onLine ? 'search.none' : 'search.offlineNone';
    status.textContent = total === 0 ? text.text(none) : text.plural('search.results', total);
    // Counts need every result's filter values: they follow the first results instead of holding them up.
    Promise.all([search.counts(current.query), search.timelineCounts(current)]).then(
      ([counts, timelineCounts]) => id === searchId && showCounts(counts, timelineCounts, current),
      (error: unknown) => console.error(error),
    );
  } catch (error) {
    if (id !== searchId) return;
    console.error(error);
    renderSearched(searched, null, text);
    // Offline, the index chunks or result fragments of new words are not in the cache.
    showMessage(text.text(navigator.onLine ? 'search.error' : 'search.offlineNone'));
  } finally {
    if (id === searchId) list.removeAttribute('aria-busy');
  }
}

function update(next: SearchState, mode: 'push' | 'replace', typing = false): void {
  if (sameState(next, state)) return;
  typingEntry = typing;
  state = next;
  // The worker starts searching while the page records the new address.
  void run(typing);
  setUrl(mode);
}

input.addEventListener('input', () => update({ ...state, query: input.value.trim() }, typingEntry ? 'replace' : 'push', true));
input.addEventListener('focus', () => connect(), { once: true });
form.addEventListener('submit', (event) => {
  event.preventDefault();
  const next = { ...state, query: input.value.trim() };
  if (sameState(next, state)) void run();
  else update(next, 'push');
});
sortSelect.addEventListener('change', () => update({ ...state, sort: sortSelect.value === 'date' ? 'date' : 'relevance' }, 'push'));
/** The state's list that a filter checkbox's name stands for. */
const FILTER_KEYS = { topic: 'topics', author: 'authors', year: 'years' } as const;
filters.addEventListener('change', (event) => {
  const box = event.target as HTMLInputElement;
  if (!Object.hasOwn(FILTER_KEYS, box.name)) return;
  const key = FILTER_KEYS[box.name as keyof typeof FILTER_KEYS];
  const values = box.checked ? [...state[key], box.value] : state[key].filter((v) => v !== box.value);
  update({ ...state, [key]: values }, 'push');
});
clearButton.addEventListener('click', () => {
  update(withoutFilters(state), 'push');
  input.focus();
});
searched.addEventListener('click', (event) => {
  const link = (event.target as Element).closest('a');
  if (!link) return;
  event.preventDefault();
  update(parseState(new URL(link.href).search), 'push');
  input.focus();
});
monthSelect.addEventListener('change', () => update({ ...state, month: monthSelect.value, from: '', to: '' }, 'push'));
/** A range read back through the URL's rules (a backward range turned round); a day typed half-way (year 0202) changes nothing yet. */
function changeRange(): void {
  const next = parseState(stateToSearch({ ...state, month: '', from: fromInput.value, to: toInput.value }));
  if ((fromInput.value && !next.from) || (toInput.value && !next.to)) return;
  update(next, 'push');
}
fromInput.addEventListener('change', changeRange);
toInput.addEventListener('change', changeRange);
timeline.section.addEventListener('click', (event) => {
  const link = (event.target as Element).closest('a');
  if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  update(parseState(new URL(link.href).search), 'push');
});
moreButton.addEventListener('click', () => {
  showMore(true).catch((error: unknown) => {
    console.error(error);
    status.textContent = text.text(navigator.onLine ? 'search.error' : 'search.offlineNone');
  });
});
window.addEventListener('popstate', () => {
  state = parseState(window.location.search);
  typingEntry = false;
  void run();
});

root.hidden = false;
void run();
