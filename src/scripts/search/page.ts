/**
 * The search page: Pagefind's JS API with the site's own query rewriting,
 * ranking, filters, plurals and markup. The query, filters and sort live in
 * the URL; the first keystroke of a new query adds a history entry and the
 * next ones replace it, changing a filter or the sort adds one, and the back
 * button restores the earlier search.
 * Pagefind itself is loaded on first use only.
 */
import type { PagefindApi, PagefindFragment, PagefindResult } from '../../lib/search-pagefind-types.ts';
import { pagefindQuery, queryWords, SEARCH_RANKING } from '../../lib/search-query.ts';
import { queryStems, rerank, RERANK_WINDOW } from '../../lib/search-rerank.ts';
import { stemWord } from '../../lib/search-stem.ts';
import { hasSearch, pagefindOptions, parseState, sameState, stateToSearch, type SearchState } from '../../lib/search-url-state.ts';
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

let pagefind: Promise<PagefindApi> | null = null;
let pagefindReady = false;
let state: SearchState = parseState(window.location.search);
let searchId = 0;
/** Results of the current search in display order, with the fragments loaded so far. */
let ordered: Array<{ result: PagefindResult; data?: PagefindFragment }> = [];
let shown = 0;
let highlightWords: string[] = [];
/** Whether the current history entry was made by typing: the next keystrokes replace it instead of adding more. */
let typingEntry = false;

function loadPagefind(): Promise<PagefindApi> {
  pagefind ??= (async () => {
    const api = (await import(/* @vite-ignore */ `${config.bundlePath}pagefind.js`)) as PagefindApi;
    await api.options({ basePath: config.bundlePath, metaCacheTag: config.buildId, ranking: SEARCH_RANKING, excerptLength: 30 });
    await api.init();
    // Loads every filter chunk, so that each search reports counts for all topics and years.
    await api.filters();
    pagefindReady = true;
    return api;
  })().catch((error: unknown) => {
    pagefind = null;
    throw error;
  });
  return pagefind;
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

async function showMore(focusFirst: boolean): Promise<void> {
  const id = searchId;
  const next = ordered.slice(shown, shown + PAGE_SIZE);
  await Promise.all(next.map(async (entry) => (entry.data ??= await entry.result.data())));
  if (id !== searchId) return;
  const items = next.map((entry) => resultItem(entry.data!, highlightWords, text));
  list.append(...items);
  shown += next.length;
  moreButton.hidden = shown >= ordered.length;
  if (focusFirst) items[0]?.querySelector('a')?.focus();
}

async function run(typing = false): Promise<void> {
  const id = ++searchId;
  const current = state;
  syncControls();
  if (!hasSearch(current)) {
    filters.replaceChildren();
    showMessage('');
    return;
  }
  const term = current.query ? pagefindQuery(current.query) : null;
  if (term === '') return showMessage(text.text('search.none'));
  list.setAttribute('aria-busy', 'true');
  if (!pagefindReady) status.textContent = text.text('search.loading');
  try {
    const api = await loadPagefind();
    const options = pagefindOptions(current);
    const response = typing ? await api.debouncedSearch(term, options, TYPING_DELAY_MS) : await api.search(term, options);
    if (response === null || id !== searchId) return;
    let entries: typeof ordered = response.results.map((result) => ({ result }));
    if (current.query && current.sort === 'relevance') {
      // Load the first window and put results that use the searched words ahead of prefix-only matches.
      await Promise.all(entries.slice(0, RERANK_WINDOW).map(async (entry) => (entry.data = await entry.result.data())));
      if (id !== searchId) return;
      entries = rerank(entries, (entry) => entry.data?.content, queryStems(current.query));
    }
    ordered = entries;
    highlightWords = queryWords(current.query).map((word) => stemWord(word));
    const focused = document.activeElement instanceof HTMLInputElement && filters.contains(document.activeElement) ? document.activeElement : null;
    renderFilters(filters, response.totalFilters, current, text);
    if (focused) filters.querySelector<HTMLInputElement>(`input[name="${focused.name}"][value="${CSS.escape(focused.value)}"]`)?.focus();
    list.replaceChildren();
    shown = 0;
    await showMore(false);
    if (id !== searchId) return;
    // Offline, words whose index chunk was never fetched find nothing: say why.
    const none = navigator.onLine ? 'search.none' : 'search.offlineNone';
    status.textContent = ordered.length === 0 ? text.text(none) : text.plural('search.results', ordered.length);
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
  setUrl(mode);
  void run(typing);
}

input.addEventListener('input', () => update({ ...state, query: input.value.trim() }, typingEntry ? 'replace' : 'push', true));
input.addEventListener('focus', () => void loadPagefind().catch(() => {}), { once: true });
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
