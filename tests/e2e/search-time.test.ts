import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { t, tn, type StringKey } from '../../src/i18n/uk.ts';
import { axeViolations } from '../helpers/axe.ts';
import { browserAvailable } from '../helpers/browser.ts';
import { searchSiteInBrowser, STATUS, waitForCount } from '../helpers/search-page.ts';

const BARS = '[data-search-timeline-bars] li';

describe.runIf(browserAvailable())('time on the search page in Chromium', () => {
  const session = searchSiteInBrowser();
  const { open } = session;

  async function resultDates(page: Page): Promise<string[]> {
    return page.$$eval('.search-result time', (times) => times.map((t) => t.getAttribute('datetime') ?? ''));
  }

  /** The timeline's heading and each bar's text (what a screen reader reads), once it shows `heading`. */
  async function timeline(page: Page, heading: string): Promise<{ bars: string[]; links: string[] }> {
    // The bars follow the first results, with the counts.
    await page.waitForFunction((text) => document.querySelector('[data-search-timeline-title]')?.textContent === text, heading);
    expect(await page.isVisible('[data-search-timeline]')).toBe(true);
    return {
      bars: await page.$$eval(BARS, (items) => items.map((item) => item.querySelector('.visually-hidden')?.textContent ?? '')),
      links: await page.$$eval(`${BARS} a`, (links) => links.map((a) => a.querySelector('.visually-hidden')?.textContent ?? '')),
    };
  }

  test('filters by a month chosen from the list, and keeps it in the URL across a reload', async () => {
    const context = await session.browser.newContext({ serviceWorkers: 'block' });
    const { page, problems } = await open(context, 'search/?year=2022');
    expect(await waitForCount(page)).toBe(10);
    await page.waitForSelector('[data-search-month] option[value="2022-01"]', { state: 'attached' });
    expect(await page.textContent('[data-search-month] option[value="2022-01"]')).toBe('січень 2022 (3)');

    await page.getByLabel('Місяць', { exact: true }).selectOption('2022-01');
    await page.waitForFunction(() => new URL(location.href).search === '?year=2022&month=2022-01');
    await page.waitForFunction(() => document.querySelectorAll('.search-result').length === 3);
    expect(await resultDates(page)).toEqual(expect.arrayContaining(['2022-01-05', '2022-01-07', '2022-01-20']));
    expect(await page.textContent(STATUS)).toBe(tn('search.results', 3));

    await page.reload();
    expect(await waitForCount(page)).toBe(3);
    expect(await page.getByLabel('Місяць', { exact: true }).inputValue()).toBe('2022-01');
    const { bars } = await timeline(page, 'Результати за місяцями 2022 року');
    expect(bars.slice(0, 3)).toEqual([
      tn('search.timeline.bar', 3, { period: 'січень 2022' }),
      tn('search.timeline.bar', 1, { period: 'лютий 2022' }),
      tn('search.timeline.bar', 2, { period: 'березень 2022' }),
    ]);
    expect(bars[0]).toBe('січень 2022: 3 статті');
    expect(await page.getAttribute(`${BARS} a[data-period="2022-01"]`, 'aria-current')).toBe('true');
    expect(problems).toEqual([]);
    await context.close();
  });

  test('filters by a range of days typed with the keyboard, exact to the day', async () => {
    const context = await session.browser.newContext({ serviceWorkers: 'block', locale: 'en-US' });
    const { page, problems } = await open(context, 'search/');
    await page.getByLabel('Від', { exact: true }).focus();
    await page.keyboard.type('03202022');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('from') === '2022-03-20');
    await page.getByLabel('До', { exact: true }).focus();
    await page.keyboard.type('05102022');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('to') === '2022-05-10');
    await page.waitForFunction(() => document.querySelectorAll('.search-result').length === 4);
    // 15 March and 21 May share a month with the ends of the range and stay out.
    expect((await resultDates(page)).sort()).toEqual(['2022-03-29', '2022-04-10', '2022-04-18', '2022-05-02']);
    expect(await page.textContent(STATUS)).toBe(tn('search.results', 4));

    await page.reload();
    expect(await waitForCount(page)).toBe(4);
    expect(await page.getByLabel('Від', { exact: true }).inputValue()).toBe('2022-03-20');
    expect(await page.getByLabel('До', { exact: true }).inputValue()).toBe('2022-05-10');
    expect(new URL(page.url()).search).toBe('?from=2022-03-20&to=2022-05-10');
    expect(problems).toEqual([]);
    await context.close();
  });

  test('draws a timeline of the query per year whose bars filter, reached with the keyboard, without axe violations', async () => {
    const context = await session.browser.newContext({ serviceWorkers: 'block' });
    const { page, problems } = await open(context, `search/?q=${encodeURIComponent('допомога')}`);
    await waitForCount(page);
    const { bars, links } = await timeline(page, 'Результати за роками');
    // The bars count what the year checkboxes count: the query's results per year.
    const years = await page.$$eval('[data-search-filters] input[name="year"]', (boxes) =>
      boxes.map((box) => {
        const [, year, count] = /(\d{4}) \((\d+)\)$/.exec(box.parentElement?.textContent?.trim() ?? '') ?? [];
        return { year: year!, count: Number(count) };
      }),
    );
    expect(years.length).toBeGreaterThan(1);
    const expected = years
      .filter((y) => y.count > 0)
      .sort((a, b) => a.year.localeCompare(b.year))
      .map((y) => tn('search.timeline.bar', y.count, { period: y.year }));
    expect(links).toEqual(expected);
    expect(bars.length).toBeGreaterThanOrEqual(links.length);
    expect(await axeViolations(page)).toEqual([]);

    // From the last date field, Tab reaches the first bar.
    await page.getByLabel('До', { exact: true }).focus();
    for (let i = 0; i < 10; i++) {
      if (await page.evaluate(() => document.activeElement?.closest('[data-search-timeline]') !== null)) break;
      await page.keyboard.press('Tab');
    }
    const focused = await page.evaluate(() => document.activeElement?.querySelector('.visually-hidden')?.textContent);
    expect(focused).toBe(links[0]);
    const year = expected[0]!.slice(0, 4);
    await page.keyboard.press('Enter');
    await page.waitForFunction((y) => new URL(location.href).searchParams.get('year') === y, year);
    expect(new URL(page.url()).searchParams.get('q')).toBe('допомога');
    // The URL changes at once; the results of the filtered search replace the old ones when it ends.
    await page.waitForFunction((y) => {
      const dates = [...document.querySelectorAll('.search-result time')].map((time) => time.getAttribute('datetime') ?? '');
      return dates.length > 0 && dates.every((date) => date.startsWith(y));
    }, year);
    await waitForCount(page);
    for (const date of await resultDates(page)) expect(date.startsWith(year)).toBe(true);
    const months = await timeline(page, `Результати за місяцями ${year} року`);
    expect(months.bars).toHaveLength(12);
    // The focus stays in the timeline, on a bar of the chosen year.
    expect(await page.evaluate(() => document.activeElement?.closest('[data-search-timeline]') !== null)).toBe(true);
    expect(await page.getByLabel(new RegExp(`${year} \\(\\d+\\)$`)).isChecked()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    // «Усі роки» goes back to the years.
    await page.getByRole('link', { name: 'Усі роки' }).click();
    await page.waitForFunction(() => new URL(location.href).search === `?q=${encodeURIComponent('допомога')}`);
    expect((await timeline(page, 'Результати за роками')).links).toEqual(expected);
    expect(problems).toEqual([]);
    await context.close();
  });

  test('counts only the chosen topic in the timeline and the month list, in every period whatever time is chosen', async () => {
    const context = await session.browser.newContext({ serviceWorkers: 'block' });
    const { page, problems } = await open(context, `search/?topic=${encodeURIComponent('Економіка')}`);
    await waitForCount(page);
    expect(await page.textContent(STATUS)).toBe(tn('search.results', 13));
    // 13 articles on economy among the 50: 2 in 2022, 8 in 2023, 1 in 2024, 2 in 2025.
    const years = await timeline(page, 'Результати за роками');
    expect(years.links).toEqual([
      tn('search.timeline.bar', 2, { period: '2022' }),
      tn('search.timeline.bar', 8, { period: '2023' }),
      tn('search.timeline.bar', 1, { period: '2024' }),
      tn('search.timeline.bar', 2, { period: '2025' }),
    ]);
    // The year checkboxes still count every result of the query (no words: every article), as before a topic was chosen.
    expect(await page.getByRole('checkbox', { name: '2023 (19)', exact: true }).isChecked()).toBe(false);

    await page.click(`${BARS} a[data-period="2023"]`);
    await page.waitForFunction(() => new URL(location.href).searchParams.get('year') === '2023');
    const months = await timeline(page, 'Результати за місяцями 2023 року');
    const expected = [0, 0, 1, 2, 2, 1, 1, 1, 0, 0, 0, 0];
    expect(months.bars).toEqual(
      expected.map((count, i) => tn('search.timeline.bar', count, { period: `${t(`month.nominative.${i + 1}` as StringKey)} 2023` })),
    );
    await page.waitForSelector('[data-search-month] option[value="2023-04"]', { state: 'attached' });
    expect(await page.textContent('[data-search-month] option[value="2023-04"]')).toBe('квітень 2023 (2)');

    // A month chosen keeps the other months' bars: time filters are not counted.
    await page.getByLabel('Місяць', { exact: true }).selectOption('2023-04');
    await page.waitForFunction(() => document.querySelectorAll('.search-result').length === 2);
    await page.waitForSelector(`${BARS} a[data-period="2023-04"][aria-current="true"]`);
    expect((await timeline(page, 'Результати за місяцями 2023 року')).bars).toEqual(months.bars);
    await page.getByRole('link', { name: 'Усі роки' }).click();
    await page.waitForFunction(() => new URL(location.href).search === `?topic=${encodeURIComponent('Економіка')}`);
    expect((await timeline(page, 'Результати за роками')).links).toEqual(years.links);
    expect(problems).toEqual([]);
    await context.close();
  });

  test('draws the timeline offline from the filter data the service worker cached', async () => {
    const context = await session.browser.newContext();
    const { page, problems } = await open(context, 'search/');
    await page.waitForFunction(async () => (await navigator.serviceWorker.ready).active?.state === 'activated');
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await page.fill('#search-query', 'переговорів');
    const online = await timeline(page, 'Результати за роками');
    expect(online.links.length).toBeGreaterThan(0);

    await context.setOffline(true);
    await page.goto(`${session.server.url}search/?q=${encodeURIComponent('переговорах')}`);
    await waitForCount(page);
    expect(await timeline(page, 'Результати за роками')).toEqual(online);
    expect(problems).toEqual([]);
    await context.close();
  });

  test('keeps the time controls inside the hidden search without JavaScript', async () => {
    const context = await session.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${session.server.url}search/?month=2022-03`);
    expect(await page.locator('.search-noscript').isVisible()).toBe(true);
    expect(await page.isVisible('[data-search-month]')).toBe(false);
    expect(await page.isVisible('[data-search-timeline]')).toBe(false);
    await context.close();
  });
});
