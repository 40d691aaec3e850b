import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { stemWord } from '#lib/search/stem.ts';
import { browserAvailable } from '../helpers/browser.ts';
import { collectProblems, searchSiteInBrowser, STATUS, waitForAnswer } from '../helpers/search-page.ts';

const SEARCHED = '[data-search-searched]';

/** Forgiving input on the search page: Latin transliteration, the wrong keyboard layout, phrases and exclusions. */
describe.runIf(browserAvailable())('what the search page makes of the typed query, in Chromium', () => {
  const session = searchSiteInBrowser();
  let context: BrowserContext;
  const problems: string[] = [];

  beforeAll(async () => {
    context = await session.browser.newContext({ serviceWorkers: 'block' });
  });

  afterAll(async () => {
    await context?.close();
    expect(problems).toEqual([]);
  });

  /** The search page opened with a query, once its results (or «nothing found») are shown. */
  async function search(query: string): Promise<Page> {
    const page = await context.newPage();
    collectProblems(page, problems);
    await page.goto(`${session.server.url}search/?q=${encodeURIComponent(query)}`);
    await waitForAnswer(page);
    return page;
  }

  /** The titles of the results of a query, all on the first page. */
  async function titles(query: string): Promise<string[]> {
    const page = await search(query);
    const found = await page.$$eval('.search-result h2 a', (links) => links.map((a) => a.textContent ?? ''));
    expect(await page.isVisible('[data-search-more]')).toBe(false);
    await page.close();
    return found;
  }

  test.each([
    ['Kharkiv', 'Харків'],
    ['Kyiv', 'Київ'],
    ['Kiev', 'Київ'],
    ['rb]d', 'київ'],
    ['pfkspybwz', 'залізниця'],
  ])('«%s» finds what «%s» finds, and says so', async (typed, cyrillic) => {
    const expected = await titles(cyrillic);
    expect(expected.length).toBeGreaterThan(0);
    expect(await titles(typed)).toEqual(expected);
    const page = await search(typed);
    expect(await page.textContent(SEARCHED)).toBe(`Шукаємо «${cyrillic}». Шукати саме «${typed}»`);
    await page.close();
  });

  test('searches as typed a word that no reading turns into a word of the archive', async () => {
    for (const typed of ['Zelensky', 'example.org']) {
      const page = await search(typed);
      expect(await page.textContent(STATUS)).toMatch(/^Нічого/);
      expect(await page.isVisible(SEARCHED)).toBe(false);
      await page.close();
    }
  });

  test('says what it searched for, and links to the search for exactly what was typed', async () => {
    const page = await search('Kharkiv');
    expect(await page.textContent(SEARCHED)).toBe('Шукаємо «Харків». Шукати саме «Kharkiv»');
    // Result links mark the word that was searched, not the one typed.
    expect(await page.getAttribute('.search-result h2 a', 'href')).toContain(
      `pagefind-highlight=${encodeURIComponent(stemWord('харків'))}`,
    );

    await page.getByRole('link', { name: 'Шукати саме «Kharkiv»' }).click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === '"Kharkiv"');
    await page.waitForFunction((selector) => /^Нічого/.test(document.querySelector(selector)?.textContent ?? ''), STATUS);
    expect(await page.inputValue('#search-query')).toBe('"Kharkiv"');
    expect(await page.isVisible(SEARCHED)).toBe(false);

    await page.goBack();
    await page.waitForFunction((selector) => /^Знайдено/.test(document.querySelector(selector)?.textContent ?? ''), STATUS);
    expect(await page.textContent(SEARCHED)).toBe('Шукаємо «Харків». Шукати саме «Kharkiv»');
    await page.close();
  });

  test('says nothing about a query searched as typed', async () => {
    const page = await search('Харків');
    expect(await page.isVisible(SEARCHED)).toBe(false);
    await page.close();
  });

  test('matches a phrase in quotes exactly, and its words anywhere without them', async () => {
    const phrase = await titles('"гуманітарна допомога"');
    const words = await titles('гуманітарна допомога');
    expect(phrase).toEqual(['Гуманітарна допомога прибула до Харкова']);
    // The vaccines article has «гуманітарну допомогу»: other forms, so no match for the exact phrase.
    expect(words.length).toBeGreaterThan(phrase.length);
    expect(words).toEqual(expect.arrayContaining(phrase));
    expect(await titles('«гуманітарна допомога»')).toEqual(phrase);
  });

  test('leaves out every result that uses an excluded word in any form', async () => {
    const all = await titles('допомога');
    const volunteers = await titles('волонтери');
    const shared = all.filter((title) => volunteers.includes(title));
    expect(shared.length).toBeGreaterThan(0);
    const rest = await titles('допомога -волонтерів');
    expect(rest).toEqual(all.filter((title) => !shared.includes(title)));
    expect(await titles('допомога -"гуманітарна допомога"')).toEqual(
      all.filter((title) => title !== 'Гуманітарна допомога прибула до Харкова'),
    );
  });
});
