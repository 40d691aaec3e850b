import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '#lib/safety/csp.ts';
import { normalizeText } from '#lib/text/typography.ts';
import { browserAvailable, launchBrowser } from '../helpers/browser.ts';
import { buildSite, PROJECT_ROOT } from '../helpers/build-site.ts';
import { serveStatic, type StaticServer } from '../helpers/serve.ts';
import { HOSTILE, INJECTED_SELECTORS } from '../fixtures/hostile/strings.ts';
import { endedCleanly, runCli } from '../fixtures/hostile/run-cli.ts';

/**
 * Hostile text in every field a contributor controls, written by hand and
 * through `npm run ingest`, goes through a real build and a real Chromium:
 * no script runs, no dialog opens, no request leaves loopback, and the text
 * shows as text.
 */

const OUT = join(PROJECT_ROOT, 'tests/.output/safety-hostile');
const ARCHIVE = join(OUT, 'archive');
const SITE = join(OUT, 'site');
const ARTICLE = '2022/01/11/vorozhi-riadky';
const TITLE = `Ворожі рядки ${HOSTILE.scriptClose} ${HOSTILE.attributeDouble}`;
const SUMMARY = `Лід ${HOSTILE.attributeSingle} ${HOSTILE.xml} ${HOSTILE.template}`;
const CORRECTION = `Виправлено ${HOSTILE.scriptClose} ${HOSTILE.entity}`;
const SOURCE = `Видання ${HOSTILE.attributeDouble}`;
const TOPIC_NAME = `Тема ${HOSTILE.scriptClose}`;

const yamlString = (value: string) => JSON.stringify(value);

async function writeArchive(): Promise<void> {
  await rm(ARCHIVE, { recursive: true, force: true });
  await mkdir(join(ARCHIVE, 'articles', dirname(ARTICLE)), { recursive: true });
  await writeFile(
    join(ARCHIVE, 'topics.yaml'),
    `- slug: vorozha\n  name: ${yamlString(TOPIC_NAME)}\n  description: ${yamlString(HOSTILE.attributeDouble)}\n  match: [ворож*]\n`,
  );
  const front = [
    `title: ${yamlString(TITLE)}`,
    'date: 2022-01-11',
    'updated: 2022-01-12',
    'topics: [vorozha]',
    `summary: ${yamlString(SUMMARY)}`,
    `source: { name: ${yamlString(SOURCE)}, url: "https://example.org/?q=%22%3E%3Cscript%3Ealert(7)%3C/script%3E" }`,
    `correction: ${yamlString(CORRECTION)}`,
    'id: sha256:0000000000000001',
  ].join('\n');
  // The body holds the payloads escaped, as the ingest writes them: Markdown shows them as text.
  const body = [
    'Ворожий текст: \\</script>\\<script>alert(8)\\</script> і \\<img src=x onerror=alert(9)>.',
    '',
    'Фігурні дужки \\{alert(10)} і сутність &lt;b&gt;.',
  ].join('\n');
  await writeFile(join(ARCHIVE, 'articles', `${ARTICLE}.md`), `---\n${front}\n---\n${body}\n`);
  // An article that embeds a video, to check that nothing loads from the provider until asked.
  await cp(
    join(PROJECT_ROOT, 'content/articles/2026/11/25/yak-arkhiv-pokazuie-foto-tsytaty-dokumenty-y-video.mdx'),
    join(ARCHIVE, 'articles/2022/01/12/embed.mdx'),
  );
  const embed = (await readFile(join(ARCHIVE, 'articles/2022/01/12/embed.mdx'), 'utf8'))
    .replace('date: 2026-11-25', 'date: 2022-01-12')
    .replace('topics: [media]', 'topics: []');
  await writeFile(join(ARCHIVE, 'articles/2022/01/12/embed.mdx'), embed);
}

const INGESTED_TITLE = `Імпорт ${HOSTILE.attributeDouble} ${HOSTILE.scriptClose}`;
const INGESTED_JSON_TITLE = `JSON ${HOSTILE.xml}`;

