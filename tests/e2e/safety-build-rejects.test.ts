import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { buildSite, PROJECT_ROOT } from '../helpers/build-site.ts';
import { windows1251 } from '../helpers/windows-1251.ts';

/**
 * The build is the last gate before publication: content that `npm run check`
 * would reject stops `astro build` with every finding located, whether or not
 * anyone ran the check.
 */

const OUT = join(PROJECT_ROOT, 'tests/.output/safety-build-rejects');
const TOPICS = '- slug: media\n  name: Медіа\n  match: [медіа]\n';

async function archiveWith(name: string, file: string, text: string | Buffer): Promise<string> {
  const root = join(OUT, name);
  await rm(root, { recursive: true, force: true });
  await mkdir(join(root, 'articles/2022/01/11'), { recursive: true });
  await writeFile(join(root, 'topics.yaml'), TOPICS);
  await writeFile(join(root, 'articles/2022/01/11', file), text);
  return root;
}

const FRONT = '---\ntitle: Ворожа стаття\ndate: 2022-01-11\ntopics: []\nsummary: Лід.\nid: sha256:00000000000000aa\n---\n';

/** Problem lines of the build's error (`path:line:col  message  (rule)`), as `entry:line:col rule`. */
function problemLines(log: string): string[] {
  const error = log.slice(log.lastIndexOf('Статті містять заборонений вміст'));
  return [...error.matchAll(/^(tests\/\.output\/\S+:\d+:\d+) {2}.*\(([a-z-]+)\)$/gm)].map(
    (match) => `${match[1]!.replace(/^.*articles\//, '')} ${match[2]}`,
  );
}

test('a hostile .mdx entry stops the build, every finding located', async () => {
  const body = [
    "import fs from 'node:fs';",
    "export const secret = fs.readFileSync('/etc/hostname', 'utf8');",
    '',
    'Текст {secret} і <script>alert(1)</script>',
    '',
    '<iframe src="https://example.org/"></iframe>',
    '',
    '<b onClick="alert(2)">жирний</b> [посилання](javascript:alert(3))',
  ].join('\n');
  const root = await archiveWith('mdx', 'vorozha.mdx', `${FRONT}${body}\n`);
  const outDir = join(OUT, 'mdx-site');
  const result = await buildSite({ content: root, outDir });
  const log = `${result.stdout}\n${result.stderr}`;
  expect(result.code).not.toBe(0);
  expect(log).toContain('Статті містять заборонений вміст (7)');
  expect(problemLines(log)).toEqual([
    '2022/01/11/vorozha.mdx:8:1 unsafe-import',
    '2022/01/11/vorozha.mdx:9:1 unsafe-export',
    '2022/01/11/vorozha.mdx:11:7 unsafe-expression',
    '2022/01/11/vorozha.mdx:11:18 unsafe-element',
    '2022/01/11/vorozha.mdx:13:1 unsafe-element',
    '2022/01/11/vorozha.mdx:15:1 unsafe-attribute',
    '2022/01/11/vorozha.mdx:15:34 unsafe-url',
  ]);
  await expect(stat(join(outDir, '2022/01/11/vorozha/index.html'))).rejects.toThrow();
});

test('raw HTML that would run in a .md entry stops the build, even with a warm cache', async () => {
  const root = await archiveWith(
    'md',
    'vorozha.md',
    `${FRONT}Текст <img src=x onerror=alert(1)> і <b onclick="alert(2)">x</b>.\n\n<script>alert(3)</script>\n\n<style>body{display:none}</style>\n`,
  );
  const outDir = join(OUT, 'md-site');
  for (const attempt of ['cold', 'warm']) {
    const result = await buildSite({ content: root, outDir });
    const log = `${result.stdout}\n${result.stderr}`;
    expect(result.code, attempt).not.toBe(0);
    expect(problemLines(log), attempt).toEqual([
      '2022/01/11/vorozha.md:8:7 unsafe-html',
      '2022/01/11/vorozha.md:8:38 unsafe-html',
      '2022/01/11/vorozha.md:10:1 unsafe-html',
      '2022/01/11/vorozha.md:12:1 unsafe-html',
    ]);
  }
});

test('raw HTML that leaves its paragraph stops the build: an unclosed tag, closing tags of the page', async () => {
  const root = await archiveWith(
    'unbalanced',
    'nezakryto.md',
    `${FRONT}Текст <em>курсивом до кінця сторінки.\n\n</article></main>\n\nРешта статті, яку пошук не знайшов би.\n`,
  );
  const result = await buildSite({ content: root, outDir: join(OUT, 'unbalanced-site') });
  const log = `${result.stdout}\n${result.stderr}`;
  expect(result.code).not.toBe(0);
  expect(problemLines(log)).toEqual([
    '2022/01/11/nezakryto.md:8:7 unbalanced-html',
    '2022/01/11/nezakryto.md:10:1 unbalanced-html',
    '2022/01/11/nezakryto.md:10:11 unbalanced-html',
  ]);
});

