import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, test } from 'vitest';
import { attr, loadPage, meta, text, within, type Page } from '../helpers/html.ts';
import { fixtureSite, type FixtureSite } from '../helpers/site-fixture.ts';
import { listFiles } from '../helpers/site-links.ts';

const HOSTILE_TITLE = '</script><script>alert(1)</script> і "><img src=x onerror=alert(1)> у заголовку';
const HOSTILE_SUMMARY = 'Лід із <b>тегами</b> та "лапками" & амперсандом </script>.';

let site: FixtureSite;
const page = (path: string): Promise<Page> => loadPage(site.outDir, path);
const hrefs = (p: Page, scope?: string): string[] => {
  const root = scope ? p.one(scope) : undefined;
  return (root ? within(root, 'a') : p.all('a')).map((a) => attr(a, 'href') ?? '');
};
const jsonLd = (p: Page): Record<string, unknown> =>
  JSON.parse(text(p.one('script', { type: 'application/ld+json' }))) as Record<string, unknown>;

beforeAll(async () => {
  site = await fixtureSite('root');
});

describe('article page', () => {
  test('shows headline, lead, Ukrainian date, reading time, source, topics and the day archive', async () => {
    const p = await page('2022/02/24/rosiia-rozpochala-povnomasshtabne-vtorhnennia/');
    expect(attr(p.one('html'), 'lang')).toBe('uk');
    expect(text(p.one('h1'))).toBe('Росія розпочала повномасштабне вторгнення в Україну');
    expect(text(p.one('p', { class: 'lede' }))).toBe('Уночі ракетних ударів зазнали міста по всій країні.');
    const byline = text(p.one('ul', { class: 'byline meta' }));
    expect(byline).toContain('24 лютого 2022');
    expect(byline).toMatch(/\d+ хвилин[аи]? читання/);
    expect(hrefs(p, 'article')).toContain('https://example.net/2022/02/24/invasion');
    expect(hrefs(p)).toEqual(expect.arrayContaining(['/topics/viina/', '/2022/02/24/']));
    expect(within(p.one('ul', { class: 'byline meta' }), 'time').map((el) => attr(el, 'datetime'))).toEqual(['2022-02-24T03:00:00Z']);
  });

  test('has canonical, Open Graph, Twitter card and NewsArticle data', async () => {
    const p = await page('2022/10/10/masovanyi-obstril-enerhetyky/');
    const url = 'https://arkhiv.example/2022/10/10/masovanyi-obstril-enerhetyky/';
    expect(attr(p.one('link', { rel: 'canonical' }), 'href')).toBe(url);
    expect(meta(p, 'og:type')).toBe('article');
    expect(meta(p, 'og:url')).toBe(url);
    expect(meta(p, 'og:title')).toBe('Масований обстріл пошкодив енергетичні обʼєкти');
    expect(meta(p, 'twitter:card')).toBe('summary_large_image');
    expect(meta(p, 'og:image')).toBe('https://arkhiv.example/og-image.png');
    expect(meta(p, 'article:modified_time')).toBe('2022-10-12');
    expect(jsonLd(p)).toMatchObject({
      '@type': 'NewsArticle',
      headline: 'Масований обстріл пошкодив енергетичні обʼєкти',
      datePublished: '2022-10-10',
      dateModified: '2022-10-12',
      articleSection: 'Війна',
      keywords: 'Війна, Енергетика',
      url,
      publisher: { '@type': 'Organization', name: 'Архів' },
    });
  });

  test('shows a correction with its date', async () => {
    const p = await page('2022/10/10/masovanyi-obstril-enerhetyky/');
    const note = text(p.one('aside', { class: 'correction' }));
    expect(note).toContain('Виправлення від 12 жовтня 2022');
    expect(note).toContain('кількість пошкоджених обʼєктів була завищена');
  });

  test('an update without a correction is a line in the byline', async () => {
    const p = await page('2023/12/15/zymova-pidhotovka-enerhetykiv/');
    expect(p.all('aside', { class: 'correction' })).toHaveLength(0);
    expect(text(p.one('ul', { class: 'byline meta' }))).toContain('Оновлено 18 грудня 2023');
  });

  test('takes <html lang> from the article', async () => {
    expect(attr((await page('2023/11/09/statement-in-english/')).one('html'), 'lang')).toBe('en');
  });

  test('links related articles and the previous and next article in time', async () => {
    const p = await page('2022/02/25/radbez-oon-zasidannia/');
    const sequence = p.one('nav', { class: 'sequence' });
    expect(within(sequence, 'a', { rel: 'prev' }).map((a) => attr(a, 'href'))).toEqual([
      '/2022/02/24/rosiia-rozpochala-povnomasshtabne-vtorhnennia/',
    ]);
    expect(within(sequence, 'a', { rel: 'next' }).map((a) => attr(a, 'href'))).toEqual(['/2022/02/28/pershyi-raund-perehovoriv/']);
    const relatedList = within(p.all('section', { 'aria-labelledby': 'related-title' })[0]!, 'a')
      .filter((a) => attr(a, 'rel') !== 'author')
      .map((a) => attr(a, 'href'));
    expect(relatedList).toHaveLength(5);
    expect(relatedList).not.toContain('/2022/02/25/radbez-oon-zasidannia/');
    expect(relatedList[0]).toBe('/2021/09/02/oon-obhovoryla-stanovyshche-na-okupovanykh-terytoriiakh/');
  });

  test('marks only the headline, lead and body for the search index', async () => {
    const p = await page('2022/01/05/u-kazakhstani-tryvaiut-protesty/');
    const body = p.one('article', { 'data-pagefind-body': true });
    expect(within(body, 'h1')).toHaveLength(1);
    expect(within(body, 'nav')).toHaveLength(0);
    expect(within(body, 'span', { 'data-pagefind-meta': true })).toHaveLength(1);
    expect(p.all('footer', { class: 'article-footer' })).toHaveLength(1);
  });
});