/** Hostile raw input for `npm run ingest`: front matter, raw HTML, JSX, ESM, expressions and script URLs. */
async function writeIngestInput(dir: string): Promise<string[]> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const md = [
    '---',
    `title: ${yamlString(INGESTED_TITLE)}`,
    'date: 2022-01-13',
    `summary: ${yamlString(`Лід ${HOSTILE.attributeSingle}`)}`,
    '---',
    'Перший абзац ворожого матеріалу про раду. <script>alert(11)</script>',
    '',
    'Другий абзац <img src=x onerror=alert(12)> і [посилання](javascript:alert(13)) та <b onclick="alert(14)">жирне</b>.',
  ].join('\n');
  const json = JSON.stringify([
    {
      title: INGESTED_JSON_TITLE,
      body: '<iframe src="javascript:alert(15)"></iframe> Текст новини з JSON про бюджет громади.',
      date: '2022-01-13',
      source: { name: HOSTILE.attributeSingle, url: 'https://example.org/news/1' },
    },
  ]);
  const mdx = [
    '---',
    'title: Ворожий MDX',
    'date: 2022-01-13',
    '---',
    "import fs from 'node:fs';",
    'export const leak = 1;',
    '',
    'Текст MDX про школу {alert(16)} і <script>alert(17)</script>.',
    '',
    '<iframe src="https://evil.example/"></iframe>',
  ].join('\n');
  await writeFile(join(dir, 'hostile.md'), `${md}\n`);
  await writeFile(join(dir, 'hostile.json'), json);
  await writeFile(join(dir, 'hostile.mdx'), `${mdx}\n`);
  return ['hostile.md', 'hostile.json', 'hostile.mdx'].map((file) => join(dir, file));
}

async function htmlPages(root: string): Promise<string[]> {
  const files = await readdir(root, { recursive: true });
  return files
    .filter((file) => file.endsWith('.html'))
    .map((file) => file.replace(/(^|\/)index\.html$/, '$1'))
    .sort();
}

const run = browserAvailable();
let browser: Browser;
let server: StaticServer;
let buildLog = '';

beforeAll(async () => {
  if (!run) return;
  await writeArchive();
  const ingested = await runCli('scripts/ingest.ts', ['--content', ARCHIVE, ...(await writeIngestInput(join(OUT, 'input')))], 120_000);
  if (!endedCleanly(ingested) || !/записано: [1-9]/.test(ingested.stdout))
    throw new Error(`The ingest did not take the hostile input cleanly:\n${ingested.stdout}\n${ingested.stderr}`);
  const result = await buildSite({ content: ARCHIVE, outDir: SITE, site: 'https://arkhiv.example' });
  buildLog = `${result.stdout}\n${result.stderr}`;
  if (result.code !== 0) throw new Error(`The hostile archive did not build:\n${buildLog.slice(-4000)}`);
  server = await serveStatic(SITE, '/');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Visit {
  page: Page;
  context: BrowserContext;
  dialogs: string[];
  external: string[];
  errors: string[];
}

/** Opens a page in a fresh context that records dialogs, page errors and every request that would leave loopback (and blocks it). */
async function visit(path: string, javaScriptEnabled = true): Promise<Visit> {
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  const visitLog: Visit = { page, context, dialogs: [], external: [], errors: [] };
  page.on('dialog', (dialog) => {
    visitLog.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => visitLog.errors.push(error.message));
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.hostname === 'localhost') return route.continue();
    visitLog.external.push(url.href);
    return route.abort();
  });
  await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
  return visitLog;
}

