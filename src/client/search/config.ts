import { pluralCategory, formatNumber } from '../../i18n/uk.ts';

/** What the search page hands its script in `<script type="application/json" id="search-config">`. */
export interface SearchConfig {
  /** URL of Pagefind's bundle folder, ending in `/` (`/sub/pagefind/`). */
  bundlePath: string;
  /** Pagefind's `metaCacheTag`: the entry file is fetched once per build. */
  buildId: string;
  /**
   * How long typing must pause before the typed query is searched (the
   * index data it needs is fetched meanwhile); 0 searches at every keystroke.
   * The benchmark serves the page with 0 to time searches without the wait.
   */
  typingDelayMs: number;
  /** Templates by key, `{count}` and other placeholders unfilled. */
  strings: Record<string, string>;
  /** Month names in the genitive, January first. */
  months: string[];
}

export function readConfig(id = 'search-config'): SearchConfig {
  const element = document.getElementById(id);
  if (!element?.textContent) throw new Error(`The search page has no #${id} element.`);
  return JSON.parse(element.textContent) as SearchConfig;
}

/** Text of the page's strings: `text('search.none')`, `plural('search.results', 5)`, dates as «5 січня 2022». */
export function createText(config: SearchConfig) {
  const text = (key: string, params: Record<string, string> = {}): string =>
    (config.strings[key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
  return {
    text,
    plural: (key: string, count: number): string => text(`${key}.${pluralCategory(count)}`, { count: formatNumber(count) }),
    date(iso: string | undefined): string {
      const match = iso?.match(/^(\d{4})-(\d{2})-(\d{2})/);
      if (!match) return '';
      return `${Number(match[3])} ${config.months[Number(match[2]) - 1] ?? ''} ${match[1]}`;
    },
  };
}

export type Text = ReturnType<typeof createText>;
