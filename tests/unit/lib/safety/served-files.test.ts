import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { formatProblem } from '#lib/problems.ts';
import { checkServedFiles, linkedFiles, scanServedFiles, type ArticleSource } from '#lib/safety/served-files.ts';

const SVG = 'xmlns="http://www.w3.org/2000/svg"';
const CLEAN_SVG = `<svg ${SVG} viewBox="0 0 1 1"><rect width="1" height="1"/></svg>`;
const HOSTILE_SVG = `<svg ${SVG}>\n  <script>navigator.serviceWorker.register('/x.js')</script>\n</svg>\n`;

let work: string;

async function put(path: string, content: string): Promise<string> {
  const file = join(work, path);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, content);
  return file;
}

function article(path: string, text: string): ArticleSource {
  return { path: join(work, path), text, format: path.endsWith('.mdx') ? 'mdx' : 'markdown' };
}

const lines = (problems: Awaited<ReturnType<typeof checkServedFiles>>) => problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.rule}`);

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'arkhiv-served-'));
});

afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('files of public/', () => {
  test('accepts media, fonts, documents, _headers and .well-known', async () => {
    for (const name of [
      'images/a.png',
      'images/b.jpg',
      'favicon.ico',
      'fonts/f.woff2',
      'docs/d.pdf',
      'robots-extra.txt',
      'data.json',
      'site.webmanifest',
      '_headers',
      '.well-known/security.txt',
      '.well-known/apple-app-site-association',
    ]) {
      await put(`public/${name}`, name.endsWith('association') ? '{"applinks":{}}' : 'x');
    }
    await put('public/images/c.svg', CLEAN_SVG);
    expect(await checkServedFiles({ publicDir: join(work, 'public'), relativeTo: work, articles: [] })).toEqual([]);
  });

  test('rejects an SVG with a script, HTML, XML, scripts, other types and symbolic links, each located', async () => {
    await put('public/images/x.svg', HOSTILE_SVG);
    await put('public/page.html', '<script>alert(1)</script>');
    await put('public/feed.xml', '<x xmlns:h="http://www.w3.org/1999/xhtml"><h:script>alert(1)</h:script></x>');
    await put('public/app.js', 'alert(1)');
    await put('public/archive.zip', 'PK');
    await put('public/.well-known/page', '<html><script>alert(1)</script></html>');
    await put('secret.txt', 'secret');
    await symlink(join(work, 'secret.txt'), join(work, 'public/secret.txt'));
    const problems = await checkServedFiles({ publicDir: join(work, 'public'), relativeTo: work, articles: [] });
    expect(lines(problems)).toEqual([
      'public/.well-known/page:1:1 file-type',
      'public/app.js:1:1 file-type',
      'public/archive.zip:1:1 file-type',
      'public/feed.xml:1:1 file-type',
      'public/images/x.svg:2:3 svg-script',
      'public/page.html:1:1 file-type',
      'public/secret.txt:1:1 file-type',
    ]);
    expect(problems.map((p) => formatProblem(p)).find((line) => line.startsWith('public/images/x.svg'))).toBe(
      'public/images/x.svg:2:3  Елемент <script> запускав би код на домені сайту, щойно SVG відкриють напряму  (svg-script)\n' +
        '    → Приберіть скрипт: зображення на сайті не містять коду. SVG з редактора збережіть як «простий SVG» (Plain SVG) або очистіть оптимізатором SVGO.',
    );
    expect(problems.find((p) => p.file === 'public/page.html')!.message).toBe(
      'Файл .html браузер відкриє як сторінку сайту, і скрипти в ньому запрацюють',
    );
  });

  test('a missing public/ has nothing to check', async () => {
    expect(await checkServedFiles({ publicDir: join(work, 'public'), relativeTo: work, articles: [] })).toEqual([]);
  });
});

describe('local files an article links', () => {
  test('finds Markdown images, links, definitions and component addresses relative to the article', async () => {
    const folder = 'content/articles/2022/01/11';
    const files = await Promise.all(['a.svg', 'b.pdf', 'c d.png', '../e.svg', 'f.svg'].map((name) => put(join(folder, name), CLEAN_SVG)));
    const text = [
      '---\ntitle: T\n---',
      'Схема: ![a](./a.svg), [документ](b.pdf?download#p1), ![c](<c d.png>) і [e][e].',
      '',
      '[e]: ../e.svg',
      '',
      '<Figure src="f.svg" alt="f" />',
      '',
      'Не файли: [сайт](https://example.org/a.svg), [сторінка](/images/x.svg), [якір](#a), ![немає](./missing.svg).',
    ].join('\n');
    expect(
      linkedFiles(article(`${folder}/s.mdx`, text.replace('<Figure', "import { Figure } from '@arkhiv/article';\n\n<Figure"))).sort(),
    ).toEqual([...files].sort());
    expect(linkedFiles(article(`${folder}/s.md`, 'Лише [посилання](https://example.org/) і [сторінка](/2022/01/11/).'))).toEqual([]);
  });

  test('an SVG next to an article is judged like one in public/, once however many articles link it', async () => {
    const folder = 'content/articles/2022/01/11';
    await put(`${folder}/skhema.svg`, HOSTILE_SVG);
    await put('public/images/ok.svg', CLEAN_SVG);
    const articles = [article(`${folder}/a.md`, '![схема](./skhema.svg)\n'), article(`${folder}/b.md`, '![схема](skhema.svg)\n')];
    expect(lines(await checkServedFiles({ publicDir: join(work, 'public'), relativeTo: work, articles }))).toEqual([
      `${folder}/skhema.svg:2:3 svg-script`,
    ]);
  });

  test('the build’s scan reads the articles of the archive itself', async () => {
    const folder = 'content/articles/2022/01/11';
    await put(`${folder}/skhema.svg`, HOSTILE_SVG);
    await put(`${folder}/stattia.md`, '---\ntitle: T\n---\n![схема](./skhema.svg)\n');
    await put('public/page.htm', '<p>x</p>');
    const problems = await scanServedFiles({
      publicDir: join(work, 'public'),
      articlesDir: join(work, 'content/articles'),
      relativeTo: work,
    });
    expect(lines(problems)).toEqual([`${folder}/skhema.svg:2:3 svg-script`, 'public/page.htm:1:1 file-type']);
  });
  test('with a cache folder, a later scan finds a linked file added since and the links of an edited article', async () => {
    const folder = 'content/articles/2024/03/12';
    const scan = () =>
      scanServedFiles({
        publicDir: join(work, 'public'),
        articlesDir: join(work, 'content/articles'),
        relativeTo: work,
        cacheDir: join(work, 'cache'),
      });
    await put(`${folder}/stattia.md`, '---\ntitle: T\n---\n![схема](./skhema.svg)\n');
    await put(`${folder}/insha.md`, '---\ntitle: T\n---\nБез посилань.\n');
    expect(await scan()).toEqual([]);
    // The article is unchanged (kept from the cache); the file it links appears only now.
    await put(`${folder}/skhema.svg`, HOSTILE_SVG);
    expect(lines(await scan())).toEqual([`${folder}/skhema.svg:2:3 svg-script`]);
    // An edited article is read again: its new link is found.
    await put(`${folder}/insha.md`, '---\ntitle: T\n---\n[дані](./dani.html)\n');
    await put(`${folder}/dani.html`, '<p>x</p>');
    expect(lines(await scan())).toEqual([`${folder}/dani.html:1:1 file-type`, `${folder}/skhema.svg:2:3 svg-script`]);
  });
});