describe('escaping of hostile text', () => {
  test('HTML shows the title as text and runs nothing', async () => {
    const p = await page('2022/01/11/nebezpechnyi-zaholovok/');
    expect(text(p.one('h1'))).toBe(HOSTILE_TITLE);
    expect(text(p.one('title'))).toBe(`${HOSTILE_TITLE} — Архів`);
    expect(text(p.one('p', { class: 'lede' }))).toBe(HOSTILE_SUMMARY);
    expect(p.all('img')).toHaveLength(0);
    expect(p.all('b')).toHaveLength(0);
    expect(p.all('script').filter((s) => attr(s, 'type') !== 'application/ld+json' && !attr(s, 'src'))).toEqual([]);
    expect(text(p.one('script', { type: 'application/ld+json' }))).not.toContain('</');
    expect(meta(p, 'og:title')).toBe(HOSTILE_TITLE);
    expect(meta(p, 'description')).toBe(HOSTILE_SUMMARY);
    expect(jsonLd(p)).toMatchObject({ headline: HOSTILE_TITLE, description: HOSTILE_SUMMARY });
  });

  test('lists that show the title escape it too', async () => {
    for (const path of ['2022/01/11/', '2022/01/', 'topics/viina/1/']) {
      const p = await page(path);
      expect(p.all('img'), path).toHaveLength(0);
      expect(
        p.all('script').filter((s) => !attr(s, 'src')),
        path,
      ).toHaveLength(0);
      expect(
        p.all('a').some((a) => text(a) === HOSTILE_TITLE),
        path,
      ).toBe(true);
    }
  });
});

describe('redirects from former addresses', () => {
  test.each(['2023/02/24/richnytsia-viiny/', '2023/02/23/rik-viiny/'])(
    '%s points at the article and stays out of search engines',
    async (alias) => {
      const p = await page(alias);
      const target = '/2023/02/24/rik-povnomasshtabnoi-viiny/';
      expect(attr(p.one('meta', { 'http-equiv': 'refresh' }), 'content')).toBe(`0; url=${target}`);
      expect(attr(p.one('link', { rel: 'canonical' }), 'href')).toBe(`https://arkhiv.example${target}`);
      expect(meta(p, 'robots')).toBe('noindex');
      expect(hrefs(p, 'main')).toContain(target);
    },
  );
});

