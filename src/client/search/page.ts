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
import { pagefindQuery, queryWords } from '#lib/search/query.ts';
import { stemWord } from '#lib/search/stem.ts';
import { hasSearch, parseState, sameState, stateToSearch, type SearchState } from '#lib/search/url-state.ts';
import { connectEngine } from './client.ts';
import type { ResultView, SearchEngine } from './engine.ts';
import { createText, readConfig } from './config.ts';
import { renderFilters, resultItem } from './render.ts';

const PAGE_SIZE = 10;
const TYPING_DELAY_MS = 250;

const root = document.querySelector<HTMLElement>('[data-search]')!;
const config = readConfig();
const text = createText(config);
const form = root.querySelector<HTMLFormElement>('form')!;
const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
const sortSelect = root.querySelector<HTMLSelectElement>('[data-search-sort]')!;
const filters = root.querySelector<HTMLElement>('[data-search-filters]')!;
const clearButton = root.querySelector<HTMLButtonElement>('[data-search-clear]')!;
const status = root.querySelector<HTMLElement>('[data-search-status]')!;
const list = root.querySelector<HTMLOListElement>('[data-search-results]')!;
const moreButton = root.querySelector<HTMLButtonElement>('[data-search-more]')!;

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

function syncControls(): void {
  if (input.value.trim() !== state.query) input.value = state.query;
  sortSelect.value = state.sort;
  clearButton.hidden = state.topics.length === 0 && state.years.length === 0;
}

function setUrl(mode: 'push' | 'replace'): void {
  const target = `${window.location.pathname}${stateToSearch(state)}`;
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

/** Filter checkboxes with the counts of the query, keeping the focus on the checkbox that had it. */
function showCounts(counts: FilterCounts, current: SearchState): void {
  const focused =
    document.activeElement instanceof HTMLInputElement && filters.contains(document.activeElement) ? document.activeElement : null;
  renderFilters(filters, counts, current, text);
  if (focused) filters.querySelector<HTMLInputElement>(`input[name="${focused.name}"][value="${CSS.escape(focused.value)}"]`)?.focus();
}

async function run(typing = false): Promise<void> {
  const id = ++searchId;
  clearTimeout(typingTimer);
  const current = state;
  syncControls();
  if (!hasSearch(current)) {
    filters.replaceChildren();
    showMessage('');
    return;
  }
  if (current.query && pagefindQuery(current.query) === '') return showMessage(text.text('search.none'));
  list.setAttribute('aria-busy', 'true');
  if (!answered) status.textContent = text.text('search.loading');
  const search = connect();
  if (typing) {
    // Fetch what the query needs while the reader may still be typing; search once they pause.
    search.preload(current.query).catch(() => {});
    await new Promise((done) => (typingTimer = setTimeout(done, TYPING_DELAY_MS)));
  }
  try {
    const page = await search.search(current, 0, PAGE_SIZE);
    if (id !== searchId) return;
    answered = true;
    highlightWords = queryWords(current.query).map((word) => stemWord(word));
    list.replaceChildren();
    shown = 0;
    total = page.total;
    append(page.items, false);
    // Offline, words whose index chunk was never fetched find nothing: say why.
    const none = navigator.onLine ? 'search.none' : 'search.offlineNone';
    status.textContent = total === 0 ? text.text(none) : text.plural('search.results', total);
    // Counts need every result's filter values: they follow the first results instead of holding them up.
    search.counts(current.query).then(
      (counts) => id === searchId && showCounts(counts, current),
      (error: unknown) => console.error(error),
    );
  } catch (error) {
    if (id !== searchId) return;
    console.error(error);
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
filters.addEventListener('change', (event) => {
  const box = event.target as HTMLInputElement;
  const key = box.name === 'year' ? 'years' : 'topics';
  const values = box.checked ? [...state[key], box.value] : state[key].filter((v) => v !== box.value);
  update({ ...state, [key]: values }, 'push');
});
clearButton.addEventListener('click', () => {
  update({ ...state, topics: [], years: [] }, 'push');
  input.focus();
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