describe.skipIf(!run)('hostile text in a built site, in Chromium', () => {
  test('no page runs a payload, opens a dialog, gains an injected element or loads anything from outside, and each sends the policy', async () => {
    const pages = await htmlPages(SITE);
    expect(pages).toEqual(expect.arrayContaining([`${ARTICLE}/`, 'topics/vorozha/', '']));
    for (const path of pages) {
      const seen = await visit(path);
      const injected = await seen.page.evaluate(
        (selectors) => selectors.filter((selector) => document.querySelector(selector) !== null),
        INJECTED_SELECTORS,
      );
      const inlineScripts = await seen.page.evaluate(() =>
        [...document.querySelectorAll('script')]
          .filter((s) => !s.src && /^(|module|text\/javascript|application\/javascript)$/i.test(s.type.trim()))
          .map((s) => s.textContent ?? ''),
      );
      const scriptLinks = await seen.page.evaluate(() =>
        [...document.querySelectorAll('a[href]')]
          .map((a) => a.getAttribute('href') ?? '')
          .filter((href) => /^\s*(javascript|data|vbscript):/i.test(href)),
      );
      const policy = await seen.page.evaluate(() =>
        document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'),
      );
      expect({
        path,
        policy,
        dialogs: seen.dialogs,
        errors: seen.errors,
        injected,
        inlineScripts,
        scriptLinks,
        external: seen.external,
      }).toEqual({
        path,
        policy: CONTENT_SECURITY_POLICY,
        dialogs: [],
        errors: [],
        injected: [],
        inlineScripts: [],
        scriptLinks: [],
        external: [],
      });
      await seen.context.close();
    }
  });

  test('the article shows every hostile field as the text it is', async () => {
    const { page, context } = await visit(`${ARTICLE}/`);
    expect(await page.locator('h1').innerText()).toBe(TITLE);
    expect(await page.title()).toContain(TITLE);
    const body = await page.locator('main').innerText();
    for (const expected of [
      SUMMARY.replace('\u2028', ' ').slice(0, 40),
      CORRECTION,
      '</script><script>alert(8)</script>',
      '<img src=x onerror=alert(9)>',
      '{alert(10)}',
      '<b>',
    ]) {
      expect(body).toContain(expected);
    }
    await expect(page.locator('main').getByText(SOURCE, { exact: false }).first().isVisible()).resolves.toBe(true);
    await context.close();
  });

  test('articles that came through the ingest show their hostile titles as text', async () => {
    const titles: string[] = [];
    for (const path of (await htmlPages(SITE)).filter((p) => p.startsWith('2022/01/13/') && p.split('/').length === 5)) {
      const { page, context } = await visit(path);
      titles.push(await page.locator('h1').innerText());
      await context.close();
    }
    // The ingest normalises typography (quotes become «») but keeps every character of markup as text.
    expect(titles).toEqual(expect.arrayContaining([normalizeText(INGESTED_TITLE), normalizeText(INGESTED_JSON_TITLE), 'Ворожий MDX']));
  });

  test('<meta> tags and JSON-LD carry the exact text', async () => {
    const { page, context } = await visit(`${ARTICLE}/`);
    const head = await page.evaluate(() => ({
      description: document.querySelector('meta[name="description"]')?.getAttribute('content'),
      ogTitle: document.querySelector('meta[property="og:title"]')?.getAttribute('content'),
      jsonLd: [...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => s.textContent ?? ''),
    }));
    expect(head.description).toBe(SUMMARY);
    expect(head.ogTitle).toBe(TITLE);
    expect(head.jsonLd).toHaveLength(1);
    const data = JSON.parse(head.jsonLd[0]!) as { headline: string; description: string };
    expect(data.headline).toBe(TITLE);
    expect(data.description).toBe(SUMMARY);
    await context.close();
  });

  test('the feeds parse as XML and hold the exact text', async () => {
    const { page, context } = await visit(`${ARTICLE}/`);
    for (const feed of ['rss.xml', 'topics/vorozha/rss.xml']) {
      const parsed = await page.evaluate(async (url) => {
        const xml = new DOMParser().parseFromString(await (await fetch(url)).text(), 'application/xml');
        return {
          error: xml.querySelector('parsererror')?.textContent ?? null,
          titles: [...xml.querySelectorAll('item > title')].map((t) => t.textContent),
          scripts: xml.getElementsByTagName('script').length,
        };
      }, `${server.url}${feed}`);
      expect(parsed, feed).toEqual({ error: null, titles: expect.arrayContaining([TITLE]), scripts: 0 });
    }
    await context.close();
  });

  test('the Content Security Policy is enforced: an inline script does not run', async () => {
    const { page, context } = await visit(`${ARTICLE}/`);
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toBe(CONTENT_SECURITY_POLICY);
    const inlineRan = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.head.append(script);
      return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
    });
    expect(inlineRan).toBe(false);
    await context.close();
  });

  test('search results show hostile titles, topics and excerpts as text', async () => {
    const seen = await visit(`search/?q=${encodeURIComponent('ворожий')}`);
    const result = seen.page.locator('.search-result').first();
    await result.waitFor({ timeout: 30_000 });
    expect(await result.locator('h2 a').innerText()).toBe(TITLE);
    expect(await result.innerText()).toContain(TOPIC_NAME);
    expect(await result.locator('.search-result__excerpt').innerText()).toContain('<script>alert(8)</script>');
    const injected = await seen.page.evaluate(
      (selectors) => selectors.filter((selector) => document.querySelector(selector) !== null),
      INJECTED_SELECTORS,
    );
    expect({ dialogs: seen.dialogs, errors: seen.errors, injected, external: seen.external }).toEqual({
      dialogs: [],
      errors: [],
      injected: [],
      external: [],
    });
    await seen.context.close();
  });

  test('an embed loads nothing from its provider until the reader asks, and links to the original without JavaScript', async () => {
    const seen = await visit('2022/01/12/embed/');
    expect(seen.external).toEqual([]);
    await seen.page.getByRole('link', { name: 'Показати з YouTube' }).click();
    const frame = seen.page.locator('figure[data-embed-player] iframe');
    await expect(frame.getAttribute('src')).resolves.toBe('https://www.youtube-nocookie.com/embed/jNQXAC9IVRw');
    await expect.poll(() => seen.external).toEqual(['https://www.youtube-nocookie.com/embed/jNQXAC9IVRw']);
    expect(seen.dialogs).toEqual([]);
    await seen.context.close();

    const noScript = await visit('2022/01/12/embed/', false);
    expect(await noScript.page.getByRole('link', { name: 'Показати з YouTube' }).getAttribute('href')).toBe(
      'https://www.youtube.com/watch?v=jNQXAC9IVRw',
    );
    expect(await noScript.page.locator('iframe').count()).toBe(0);
    expect(noScript.external).toEqual([]);
    await noScript.context.close();
  });
});
