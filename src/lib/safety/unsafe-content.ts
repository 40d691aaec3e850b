import { markdownToMdast, mdxToMdast } from 'satteri';
import { ARTICLE_COMPONENTS, ARTICLE_MODULE, INERT_ATTRIBUTES, INERT_TAGS } from '../archive/article-components.ts';
import { resolveEmbed } from './embed-providers.ts';
import { scanHtml, type HtmlTag } from './html-scan.ts';
import { unsafeScheme } from './url-policy.ts';
import type { Place } from '../problems.ts';

/**
 * Article bodies are code: an `.mdx` entry is compiled to JavaScript and raw
 * HTML in an `.md` entry reaches the page as it is. These rules accept only
 * Markdown, the article components (imported from `@arkhiv/article`) and a
 * few inert formatting tags; everything else is a finding. They read mdast
 * nodes as the build's parser (Sätteri) produces them, so `npm run check` and
 * the build (`src/lib/safety/content-safety.ts`) judge a file the same way.
 */

export type SourceFormat = 'markdown' | 'mdx';

/** Parser features of Astro's default Markdown processor, so that check and build see the same tree. */
export const PARSE_FEATURES = { gfm: true, frontmatter: true } as const;

export interface Finding {
  place: Place | undefined;
  rule: string;
  message: string;
  fix: string;
}

interface Point {
  line: number;
  column: number;
}

/** The few fields of mdast / mdx nodes these rules read. */
export interface ContentNode {
  type: string;
  position?: { start: Point; end?: Point } | undefined;
  value?: unknown;
  name?: string | null;
  url?: string;
  attributes?: Array<{ type: string; name?: string; value?: unknown }>;
  children?: ContentNode[];
}

/** Parses a whole article file (front matter included, so positions are the file's) as the build does; throws on MDX syntax errors. */
export function parseArticle(source: string, format: SourceFormat, positions: boolean): ContentNode {
  return (format === 'mdx' ? mdxToMdast : markdownToMdast)(source, { features: PARSE_FEATURES, position: positions }) as ContentNode;
}

/** Where and what an MDX syntax error is: the parser writes `line:col: reason (rule)`. */
export function syntaxError(error: unknown): { place: Place | undefined; reason: string } {
  const message = error instanceof Error ? error.message : String(error);
  const located = /^(\d+):(\d+): ([\s\S]*?)(?: \(([\w:-]+)\))?$/.exec(message);
  return { place: located ? { line: Number(located[1]), column: Number(located[2]) } : undefined, reason: located?.[3] ?? message };
}

/** Node types the rules look at; every other node is plain Markdown. */
export const INSPECTED_TYPES = [
  'html',
  'link',
  'image',
  'definition',
  'mdxjsEsm',
  'mdxJsxFlowElement',
  'mdxJsxTextElement',
  'mdxFlowExpression',
  'mdxTextExpression',
] as const;

