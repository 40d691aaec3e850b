import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FEED_ITEMS } from '#lib/site/site-config.ts';
import type { GeneratedItem } from './generate-articles.ts';

/**
 * What the Hugo site of the comparison has and lacks beside Arkhiv's, printed
 * under the comparison table so the ratio is read with it.
 */
export const HUGO_SITE_NOTE =
  'Hugo site: one page per article with previous/next links, a list page per year, month and day, a home page, ' +
  `Hugo's default RSS feeds (limited to ${FEED_ITEMS} items, as Arkhiv's) and sitemap; no taxonomy terms, so Arkhiv's topic pages, ` +
  'topic feeds and related articles have no counterpart. Pagefind indexes only <main data-pagefind-body> of article pages in both.';

const CONFIG = `baseURL = 'https://example.org/'
languageCode = 'uk'
title = 'Архів'
# The same number of items as Arkhiv's feeds: Hugo's default is every page of the section.
[services.rss]
limit = ${FEED_ITEMS}
`;

const LAYOUTS: Record<string, string> = {
  '_default/baseof.html': `<!doctype html>
<html lang="uk">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{{ .Title }} · {{ .Site.Title }}</title></head>
<body>
<header><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a></header>
{{ block "main" . }}{{ end }}
</body>
</html>
`,
  '_default/single.html': `{{ define "main" }}
<main data-pagefind-body>
<article>
<h1>{{ .Title }}</h1>
<time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "02.01.2006" }}</time>
{{ .Content }}
{{ with .Params.source_url }}<p>Джерело: <a href="{{ . }}">{{ $.Params.source_name }}</a></p>{{ end }}
</article>
</main>
<nav>
{{ with .Prev }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
{{ with .Next }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
</nav>
{{ end }}
`,
  '_default/list.html': `{{ define "main" }}
<main>
<h1>{{ .Title }}</h1>
<ul>
{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}
</ul>
</main>
{{ end }}
`,
  'index.html': `{{ define "main" }}
<main>
<ul>
{{ range first 20 .Site.RegularPages.ByDate.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "02.01.2006" }}</time></li>
{{ end }}
</ul>
</main>
{{ end }}
`,
};

/** A TOML basic string: JSON's escapes are valid in TOML for any text without lone surrogates. */
const toml = (text: string) => JSON.stringify(text);

function frontMatter(item: GeneratedItem): string {
  const lines = ['+++', `title = ${toml(item.title)}`, `date = ${item.date}`];
  if (item.source) lines.push(`source_name = ${toml(item.source.name)}`, `source_url = ${toml(item.source.url)}`);
  lines.push('+++', '');
  return lines.join('\n');
}

/**
 * Writes a minimal Hugo site of `items` into `folder`: `hugo.toml`, the
 * layouts, and `content/posts/<yyyy>/<mm>/<dd>/<n>.md` per item, with an
 * `_index.md` in each date folder so that years, months and days are sections
 * with list pages, as in Arkhiv. Returns the number of articles written.
 */
export async function writeHugoSite(items: Iterable<GeneratedItem>, folder: string): Promise<number> {
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, 'hugo.toml'), CONFIG);
  for (const [path, text] of Object.entries(LAYOUTS)) {
    await mkdir(join(folder, 'layouts', path, '..'), { recursive: true });
    await writeFile(join(folder, 'layouts', path), text);
  }
  const sections = new Set<string>();
  let count = 0;
  for (const item of items) {
    const [year, month, day] = item.date.split('-') as [string, string, string];
    for (const section of [year, `${year}/${month}`, `${year}/${month}/${day}`]) {
      if (sections.has(section)) continue;
      sections.add(section);
      await mkdir(join(folder, 'content/posts', section), { recursive: true });
      await writeFile(join(folder, 'content/posts', section, '_index.md'), `+++\ntitle = ${toml(section)}\n+++\n`);
    }
    count += 1;
    await writeFile(join(folder, 'content/posts', year, month, day, `${count}.md`), `${frontMatter(item)}\n${item.body}\n`);
  }
  return count;
}
