import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.ts';
import { serveStatic, type StaticServer } from './serve.ts';
import { fixtureSite } from './site-fixture.ts';

export interface SiteInBrowser {
  /** Set before the first test. */
  readonly browser: Browser;
  /** The site served over HTTP; set before the first test. */
  readonly server: StaticServer;
}

/**
 * A built site served over HTTP (`serve` starts the server) and a Chromium
 * to open it in, for the tests of the `describe` that calls this: started
 * before its first test, closed after its last (after the hooks that the
 * `describe` adds later).
 */
export function siteInBrowser(serve: () => Promise<StaticServer>): SiteInBrowser {
  let browser: Browser | undefined;
  let server: StaticServer | undefined;

  beforeAll(async () => {
    server = await serve();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  return {
    get browser() {
      return browser!;
    },
    get server() {
      return server!;
    },
  };
}

/** The fixture site (variant `root`) in a browser (see `siteInBrowser`). */
export function fixtureSiteInBrowser(): SiteInBrowser {
  return siteInBrowser(async () => {
    const site = await fixtureSite('root');
    return serveStatic(site.outDir, site.base);
  });
}