const DANGEROUS_TAGS = new Set([
  'script',
  'iframe',
  'style',
  'object',
  'embed',
  'frame',
  'frameset',
  'link',
  'meta',
  'base',
  'form',
  'svg',
  'math',
  'template',
  'noscript',
  'img',
  'video',
  'audio',
  'source',
]);
const COMMENT_ONLY = /^\s*\/\*(?:(?!\*\/)[\s\S])*\*\/\s*$/;
const COMPONENT_LIST = Object.keys(ARTICLE_COMPONENTS).join(', ');
const IMPORT_STATEMENT = /import\s*\{([^}]*)\}\s*from\s*(['"])([^'"\n]*)\2[ \t]*;?\s*/;

function at(point: Point | undefined): Place | undefined {
  return point ? { line: point.line, column: point.column } : undefined;
}

function shift(start: Point | undefined, text: string, offset: number): Place | undefined {
  if (!start) return undefined;
  const before = text.slice(0, offset);
  const lines = before.split('\n');
  return lines.length === 1
    ? { line: start.line, column: start.column + offset }
    : { line: start.line + lines.length - 1, column: lines.at(-1)!.length + 1 };
}

function describeTag(name: string): string {
  if (name === 'script') return 'Тег <script> запускав би код у браузері читача';
  if (name === 'iframe') return 'Тег <iframe> вбудовує чужу сторінку без згоди читача';
  if (name === 'style') return 'Тег <style> змінює вигляд усієї сторінки';
  if (DANGEROUS_TAGS.has(name)) return `Тег <${name}> може завантажувати або запускати сторонній вміст`;
  return `Тег <${name}> не дозволений у статтях`;
}

/** Inert tags without content, and so without a closing tag. */
const VOID_TAGS: ReadonlySet<string> = new Set(['br', 'wbr']);
// Blocks whose inline HTML is one run: a tag opened in one must be closed in it.
const PHRASING_BLOCKS: ReadonlySet<string> = new Set(['paragraph', 'heading', 'tableCell']);

const TAG_FIX = `Приберіть тег. Дозволені лише Markdown, компоненти статей (${COMPONENT_LIST}) і теги форматування ${[...INERT_TAGS].map((t) => `<${t}>`).join(' ')}. Відео й дописи вбудовуйте через <Embed url="…" title="…" />.`;

/**
 * Collects findings node by node; `finish()` adds those that need the whole
 * document: imports, and tags that do not pair up within their block (an
 * unclosed `<em>` would style the rest of the page; a `</main>` would end the
 * page's own element and leave the rest of the article outside it, and
 * outside search). Pairing needs each html node's block: `visit(node, block)`
 * with the paragraph, heading or table cell that holds it, or the node itself
 * for a block of HTML. Without a block no tags are paired, and
 * `needsTree()` tells whether the whole tree must be inspected
 * (`inspectTree`) to judge the document.
 */
export function createInspector(format: SourceFormat) {
  const findings: Finding[] = [];
  const imported = new Set<string>();
  const used = new Map<string, Place | undefined>();
  const blocks = new Map<object, Array<{ tag: HtmlTag; place: Place | undefined }>>();
  let unpaired = false;
  const add = (place: Place | undefined, rule: string, message: string, fix: string) => findings.push({ place, rule, message, fix });

  /** Tags of one block that close nothing, or that the block leaves open. Disallowed tags left open are findings already. */
  function pairTags(tags: ReadonlyArray<{ tag: HtmlTag; place: Place | undefined }>): void {
    const open: Array<{ name: string; place: Place | undefined }> = [];
    const unclosed = (name: string, place: Place | undefined) => {
      if (INERT_TAGS.has(name))
        add(
          place,
          'unbalanced-html',
          `Тег <${name}> не закрито в тому ж абзаці: він діяв би на решту сторінки`,
          `Закрийте тег у тому ж абзаці: <${name}>…</${name}>.`,
        );
    };
    for (const { tag, place } of tags) {
      if (!tag.closing) {
        if (!VOID_TAGS.has(tag.name)) open.push({ name: tag.name, place });
        continue;
      }
      const at = open.findLastIndex((element) => element.name === tag.name);
      if (at >= 0) {
        for (const inner of open.splice(at).slice(1)) unclosed(inner.name, inner.place);
      } else if (INERT_TAGS.has(tag.name) && !VOID_TAGS.has(tag.name)) {
        add(
          place,
          'unbalanced-html',
          `Закривальний тег </${tag.name}> нічого не закриває: в абзаці перед ним немає <${tag.name}>`,
          `Приберіть </${tag.name}> або поставте <${tag.name}> на початку тексту, який він має охопити, у тому ж абзаці.`,
        );
      } else {
        add(
          place,
          'unbalanced-html',
          `Закривальний тег </${tag.name}> закриває елемент, якого стаття не відкривала: решта статті опинилася б поза нею на сторінці й поза пошуком`,
          `Приберіть </${tag.name}>: стаття закриває лише ті теги форматування, які сама відкрила в тому ж абзаці.`,
        );
      }
    }
    for (const element of open) unclosed(element.name, element.place);
  }

  /** `where` is in the locative: «у посиланні», «в атрибуті src компонента <Figure>». */
  function checkUrl(address: string, place: Place | undefined, where: string): void {
    const scheme = unsafeScheme(address);
    if (scheme)
      add(
        place,
        'unsafe-url',
        `Адреса зі схемою «${scheme}:» ${where} заборонена: такі адреси можуть запускати код`,
        'Дайте звичайну адресу https://… або шлях на сайті (/2022/01/11/slug/).',
      );
  }

  function inspectEsm(node: ContentNode): void {
    const source = String(node.value ?? '');
    const statement = new RegExp(IMPORT_STATEMENT.source, 'y');
    let offset = source.length - source.trimStart().length;
    while (offset < source.length) {
      statement.lastIndex = offset;
      const match = statement.exec(source);
      const names =
        match?.[1]!
          .split(',')
          .map((name) => name.trim())
          .filter(Boolean) ?? [];
      if (match && match[3] === ARTICLE_MODULE && names.length > 0 && names.every((name) => name in ARTICLE_COMPONENTS)) {
        names.forEach((name) => imported.add(name));
        offset = statement.lastIndex;
        continue;
      }
      // Report the rejected statement from here to the end of its line, then go on with the next line.
      const lineEnd = source.indexOf('\n', offset);
      const text = source.slice(offset, lineEnd < 0 ? undefined : lineEnd).trim();
      const rule = text.startsWith('export') ? 'unsafe-export' : 'unsafe-import';
      const what =
        rule === 'unsafe-export'
          ? 'Експорт (export) у статті заборонений'
          : `Дозволено лише імпорт компонентів статей з «${ARTICLE_MODULE}»`;
      add(
        shift(node.position?.start, source, offset),
        rule,
        `${what}: «${text.slice(0, 80)}»`,
        `Залиште тільки рядок на кшталт: import { ${COMPONENT_LIST} } from '${ARTICLE_MODULE}';`,
      );
      if (lineEnd < 0) break;
      offset = lineEnd + 1;
      while (offset < source.length && /\s/.test(source[offset]!)) offset += 1;
    }
  }

  function inspectJsx(node: ContentNode): void {
    const place = at(node.position?.start);
    const name = node.name;
    if (name === null || name === undefined) return; // a fragment `<>…</>` renders only its children
    const spec = ARTICLE_COMPONENTS[name];
    if (!spec && !INERT_TAGS.has(name)) {
      const known = /^[A-Z]/.test(name) ? `Компонент <${name}> не входить до компонентів статей` : describeTag(name.toLowerCase());
      add(place, 'unsafe-element', known, TAG_FIX);
      return;
    }
    if (spec) used.set(name, used.get(name) ?? place);
    const allowedAttributes: ReadonlySet<string> = spec ? new Set(spec.attributes) : INERT_ATTRIBUTES;
    const present = new Set<string>();
    for (const attribute of node.attributes ?? []) {
      if (attribute.type !== 'mdxJsxAttribute' || !attribute.name) {
        add(
          place,
          'unsafe-expression',
          `Розгортання атрибутів ({...}) у <${name}> заборонене: це JavaScript`,
          'Запишіть кожен атрибут окремо як текст: name="значення".',
        );
        continue;
      }
      const attr = attribute.name;
      present.add(attr);
      if (/^on/i.test(attr)) {
        add(place, 'unsafe-attribute', `Атрибут ${attr}= у <${name}> запускав би код`, 'Приберіть обробник подій: статті не містять коду.');
      } else if (!allowedAttributes.has(attr)) {
        add(
          place,
          'unsafe-attribute',
          `Атрибут ${attr}= не дозволений у <${name}>`,
          `Дозволені атрибути: ${[...allowedAttributes].join(', ')}.`,
        );
      } else if (attribute.value !== null && typeof attribute.value === 'object') {
        add(
          place,
          'unsafe-expression',
          `Значення атрибута ${attr} у <${name}> — вираз {…}, тобто JavaScript`,
          `Запишіть значення як текст у лапках: ${attr}="…".`,
        );
      } else if (typeof attribute.value === 'string' && spec?.urls.includes(attr)) {
        checkUrl(attribute.value, place, `в атрибуті ${attr} компонента <${name}>`);
        if (name === 'Embed' && !unsafeScheme(attribute.value) && !resolveEmbed(attribute.value)) {
          add(
            place,
            'embed-url',
            `<Embed> не знає, як вбудувати «${attribute.value.slice(0, 100)}»`,
            'Дайте адресу https:// відео YouTube чи Vimeo, допису Telegram (t.me/канал/номер) або Facebook; інше подайте звичайним посиланням.',
          );
        }
      }
    }
    for (const required of spec?.required ?? []) {
      if (!present.has(required))
        add(place, 'component-attribute', `<${name}> потребує атрибута ${required}`, `Додайте ${required}="…" (див. docs/components.md).`);
    }
  }

  function inspectHtml(node: ContentNode, block: object | undefined): void {
    const source = String(node.value ?? '');
    const { issues, tags } = scanHtml(source, INERT_TAGS, INERT_ATTRIBUTES);
    if (tags.length > 0 && block === undefined) unpaired = true;
    else if (tags.length > 0)
      blocks.set(block!, [
        ...(blocks.get(block!) ?? []),
        ...tags.map((tag) => ({ tag, place: shift(node.position?.start, source, tag.offset) })),
      ]);
    for (const issue of issues) {
      const place = shift(node.position?.start, source, issue.offset);
      if (issue.kind === 'tag') add(place, 'unsafe-html', describeTag(issue.name), TAG_FIX);
      else if (issue.kind === 'handler')
        add(place, 'unsafe-html', `Атрибут ${issue.name}= у HTML запускав би код`, 'Приберіть обробник подій: статті не містять коду.');
      else if (issue.kind === 'attribute')
        add(
          place,
          'unsafe-html',
          `Атрибут ${issue.name}= не дозволений у HTML статті`,
          `На тегах форматування дозволені лише ${[...INERT_ATTRIBUTES].join(', ')}.`,
        );
      else add(place, 'unsafe-html', `Незрозумілий HTML «${issue.name}»`, 'Приберіть його або екрануйте знак < як \\<.');
    }
  }

  return {
    visit(node: ContentNode, block?: object): void {
      const place = at(node.position?.start);
      switch (node.type) {
        case 'link':
        case 'image':
        case 'definition':
          checkUrl(node.url ?? '', place, node.type === 'image' ? 'у зображенні' : 'у посиланні');
          break;
        case 'html':
          inspectHtml(node, block);
          break;
        case 'mdxjsEsm':
          inspectEsm(node);
          break;
        case 'mdxJsxFlowElement':
        case 'mdxJsxTextElement':
          inspectJsx(node);
          break;
        case 'mdxFlowExpression':
        case 'mdxTextExpression':
          if (!COMMENT_ONLY.test(String(node.value ?? ''))) {
            add(
              place,
              'unsafe-expression',
              'Вираз у фігурних дужках {…} — це JavaScript, у статтях він заборонений',
              'Щоб показати дужку як текст, екрануйте її: \\{ … \\}. Примітку для редакторів пишіть як {/* коментар */}.',
            );
          }
          break;
      }
    },
    /** Whether an html node was visited without its block while holding tags: only the whole tree can pair them. */
    needsTree(): boolean {
      return unpaired;
    },
    finish(): Finding[] {
      for (const tags of blocks.values()) pairTags(tags);
      blocks.clear();
      if (format === 'mdx') {
        for (const [name, place] of used) {
          if (!imported.has(name))
            add(
              place,
              'missing-import',
              `Компонент <${name}> використано без імпорту`,
              `Додайте після front matter рядок: import { ${name} } from '${ARTICLE_MODULE}';`,
            );
        }
      }
      return findings;
    },
  };
}

/** Every finding in a whole tree (as `markdownToMdast` / `mdxToMdast` return it), in the order of their places. */
export function inspectTree(tree: ContentNode, format: SourceFormat): Finding[] {
  const inspector = createInspector(format);
  const inspected: ReadonlySet<string> = new Set(INSPECTED_TYPES);
  // Each node with the paragraph, heading or table cell it lies in, if any.
  const stack: Array<{ node: ContentNode; block: ContentNode | undefined }> = [{ node: tree, block: undefined }];
  while (stack.length > 0) {
    const { node, block } = stack.pop()!;
    if (inspected.has(node.type)) inspector.visit(node, block ?? node);
    const inner = PHRASING_BLOCKS.has(node.type) ? node : block;
    if (node.children) for (let i = node.children.length - 1; i >= 0; i -= 1) stack.push({ node: node.children[i]!, block: inner });
  }
  const line = (finding: Finding) => finding.place?.line ?? 0;
  const column = (finding: Finding) => finding.place?.column ?? 0;
  return inspector.finish().sort((a, b) => line(a) - line(b) || column(a) - column(b));
}
