/**
 * A cheap guard run on raw input before parsing: Markdown and HTML nested
 * thousands of levels deep make the parser slow (lists) and overflow the
 * stack in the tree utilities (emphasis, raw HTML), so such text is refused
 * before it reaches them. Real articles nest a few levels at most.
 */

/** Deepest nesting accepted on one line; far above any real article. */
export const MAX_NESTING = 100;

/** What a person reads when an item is refused for its nesting. */
export const NESTING_MESSAGE = `Текст вкладений надто глибоко (понад ${MAX_NESTING} рівнів): спростіть розмітку.`;

// Elements that never take a closing tag, so they do not nest.
const VOID_ELEMENTS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

const CONTAINER_MARKER = /[ \t]*(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))/y;
const DELIMITER_RUN = /[*_~]+/g;
const TAG = /<(\/?)([A-Za-z][\w.:-]*)(?:[^<>]*?)(\/?)>/g;

/** Block quotes and list markers that open the line, one after another. */
function containerDepth(line: string): number {
  CONTAINER_MARKER.lastIndex = 0;
  let depth = 0;
  while (CONTAINER_MARKER.exec(line)) depth += 1;
  return depth;
}

/** The longest run of emphasis delimiters: each pair of them is a level. */
function delimiterDepth(line: string): number {
  let longest = 0;
  for (const [run] of line.matchAll(DELIMITER_RUN)) longest = Math.max(longest, run.length);
  return longest;
}

/** How deep HTML or JSX tags opened on the line nest. */
function tagDepth(line: string): number {
  let depth = 0;
  let deepest = 0;
  for (const [, closing, name, selfClosing] of line.matchAll(TAG)) {
    if (selfClosing || VOID_ELEMENTS.has(name!.toLowerCase())) continue;
    depth = closing ? Math.max(0, depth - 1) : depth + 1;
    deepest = Math.max(deepest, depth);
  }
  return deepest;
}

/**
 * The first line (1-based, counted from `firstLine`) whose nesting exceeds
 * `MAX_NESTING`, if any. HTML is measured by its tags only: markers and
 * delimiters are plain characters there.
 */
export function findDeepNesting(text: string, firstLine = 1, syntax: 'markdown' | 'html' = 'markdown'): number | undefined {
  const lines = text.split('\n');
  for (const [index, line] of lines.entries()) {
    if (line.length <= MAX_NESTING) continue;
    if (tagDepth(line) > MAX_NESTING) return firstLine + index;
    if (syntax === 'markdown' && (containerDepth(line) > MAX_NESTING || delimiterDepth(line) > MAX_NESTING)) return firstLine + index;
  }
  return undefined;
}
