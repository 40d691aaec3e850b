import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { parse } from 'parse5';

/** A link in the built site that points at nothing in the output. */
export interface BrokenLink {
  /** File that holds the link, relative to the output folder. */
  from: string;
  /** The link as written. */
  link: string;
  reason: string;
}

export interface LinkReport {
  pages: number;
  feeds: number;
  checked: number;
  broken: BrokenLink[];
}

interface Node {
  nodeName: string;
  attrs?: Array<{ name: string; value: string }>;
  childNodes?: Node[];
  content?: Node;
}

const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'poster', 'data']);

/** Every file under `dir`, as paths relative to it with `/` separators. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'));
}

function* walk(node: Node): Generator<Node> {
  yield node;
  for (const child of node.childNodes ?? []) yield* walk(child);
  if (node.content) yield* walk(node.content);
}

/** URLs a page refers to (links, sources, srcset candidates, form actions, meta refresh targets) and the ids it defines. */
export function pageReferences(html: string): { links: string[]; ids: Set<string> } {
  const links: string[] = [];
  const ids = new Set<string>();
  for (const node of walk(parse(html) as unknown as Node)) {
    const attrs = new Map((node.attrs ?? []).map((a) => [a.name, a.value]));
    const id = attrs.get('id');
    if (id) ids.add(id);
    for (const [name, value] of attrs) {
      if (URL_ATTRIBUTES.has(name)) links.push(value);
      if (name === 'srcset')
        links.push(
          ...value
            .split(',')
            .map((candidate) => candidate.trim().split(/\s+/)[0]!)
            .filter(Boolean),
        );
    }
    if (node.nodeName === 'meta' && attrs.get('http-equiv')?.toLowerCase() === 'refresh') {
      const target = /url=(.+)$/i.exec(attrs.get('content') ?? '')?.[1];
      if (target) links.push(target.trim());
    }
    if (node.nodeName === 'meta' && (attrs.get('property') === 'og:url' || attrs.get('property') === 'og:image'))
      links.push(attrs.get('content') ?? '');
  }
  return { links, ids };
}

/** URLs in an RSS feed or a sitemap: channel and item links, guids, `atom:link` and `<loc>`. */
export function xmlReferences(xml: string): string[] {
  const found: string[] = [];
  const visit = (value: unknown, key: string): void => {
    if (Array.isArray(value)) return value.forEach((v) => visit(v, key));
    if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (k === '@_href' && key === 'atom:link') found.push(String(v));
        else visit(v, k);
      }
      if (key === 'guid' && (value as Record<string, unknown>)['@_isPermaLink'] !== 'false')
        found.push(String((value as Record<string, unknown>)['#text']));
      return;
    }
    if (['link', 'loc'].includes(key) || (key === 'guid' && typeof value === 'string')) found.push(String(value));
  };
  visit(new XMLParser({ ignoreAttributes: false }).parse(xml), '');
  return found;
}

/**
 * Checks every internal link of a built site: each HTML page's links,
 * sources and fragments, and the links in feeds and sitemaps, resolved
 * against `site` + `base`, must name a file of the output (a folder URL
 * its `index.html`). Links to other origins are not followed.
 * `knownMissing` lists paths (relative to the base) that may be absent.
 */
export async function checkLinks(outDir: string, base: string, site: string, knownMissing: readonly string[] = []): Promise<LinkReport> {
  const files = (await listFiles(outDir)).filter((f) => !f.startsWith('pagefind/'));
  const fileSet = new Set(files);
  const origin = new URL(site).origin;
  const idsByFile = new Map<string, Set<string>>();
  const pending: Array<{ from: string; link: string; pageUrl: URL }> = [];
  const report: LinkReport = { pages: 0, feeds: 0, checked: 0, broken: [] };

  for (const file of files) {
    const pageUrl = new URL(base + file.replace(/(^|\/)index\.html$/, '$1'), origin);
    if (file.endsWith('.html')) {
      report.pages += 1;
      const { links, ids } = pageReferences(await readFile(join(outDir, file), 'utf8'));
      idsByFile.set(file, ids);
      for (const link of links) pending.push({ from: file, link, pageUrl });
    } else if (file.endsWith('.xml')) {
      report.feeds += 1;
      for (const link of xmlReferences(await readFile(join(outDir, file), 'utf8'))) pending.push({ from: file, link, pageUrl });
    }
  }

  for (const { from, link, pageUrl } of pending) {
    if (/^(mailto|tel|data|javascript):/i.test(link)) continue;
    const target = new URL(link, pageUrl);
    if (target.origin !== origin) continue;
    report.checked += 1;
    const path = decodeURIComponent(target.pathname);
    if (!path.startsWith(base)) {
      report.broken.push({ from, link, reason: `outside the base ${base}` });
      continue;
    }
    const rel = path.slice(base.length);
    const file = rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel;
    if (!fileSet.has(file)) {
      if (!knownMissing.includes(rel)) report.broken.push({ from, link, reason: `no file ${file}` });
      continue;
    }
    const fragment = decodeURIComponent(target.hash.slice(1));
    if (fragment && file.endsWith('.html') && !idsByFile.get(file)?.has(fragment))
      report.broken.push({ from, link, reason: `no element with id "${fragment}" in ${file}` });
  }
  return report;
}

/** Paths the site links to that another part of the project provides and that may not exist yet. */
export function pendingPages(projectRoot: string): string[] {
  return existsSync(join(projectRoot, 'src/pages/search.astro')) ? [] : ['search/'];
}
