import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'parse5';

/** A parsed HTML element, as parse5 gives it. */
export interface El {
  nodeName: string;
  tagName?: string;
  value?: string;
  attrs?: Array<{ name: string; value: string }>;
  childNodes?: El[];
  parentNode?: El | null;
}

function* walk(node: El): Generator<El> {
  yield node;
  for (const child of node.childNodes ?? []) yield* walk(child);
}

/** A built page, parsed, with small query helpers for tests. */
export interface Page {
  html: string;
  /** Elements with this tag name and, if given, these attribute values (`true` = present). */
  all(tag: string, attrs?: Record<string, string | true>): El[];
  one(tag: string, attrs?: Record<string, string | true>): El;
}

export function attr(el: El, name: string): string | undefined {
  return el.attrs?.find((a) => a.name === name)?.value;
}

/** Text content, whitespace collapsed. */
export function text(el: El): string {
  const parts: string[] = [];
  for (const node of walk(el)) if (node.nodeName === '#text') parts.push(node.value ?? '');
  return parts.join('').replace(/\s+/g, ' ').trim();
}

export function within(el: El, tag: string, attrs: Record<string, string | true> = {}): El[] {
  return [...walk(el)].filter(
    (n) => n.tagName === tag && Object.entries(attrs).every(([k, v]) => (v === true ? attr(n, k) !== undefined : attr(n, k) === v)),
  );
}

export function parsePage(html: string): Page {
  const root = parse(html) as unknown as El;
  const all = (tag: string, attrs: Record<string, string | true> = {}) => within(root, tag, attrs);
  return {
    html,
    all,
    one(tag, attrs) {
      const found = all(tag, attrs);
      if (found.length !== 1) throw new Error(`Expected one <${tag}> ${JSON.stringify(attrs ?? {})}, found ${found.length}.`);
      return found[0]!;
    },
  };
}

/** Reads `<outDir>/<path>/index.html` (or the file itself when `path` names one). */
export async function loadPage(outDir: string, path: string): Promise<Page> {
  const file = path === '' || path.endsWith('/') ? `${path}index.html` : path;
  return parsePage(await readFile(join(outDir, file), 'utf8'));
}

/** The `content` of `<meta property|name=key>`. */
export function meta(page: Page, key: string): string | undefined {
  const el = page.all('meta').find((m) => attr(m, 'property') === key || attr(m, 'name') === key);
  return el ? attr(el, 'content') : undefined;
}
