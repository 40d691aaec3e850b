import type { FilterCounts } from '#lib/search/pagefind-types.ts';
import type { ResultView } from './engine.ts';
import { stateToSearch, type SearchState } from '#lib/search/url-state.ts';
import type { Text } from './config.ts';

/** Rendering of the search page's dynamic parts; DOM only, no searching. */

/** A new element with an optional class and text. */
export function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The address of a search on this page. */
export function searchHref(state: SearchState): string {
  return `${window.location.pathname}${stateToSearch(state)}`;
}

/** A result link that asks the article page to mark the searched words. */
export function highlightUrl(url: string, words: readonly string[]): string {
  const target = new URL(url, window.location.href);
  for (const word of words) target.searchParams.append('pagefind-highlight', word);
  return target.origin === window.location.origin ? `${target.pathname}${target.search}${target.hash}` : target.href;
}

/** One result: title link, date, topics and authors, excerpt with the matched words marked. */
export function resultItem(result: ResultView, words: readonly string[], text: Text): HTMLLIElement {
  const item = element('li', 'search-result');
  const heading = element('h2');
  const link = element('a', undefined, result.title);
  link.href = highlightUrl(result.url, words);
  heading.append(link);
  const meta = element('p', 'search-result__meta');
  if (result.date) {
    const time = element('time', undefined, text.date(result.date));
    time.dateTime = result.date;
    meta.append(time);
  }
  const lists: Array<[string, string[]]> = [
    ['search.topics', result.topics],
    [result.authors.length === 1 ? 'search.author' : 'search.authors', result.authors],
  ];
  for (const [key, names] of lists) {
    if (names.length === 0) continue;
    meta.append(`${meta.hasChildNodes() ? ' · ' : ''}${text.text(key)}: ${names.join(', ')}`);
  }
  const excerpt = element('p', 'search-result__excerpt');
  // Pagefind escapes `<` and `>` of the page text and adds only <mark> elements.
  excerpt.innerHTML = result.excerpt;
  item.append(heading, meta, excerpt);
  return item;
}

/** Filter values in display order: topics and authors by count, then name; years newest first; selected values always shown. */
function filterValues(name: string, counts: Record<string, number>, selected: readonly string[]): Array<[string, number]> {
  const values = new Map(Object.entries(counts).filter(([, count]) => count > 0));
  for (const value of selected) if (!values.has(value)) values.set(value, counts[value] ?? 0);
  const entries = [...values];
  return name === 'year'
    ? entries.sort((a, b) => b[0].localeCompare(a[0]))
    : entries.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'uk'));
}

/** The topic, author and year checkboxes, each with its number of results. */
export function renderFilters(container: HTMLElement, counts: FilterCounts, state: SearchState, text: Text): void {
  const groups: Array<{ name: 'topic' | 'author' | 'year'; legend: string; selected: string[] }> = [
    { name: 'topic', legend: text.text('search.filter.topic'), selected: state.topics },
    { name: 'author', legend: text.text('search.filter.author'), selected: state.authors },
    { name: 'year', legend: text.text('search.filter.year'), selected: state.years },
  ];
  const fieldsets = groups.flatMap(({ name, legend, selected }) => {
    const values = filterValues(name, counts[name] ?? {}, selected);
    if (values.length === 0) return [];
    const fieldset = element('fieldset', 'search-filter');
    fieldset.append(element('legend', undefined, legend));
    for (const [value, count] of values) {
      const label = element('label');
      const box = element('input');
      box.type = 'checkbox';
      box.name = name;
      box.value = value;
      box.checked = selected.includes(value);
      label.append(box, ` ${value} (${count})`);
      fieldset.append(label);
    }
    return [fieldset];
  });
  container.replaceChildren(...fieldsets);
}

/**
 * «Шукаємо «Київ»» when the query was searched with words read in Cyrillic,
 * with a link that searches exactly what was typed instead; empty (and not
 * shown) otherwise. The element is a polite live region, so the line is
 * announced as it changes.
 */
export function renderSearched(
  container: HTMLElement,
  shown: { searched: string; typed: string; literalHref: string } | null,
  text: Text,
): void {
  if (shown === null) {
    if (container.hasChildNodes()) container.replaceChildren();
    return;
  }
  const line = `${text.text('search.searchedFor', { query: shown.searched })}. `;
  // The same line again (another page of results, a filter) is not announced again.
  if (container.firstChild?.textContent === line && container.querySelector('a')?.getAttribute('href') === shown.literalHref) return;
  const link = element('a', undefined, text.text('search.searchTyped', { query: shown.typed }));
  link.href = shown.literalHref;
  container.replaceChildren(line, link);
}