describe('topic pages', () => {
  test('the index groups topics by kind with counts in Ukrainian', async () => {
    const p = await page('topics/');
    expect(p.all('h2').map(text)).toEqual(['Сюжети (4 теми)', 'Країни (2 теми)', 'Організації (1 тема)', 'Особи (1 тема)']);
    const items = text(p.one('main'));
    expect(items).toContain('Війна 21 стаття');
    expect(items).toContain('Енергетика 6 статей');
    expect(items).not.toContain('Спорт');
  });

  test('a topic front page shows its newest articles, the remainder included, and links its feed', async () => {
    const p = await page('topics/viina/');
    const items = p.one('ul', { class: 'article-list' });
    expect(within(items, 'li')).toHaveLength(6);
    expect(attr(within(items, 'a')[0]!, 'href')).toBe('/2023/12/15/zymova-pidhotovka-enerhetykiv/');
    expect(attr(p.one('link', { type: 'application/rss+xml', href: '/topics/viina/rss.xml' }), 'title')).toContain('Війна');
    const pager = p.one('nav', { class: 'pager' });
    expect(within(pager, 'a').map((a) => [text(a), attr(a, 'href')])).toEqual([
      ['3', '/topics/viina/3/'],
      ['2', '/topics/viina/2/'],
      ['1', '/topics/viina/1/'],
      ['Давніші →', '/topics/viina/3/'],
    ]);
  });

  test('numbered pages count from the oldest article', async () => {
    const first = await page('topics/viina/1/');
    const links = within(first.one('ul', { class: 'article-list' }), 'h2').map(text);
    expect(links).toHaveLength(5);
    expect(links.at(-1)).toBe('ООН обговорила становище на окупованих територіях');
    expect(text(first.one('h1'))).toBe('Війна, сторінка 1');
    expect(text(first.all('p', { class: 'meta' })[0]!)).toMatch(/^Статті з 2 вересня 2021 до 24 лютого 2022 · /);
    const files = await listFiles(join(site.outDir, 'topics/viina'));
    expect(files.filter((f) => f.endsWith('index.html')).sort()).toEqual(['1/index.html', '2/index.html', '3/index.html', 'index.html']);
  });

  test('a topic without articles has no page and no feed, and no page links to it', async () => {
    const files = await listFiles(site.outDir);
    expect(files.filter((f) => f.startsWith('topics/sport/'))).toEqual([]);
    for (const file of files.filter((f) => f.endsWith('.html') || f.endsWith('.xml'))) {
      expect(await readFile(join(site.outDir, file), 'utf8'), file).not.toContain('/topics/sport/');
    }
  });
});

describe('authors', () => {
  test('an article page credits its authors in the byline, linked to their pages, and as Person in NewsArticle data', async () => {
    const p = await page('2022/11/23/blekaut-pislia-obstrilu/');
    const byline = p.one('ul', { class: 'byline meta' });
    expect(text(byline)).toContain('Автори: Олена Петренко, Тарас Ковальчук');
    expect(within(byline, 'a', { rel: 'author' }).map((a) => attr(a, 'href'))).toEqual([
      '/authors/olena-petrenko/',
      '/authors/taras-kovalchuk/',
    ]);
    expect(jsonLd(p).author).toEqual([
      { '@type': 'Person', name: 'Олена Петренко', url: 'https://arkhiv.example/authors/olena-petrenko/' },
      { '@type': 'Person', name: 'Тарас Ковальчук', url: 'https://arkhiv.example/authors/taras-kovalchuk/' },
    ]);
    expect(p.all('meta', { property: 'article:author' }).map((m) => attr(m, 'content'))).toEqual([
      'https://arkhiv.example/authors/olena-petrenko/',
      'https://arkhiv.example/authors/taras-kovalchuk/',
    ]);
    const single = await page('2021/03/15/u-kanevi-onovyly-muzei-shevchenka/');
    expect(text(single.one('ul', { class: 'byline meta' }))).toContain('Автор: Тарас Ковальчук');
  });

  test('an article without authors has no byline of people and no author data', async () => {
    const p = await page('2022/02/25/radbez-oon-zasidannia/');
    expect(text(p.one('ul', { class: 'byline meta' }))).not.toMatch(/Автор/);
    expect(jsonLd(p)).not.toHaveProperty('author');
  });

  test('article lists show the byline after the date, or alone where the list leaves out dates', async () => {
    const topic = await page('topics/enerhetyka/');
    const dated = within(topic.one('ul', { class: 'article-list' }), 'p', { class: 'meta' }).map(text);
    expect(dated).toContain('23 листопада 2022 · Олена Петренко, Тарас Ковальчук');
    const day = await page('2022/11/23/');
    expect(within(day.one('ul', { class: 'article-list' }), 'p', { class: 'meta' }).map(text)).toEqual(['Олена Петренко, Тарас Ковальчук']);
  });

  test('the index lists every author with articles, alphabetically, with counts in Ukrainian', async () => {
    const p = await page('authors/');
    expect(text(p.one('h1'))).toBe('Автори');
    expect(text(p.one('p', { class: 'meta' }))).toBe('2 автори');
    expect(within(p.one('ul', { class: 'count-list' }), 'li').map(text)).toEqual(['Олена Петренко 10 статей', 'Тарас Ковальчук 2 статті']);
    expect(hrefs(p, 'main')).toEqual(expect.arrayContaining(['/authors/olena-petrenko/', '/authors/taras-kovalchuk/']));
  });

  test('an author page shows the bio, links, newest articles and the feed, paginated like a topic', async () => {
    const p = await page('authors/olena-petrenko/');
    expect(text(p.one('h1'))).toBe('Олена Петренко');
    expect(text(p.one('p', { class: 'lede' }))).toBe('Кореспондентка, пише про війну й енергетику.');
    expect(hrefs(p, 'main')).toContain('https://example.net/people/olena-petrenko');
    expect(hrefs(p, 'main')).toContain(`/search/?${new URLSearchParams({ author: 'Олена Петренко' })}`);
    expect(attr(p.one('link', { type: 'application/rss+xml', href: '/authors/olena-petrenko/rss.xml' }), 'title')).toBe(
      'Архів: Олена Петренко',
    );
    const items = within(p.one('ul', { class: 'article-list' }), 'h2').map(text);
    expect(items).toHaveLength(5);
    expect(items[0]).toBe('Підрив Каховської ГЕС спричинив масштабне затоплення');
    expect(within(p.one('nav', { class: 'pager' }), 'a').map((a) => attr(a, 'href'))).toContain('/authors/olena-petrenko/1/');

    const first = await page('authors/olena-petrenko/1/');
    expect(text(first.one('h1'))).toBe('Олена Петренко, сторінка 1');
    const oldest = within(first.one('ul', { class: 'article-list' }), 'h2').map(text);
    expect(oldest.at(-1)).toBe('Енергетики обіцяють стабільне тепло взимку');
    // The author's total is on the front page only, so that a new article leaves numbered pages as they are.
    expect(text(p.all('p', { class: 'meta' })[0]!)).toContain('10 статей');
    expect(text(first.all('p', { class: 'meta' })[0]!)).toMatch(/^Статті з 1 грудня 2021 до /);
  });

  test('an author without articles has no page, and no page links to it', async () => {
    const files = await listFiles(site.outDir);
    expect(files.filter((f) => f.startsWith('authors/iryna-bondar/'))).toEqual([]);
    for (const file of files.filter((f) => f.endsWith('.html') || f.endsWith('.xml'))) {
      expect(await readFile(join(site.outDir, file), 'utf8'), file).not.toContain('/authors/iryna-bondar/');
    }
  });
});

