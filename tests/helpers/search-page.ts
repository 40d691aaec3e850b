import type { BrowserContext, Page } from 'playwright-core';
import { SEARCH_BASE, searchSite } from '../fixtures/search/site.ts';
import { siteInBrowser, type SiteInBrowser } from './fixture-browser.ts';
import { serveStatic } from './serve.ts';

/** The search page's status line: the number of results, «nothing found», or that search is loading. */
export const STATUS = '[data-search-status]';

export interface OpenedPage {
  page: Page;
  /** Console errors and uncaught exceptions of the page, as they happen. */
  problems: string[];
  /** The path of every request the page makes. */
  requests: string[];
}

export interface SearchSiteInBrowser extends SiteInBrowser {
  /** Opens `path` (relative to the site's base) in a new page of `context`. */
  open: (context: BrowserContext, path: string) => Promise<OpenedPage>;
}

/** Collects the console errors and uncaught exceptions of a page into `problems`. */
export function collectProblems(page: Page, problems: string[] = []): string[] {
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return problems;
}

/**
 * The search test archive served over HTTP and a Chromium to open it in, for
 * the tests of the `describe` that calls this: started before its first test,
 * closed after its last (after the hooks that the `describe` adds later).
 */
export function searchSiteInBrowser(): SearchSiteInBrowser {
  const site = siteInBrowser(async () => serveStatic(await searchSite(), SEARCH_BASE));
  return {
    get browser() {
      return site.browser;
    },
    get server() {
      return site.server;
    },
    open: async (context, path) => {
      const page = await context.newPage();
      const requests: string[] = [];
      page.on('request', (request) => requests.push(new URL(request.url()).pathname));
      const problems = collectProblems(page);
      await page.goto(`${site.server.url}${path}`);
      return { page, problems, requests };
    },
  };
}

/**
 * Waits until the page has answered its search (results, or «nothing found»):
 * the list is busy from the moment a search starts, so the answer of an
 * earlier search does not count.
 */
export async function waitForAnswer(page: Page): Promise<void> {
  await page.waitForFunction(
    (selector) =>
      /^Знайдено|^Нічого/.test(document.querySelector(selector)?.textContent ?? '') &&
      !document.querySelector('[data-search-results]')?.hasAttribute('aria-busy'),
    STATUS,
  );
}

/** The number of results shown once the page has answered its search. */
export async function waitForCount(page: Page): Promise<number> {
  await waitForAnswer(page);
  return page.$$eval('.search-result', (items) => items.length);
}
