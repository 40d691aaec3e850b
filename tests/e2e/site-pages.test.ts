import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { axeViolations } from '../helpers/axe.ts';
import { browserAvailable } from '../helpers/browser.ts';
import { fixtureSiteInBrowser } from '../helpers/fixture-browser.ts';

/** One page of each type the site generates. */
const PAGES: Record<string, string> = {
  home: '',
  article: '2022/10/10/masovanyi-obstril-enerhetyky/',
  'article with a hostile title': '2022/01/11/nebezpechnyi-zaholovok/',
  'topic index': 'topics/',
  topic: 'topics/viina/',
  'topic page': 'topics/viina/2/',
  'author index': 'authors/',
  author: 'authors/olena-petrenko/',
  'article with two authors': '2022/11/23/blekaut-pislia-obstrilu/',
  archive: 'archive/',
  year: '2022/',
  month: '2022/01/',
  day: '2022/01/11/',
  '404': 'no/such/page/',
};

describe.runIf(browserAvailable())('the site in a real browser', () => {
  const site = fixtureSiteInBrowser();

  /** Runs `check` on `path` in a fresh browser context, closed afterwards. */
  async function visit(
    options: BrowserContextOptions,
    path: string,
    check: (page: Page, requests: string[]) => Promise<void>,
  ): Promise<void> {
    const context = await site.browser.newContext(options);
    try {
      const page = await context.newPage();
      const requests: string[] = [];
      page.on('request', (request) => requests.push(`${request.resourceType()} ${request.url()}`));
      await page.goto(site.server.url + path, { waitUntil: 'load' });
      await check(page, requests);
    } finally {
      await context.close();
    }
  }

  describe.each(['light', 'dark'] as const)('%s theme', (colorScheme) => {
    test.each(Object.entries(PAGES))('%s page has no accessibility violations', async (_, path) => {
      await visit({ colorScheme }, path, async (page) => {
        expect(await axeViolations(page)).toEqual([]);
      });
    });
  });

  /**
   * The reading pages run no script of their own and work with JavaScript off
   * (see the keyboard and search-form tests below). The one script allowed is
   * the site's shared enhancement (offline support, search highlighting): a
   * deferred same-origin module, within a small budget.
   */
  const SCRIPT_BUDGET_BYTES = 3 * 1024;

  test.each(Object.entries(PAGES))('%s page loads no third-party resources and at most the small shared module script', async (_, path) => {
    await visit({}, path, async (page, requests) => {
      expect(requests.filter((r) => !r.split(' ')[1]!.startsWith(site.server.origin))).toEqual([]);
      const scripts = await page.$$eval('script', (list) =>
        list.map((s) => ({ type: s.getAttribute('type'), src: s.getAttribute('src'), inline: s.textContent!.trim().length > 0 })),
      );
      expect(scripts.filter((s) => s.type !== 'application/ld+json' && (s.type !== 'module' || !s.src || s.inline))).toEqual([]);
      const scriptBytes = await page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .filter((e) => e.name.endsWith('.js'))
          .reduce((sum, e) => sum + (e as PerformanceResourceTiming).decodedBodySize, 0),
      );
      expect(scriptBytes).toBeLessThanOrEqual(SCRIPT_BUDGET_BYTES);
    });
  });

  test.each(Object.entries(PAGES))('%s page fits a 390 px wide phone without sideways scrolling', async (_, path) => {
    await visit({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false }, path, async (page) => {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
  });

  test('the skip link is the first stop and moves focus into the main content', async () => {
    await visit({ javaScriptEnabled: false }, PAGES.article!, async (page) => {
      await page.keyboard.press('Tab');
      const skip = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const box = el.getBoundingClientRect();
        return {
          text: el.textContent,
          href: el.getAttribute('href'),
          visible: box.top >= 0 && box.height > 0,
          outline: getComputedStyle(el).outlineStyle,
        };
      });
      expect(skip).toEqual({ text: 'Перейти до змісту', href: '#main', visible: true, outline: 'solid' });
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      const next = await page.evaluate(() => ({
        inMain: document.querySelector('main')!.contains(document.activeElement),
        text: document.activeElement?.textContent,
      }));
      expect(next).toEqual({ inMain: true, text: 'Головна' });
    });
  });

  test('tabbing from the top passes the header and reaches the article in order', async () => {
    await visit({ javaScriptEnabled: false }, '2022/02/24/rosiia-rozpochala-povnomasshtabne-vtorhnennia/', async (page) => {
      const stops: string[] = [];
      while (!stops.at(-1)?.startsWith('footer') && stops.length < 200) {
        await page.keyboard.press('Tab');
        stops.push(
          await page.evaluate(() => {
            const el = document.activeElement!;
            const region = el.closest('header.site-header')
              ? 'header'
              : el.closest('main')
                ? 'main'
                : el.closest('footer.site-footer')
                  ? 'footer'
                  : 'body';
            return `${region}:${el.tagName.toLowerCase()}:${el.closest('article') ? 'article' : ''}`;
          }),
        );
      }
      const regions = stops.map((s) => s.split(':')[0]).filter((region, i, all) => region !== all[i - 1]);
      expect(regions).toEqual(['body', 'header', 'main', 'footer']);
      expect(stops.some((s) => s.startsWith('main:a:article'))).toBe(true);
      expect(stops).toContain('header:input:');
    });
  });

  test('the search form works without JavaScript', async () => {
    await visit({ javaScriptEnabled: false }, PAGES.home!, async (page) => {
      await page.fill('header input[type=search]', 'обстріл енергетики');
      await page.press('header input[type=search]', 'Enter');
      await page.waitForURL(/\/search\/\?q=/);
      expect(new URL(page.url()).searchParams.get('q')).toBe('обстріл енергетики');
    });
  });

  test('printing an article leaves out the site chrome', async () => {
    await visit({ javaScriptEnabled: false }, PAGES.article!, async (page) => {
      await page.emulateMedia({ media: 'print' });
      const shown = await page.evaluate(() =>
        ['.site-header', '.site-footer', '.breadcrumbs', '.article-footer', 'article h1'].map(
          (s) => getComputedStyle(document.querySelector(s)!).display !== 'none',
        ),
      );
      expect(shown).toEqual([false, false, false, false, true]);
    });
  });
});