test('an article the archive’s reader rejects stops the build, located, with the fix: Windows-1251, an impossible date, a reference to no character', async () => {
  const root = await archiveWith('reader', 'windows-1251.md', windows1251(`${FRONT}Текст статті.\n`));
  await mkdir(join(root, 'articles/2026/03/02'), { recursive: true });
  await writeFile(
    join(root, 'articles/2026/03/02/kalendar.md'),
    `${FRONT.replace('2022-01-11', '2026-02-30').replace('00aa', '00bb')}Текст статті.\n`,
  );
  await writeFile(join(root, 'articles/2022/01/11/symvol.md'), `${FRONT.replace('00aa', '00cc')}Текст &#x110000; статті.\n`);
  const outDir = join(OUT, 'reader-site');
  const result = await buildSite({ content: root, outDir });
  const log = `${result.stdout}\n${result.stderr}`;
  expect(result.code).not.toBe(0);
  const error = log.slice(log.lastIndexOf('Архів містить'));
  expect(
    [...error.matchAll(/^tests\/\.output\/safety-build-rejects\/reader\/articles\/(\S+:\d+:\d+) {2}.*\(([a-z-]+)\)$/gm)].map(
      (m) => `${m[1]} ${m[2]}`,
    ),
  ).toEqual([
    '2022/01/11/symvol.md:8:7 character-reference',
    '2022/01/11/windows-1251.md:2:8 encoding',
    '2026/03/02/kalendar.md:3:1 impossible-date',
  ]);
  expect(error).toMatch(
    /windows-1251\.md:2:8 {2}Файл не в кодуванні UTF-8 \(схоже, його збережено у Windows-1251\).*\n {4}→ Перезбережіть файл у UTF-8/,
  );
  await expect(stat(join(outDir, 'index.html'))).rejects.toThrow();
});

test('a javascript: source address in front matter stops the build', async () => {
  const front = FRONT.replace('summary: Лід.\n', 'summary: Лід.\nsource: { name: Видання, url: "javascript:alert(1)" }\n');
  const root = await archiveWith('source-url', 'dzherelo.md', `${front}Текст.\n`);
  const result = await buildSite({ content: root, outDir: join(OUT, 'source-url-site') });
  const log = `${result.stdout}\n${result.stderr}`;
  expect(result.code).not.toBe(0);
  expect(log).toMatch(/articles\/2022\/01\/11\/dzherelo\.md:6:1 {2}source\.url: .*https:\/\/.*\(schema\)/);
});

test('an unsafe file the site would serve stops the build: public/ and files next to articles, every finding located', async () => {
  const root = await archiveWith('served', 'skhema.md', `${FRONT}Схема подій:\n\n![Схема](./skhema.svg)\n`);
  // A viewBox makes it an image Astro would copy into _astro/ and serve.
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">\n  <script>alert(document.domain)</script>\n</svg>\n';
  await writeFile(join(root, 'articles/2022/01/11/skhema.svg'), svg);
  const publicDir = join(OUT, 'served-public');
  await rm(publicDir, { recursive: true, force: true });
  await mkdir(join(publicDir, 'images'), { recursive: true });
  await writeFile(join(publicDir, 'images/logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
  await writeFile(join(publicDir, 'images/ok.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>');
  await writeFile(join(publicDir, 'promo.html'), '<script>alert(1)</script>');
  const outDir = join(OUT, 'served-site');
  const result = await buildSite({ content: root, outDir, publicDir });
  const log = `${result.stdout}\n${result.stderr}`;
  expect(result.code).not.toBe(0);
  expect(log).toContain('Файли, які сайт віддає зі свого домену, небезпечні (3)');
  const error = log.slice(log.lastIndexOf('Файли, які сайт віддає'));
  expect(
    [...error.matchAll(/^tests\/\.output\/safety-build-rejects\/(\S+:\d+:\d+) {2}.*\(([a-z-]+)\)$/gm)].map((m) => `${m[1]} ${m[2]}`),
  ).toEqual([
    'served-public/images/logo.svg:1:41 svg-script',
    'served-public/promo.html:1:1 file-type',
    'served/articles/2022/01/11/skhema.svg:2:3 svg-script',
  ]);
  await expect(stat(join(outDir, 'promo.html'))).rejects.toThrow();
});