describe('date archive', () => {
  test('the overview lists years with months', async () => {
    const p = await page('archive/');
    expect(p.all('h2').map(text)).toEqual(['2023 7 статей', '2022 15 статей', '2021 4 статті']);
  });

  test('a year shows all twelve months and links those with articles', async () => {
    const p = await page('2021/');
    expect(text(p.one('h1'))).toBe('2021 рік');
    const grid = p.one('ul', { class: 'month-grid' });
    expect(within(grid, 'li')).toHaveLength(12);
    expect(within(grid, 'a').map((a) => attr(a, 'href'))).toEqual(['/2021/03/', '/2021/09/', '/2021/12/']);
    expect(text(grid)).toContain('Грудень 2 статті');
    expect(within(p.one('nav', { class: 'periods' }), 'a').map((a) => [attr(a, 'rel'), attr(a, 'href')])).toEqual([['next', '/2022/']]);
  });

  test('a month shows a calendar with links on days that have articles', async () => {
    const p = await page('2022/01/');
    expect(text(p.one('h1'))).toBe('Січень 2022');
    const calendar = p.one('table', { class: 'calendar' });
    expect(within(calendar, 'th').map(text)).toEqual(['пн', 'вт', 'ср', 'чт', 'пт', 'сб', 'нд']);
    expect(within(calendar, 'a').map((a) => [attr(a, 'href'), text(within(a, 'span', { class: 'visually-hidden' })[0]!)])).toEqual([
      ['/2022/01/05/', '5 січня: 1 стаття'],
      ['/2022/01/11/', '11 січня: 3 статті'],
      ['/2022/01/20/', '20 січня: 1 стаття'],
    ]);
    expect(within(p.one('nav', { class: 'periods' }), 'a').map((a) => attr(a, 'href'))).toEqual(['/2021/12/', '/2022/02/']);
  });

  test('a day lists its articles and links the neighbouring days that have articles', async () => {
    const p = await page('2022/01/11/');
    expect(text(p.one('h1'))).toBe('11 січня 2022');
    expect(text(p.all('p', { class: 'meta' })[0]!)).toBe('вівторок · 3 статті');
    expect(within(p.one('ul', { class: 'article-list' }), 'li')).toHaveLength(3);
    expect(within(p.one('nav', { class: 'periods' }), 'a').map((a) => text(a))).toEqual([
      '← Раніше: 5 січня 2022',
      'Пізніше: 20 січня 2022 →',
    ]);
  });

  test('breadcrumbs lead from the home page down to the page', async () => {
    const p = await page('2022/01/11/');
    expect(within(p.one('nav', { class: 'breadcrumbs' }), 'li').map(text)).toEqual([
      'Головна',
      'Архів',
      '2022',
      'Січень 2022',
      '11 січня 2022',
    ]);
  });
});

