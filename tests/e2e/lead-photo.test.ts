import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { browserAvailable } from '../helpers/browser.ts';
import { axeViolations } from '../helpers/axe.ts';
import { fixtureSiteInBrowser } from '../helpers/fixture-browser.ts';

const MUSEUM = '2022/06/15/muzei-riatuiut-kolektsii/';

describe.runIf(browserAvailable())('lead photos in a real browser', () => {
  const site = fixtureSiteInBrowser();

  /** Opens `path` on a screen `width` CSS pixels wide at `scale` device pixels per CSS pixel; every request is recorded. */
  async function open(path: string, width: number, scale: number): Promise<{ page: Page; requests: string[]; close(): Promise<void> }> {
    const context = await site.browser.newContext({ viewport: { width, height: 800 }, deviceScaleFactor: scale });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(site.server.url + path, { waitUntil: 'load' });
    return { page, requests, close: () => context.close() };
  }

  test('a phone loads the size that fits its screen, from the site, without moving the text', async () => {
    const { page, requests, close } = await open(MUSEUM, 375, 2);
    try {
      const photo = await page.$eval('figure.lead-photo img', (img) => {
        const image = img as HTMLImageElement;
        return {
          complete: image.complete,
          natural: image.naturalWidth,
          current: image.currentSrc,
          shown: image.getBoundingClientRect().width,
        };
      });
      expect(photo.complete).toBe(true);
      expect(photo.natural).toBeGreaterThan(0);
      // The narrowest size that covers the shown width at two device pixels per CSS pixel.
      const chosen = Number(/^.*\/muzei-skhovyshche-[0-9a-f]{10}-(\d+)\.webp$/.exec(photo.current)?.[1]);
      expect(chosen).toBeGreaterThanOrEqual(photo.shown * 2);
      expect(chosen).toBeLessThan(1200);
      expect(requests.filter((url) => !url.startsWith(site.server.url))).toEqual([]);
      const shift = await page.evaluate(
        () =>
          new Promise<number>((done) => {
            let total = 0;
            new PerformanceObserver((list) => {
              for (const entry of list.getEntries()) total += (entry as PerformanceEntry & { value: number }).value;
            }).observe({ type: 'layout-shift', buffered: true });
            setTimeout(() => done(total), 300);
          }),
      );
      expect(shift).toBe(0);
    } finally {
      await close();
    }
  });

  test('list photos are 8rem wide and load the size for the screen', async () => {
    const { page, close } = await open('', 1280, 1);
    try {
      await page.$$eval('img.thumbnail', (list) => list.forEach((img) => img.scrollIntoView()));
      await page.waitForFunction(() => [...document.querySelectorAll('img.thumbnail')].every((img) => (img as HTMLImageElement).complete));
      const thumbnails = await page.$$eval('img.thumbnail', (list) =>
        list.map((img) => ({ shown: img.getBoundingClientRect().width, current: (img as HTMLImageElement).currentSrc })),
      );
      expect(thumbnails.length).toBeGreaterThan(0);
      for (const thumbnail of thumbnails) {
        expect(thumbnail.shown).toBe(128);
        expect(thumbnail.current).toMatch(/-128\.webp$/);
      }
    } finally {
      await close();
    }
  });

  test('an article page with a photo has no accessibility violations', async () => {
    const { page, close } = await open(MUSEUM, 1280, 1);
    try {
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await close();
    }
  });
});