describe('home and 404', () => {
  test('home shows the latest articles, the busiest topics and the years', async () => {
    const p = await page('');
    expect(within(p.all('section', { 'aria-labelledby': 'latest-title' })[0]!, 'h3')).toHaveLength(12);
    expect(text(p.all('section', { 'aria-labelledby': 'topics-title' })[0]!)).toContain('Війна 21 стаття');
    expect(hrefs(p)).toEqual(expect.arrayContaining(['/2023/', '/2022/', '/2021/', '/archive/', '/topics/', '/search/']));
    expect(p.one('form', { role: 'search' })).toBeDefined();
  });

  test('the 404 page offers search and ways back, and is not indexed', async () => {
    const p = await page('404.html');
    expect(text(p.one('h1'))).toBe('Сторінку не знайдено');
    expect(p.all('form', { role: 'search', action: '/search/' }).length).toBeGreaterThanOrEqual(1);
    expect(hrefs(p, 'main')).toEqual(expect.arrayContaining(['/', '/topics/', '/archive/']));
    expect(meta(p, 'robots')).toBe('noindex');
  });
});

describe('every page', () => {
  test('has landmarks, a skip link, one h1, a title, and no inline script but structured data', async () => {
    // The search page belongs to the search feature and runs its own scripts.
    const files = (await listFiles(site.outDir)).filter(
      (f) => f.endsWith('.html') && !f.startsWith('pagefind/') && !f.startsWith('search/'),
    );
    expect(files.length).toBeGreaterThan(80);
    for (const file of files) {
      const html = await readFile(join(site.outDir, file), 'utf8');
      const p = await loadPage(site.outDir, file);
      expect(p.all('main', { id: 'main' }), file).toHaveLength(1);
      expect(p.all('header', { class: 'site-header' }), file).toHaveLength(1);
      expect(p.all('footer', { class: 'site-footer' }), file).toHaveLength(1);
      expect(attr(p.all('a')[0]!, 'href'), file).toBe('#main');
      expect(p.all('h1'), file).toHaveLength(1);
      expect(text(p.one('title')).length, file).toBeGreaterThan(0);
      // The site's shared enhancement script (offline support, search highlighting) is the only script: external, a deferred module.
      const scripts = p.all('script').filter((s) => attr(s, 'type') !== 'application/ld+json');
      expect(
        scripts.filter((s) => attr(s, 'type') !== 'module' || !attr(s, 'src')?.startsWith('/_astro/')),
        file,
      ).toEqual([]);
      expect(scripts.length, file).toBeLessThanOrEqual(1);
      expect(html.includes('data-pagefind-body'), file).toBe(p.all('article', { 'data-pagefind-body': true }).length === 1);
    }
  });
});

describe('page weight', () => {
  /** Budget for an article page: its HTML and CSS, gzip-compressed. */
  const BUDGET_BYTES = 30 * 1024;

  test('an article page is one HTML file and one small stylesheet, without web fonts', async () => {
    const files = (await listFiles(site.outDir)).filter((f) => /^\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/.test(f));
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const p = await loadPage(site.outDir, file);
      const styles = p.all('link', { rel: 'stylesheet' }).map((l) => attr(l, 'href')!);
      expect(styles, file).toHaveLength(styles.length === 0 ? 0 : 1);
      const css = await Promise.all(styles.map((href) => readFile(join(site.outDir, href), 'utf8')));
      expect(css.join('')).not.toMatch(/@font-face|@import/);
      const inline = p.all('style').map(text).join('');
      const bytes = gzipSync(p.html, { level: 9 }).length + gzipSync(css.join('') + inline, { level: 9 }).length;
      expect(bytes, file).toBeLessThan(BUDGET_BYTES);
    }
  });
});
