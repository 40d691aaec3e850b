import type { Parents, Text } from 'mdast';
import type { Info, SafeConfig, State, Unsafe } from 'mdast-util-to-markdown';

/**
 * The `text` handler of `mdast-util-to-markdown` (2.x) with a faster copy of
 * its `safe`: the same escapes, character for character, found with fewer
 * regular-expression passes. Every unsafe pattern matches at its own
 * `character`, so a pattern whose character does not occur in the text is
 * skipped instead of run (one pass over the text tells which characters
 * occur); and which patterns are in scope is worked out once per construct
 * stack. The rest is `safe` as the library writes it
 * (lib/util/safe.js, MIT); `tests/unit/ingest-markdown-text.test.ts` compares
 * both on hostile and ordinary text.
 */

const own = {}.hasOwnProperty;

type Pattern = Unsafe & { character: string };

// micromark-util-classify-character: 1 for whitespace, 2 for punctuation, undefined otherwise.
function classifyCharacter(code: number): 1 | 2 | undefined {
  if (code < 0 || code === 32 || /\s/.test(String.fromCharCode(code))) return 1;
  if (/\p{P}|\p{S}/u.test(String.fromCharCode(code))) return 2;
  return undefined;
}

function encodeCharacterReference(code: number): string {
  return `&#x${code.toString(16).toUpperCase()};`;
}

function listInScope(stack: readonly string[], list: Unsafe['inConstruct'], none: boolean): boolean {
  const names = typeof list === 'string' ? [list] : list;
  if (!names || names.length === 0) return none;
  return names.some((name) => stack.includes(name as string));
}

function nodeInScope(types: Unsafe['beforeNode'], node: { type: string } | undefined): boolean {
  if (!types) return true;
  if (!node) return false;
  return typeof types === 'string' ? types === node.type : (types as readonly string[]).includes(node.type);
}

// The patterns in scope for the last construct stack seen, per list of unsafe patterns (one list per serialiser state).
const scopeCache = new WeakMap<readonly Unsafe[], { stack: string[]; length: number; patterns: Pattern[] }>();

function patternsInScope(state: State): Pattern[] {
  const cached = scopeCache.get(state.unsafe);
  const { stack } = state;
  if (
    cached &&
    cached.length === state.unsafe.length &&
    cached.stack.length === stack.length &&
    cached.stack.every((name, i) => name === stack[i])
  )
    return cached.patterns;
  const patterns = state.unsafe.filter(
    (pattern): pattern is Pattern => listInScope(stack, pattern.inConstruct, true) && !listInScope(stack, pattern.notInConstruct, false),
  );
  scopeCache.set(state.unsafe, { stack: [...stack], length: state.unsafe.length, patterns });
  return patterns;
}

// Which ASCII characters occur in the text being escaped (every pattern of the library and its extensions is one ASCII character).
const present = new Uint8Array(128);

function occurs(pattern: Pattern, value: string): boolean {
  const code = pattern.character.charCodeAt(0);
  return pattern.character.length === 1 && code < 128 ? present[code] === 1 : value.includes(pattern.character);
}

function escapeBackslashes(value: string, after: string | null | undefined): string {
  const expression = /\\(?=[!-/:-@[-`{-~])/g;
  const positions: number[] = [];
  const results: string[] = [];
  const whole = value + after;
  let start = 0;
  let match: RegExpExecArray | null;
  while ((match = expression.exec(whole))) positions.push(match.index);
  for (const position of positions) {
    if (start !== position) results.push(value.slice(start, position));
    results.push('\\');
    start = position;
  }
  results.push(value.slice(start));
  return results.join('');
}

/** `safe(state, input, config)` of mdast-util-to-markdown, same output. */
export function safeText(state: State, input: string | null | undefined, config: SafeConfig): string {
  const value = (config.before || '') + (input || '') + (config.after || '');
  const positions: number[] = [];
  const result: string[] = [];
  const infos: Record<number, { before: boolean; after: boolean }> = {};
  const percentEncode = state.stack.includes('autolink');
  const offset = config.before ? config.before.length : 0;
  const end = value.length - (config.after ? config.after.length : 0);

  present.fill(0);
  for (let i = 0; i < value.length; i += 1) {
    const code = value.charCodeAt(i);
    if (code < 128) present[code] = 1;
  }
  for (const pattern of patternsInScope(state)) {
    if (!occurs(pattern, value)) continue;
    if (!nodeInScope(pattern.beforeNode, config.beforeNode) || !nodeInScope(pattern.afterNode, config.afterNode)) continue;
    const expression = state.compilePattern(pattern);
    const from = pattern.beforeNode ? offset : 0;
    const subject = value.slice(from, pattern.afterNode ? end : undefined);
    // The library leaves `lastIndex` at 0 after each full run; start from there too.
    expression.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = expression.exec(subject))) {
      const before = Boolean(pattern.before || pattern.atBreak);
      const after = Boolean(pattern.after);
      const position = from + match.index + (before ? match[1]!.length : 0);
      if (own.call(infos, position)) {
        if (infos[position]!.before && !before) infos[position]!.before = false;
        if (infos[position]!.after && !after) infos[position]!.after = false;
      } else {
        positions.push(position);
        infos[position] = { before, after };
      }
    }
  }

  positions.sort((a, b) => a - b);
  let start = offset;
  for (let index = 0; index < positions.length; index += 1) {
    const position = positions[index]!;
    if (position < start || position >= end) continue;
    if (
      value.charAt(position) === '_' &&
      position > 0 &&
      classifyCharacter(value.charCodeAt(position - 1)) === undefined &&
      !own.call(infos, position - 1) &&
      !(position - 1 === offset && /[*_]/.test(value.charAt(offset - 1)))
    ) {
      let sequenceEnd = position + 1;
      while (sequenceEnd < end && value.charAt(sequenceEnd) === '_') sequenceEnd += 1;
      const skip = sequenceEnd - position - 1;
      if (
        positions[index + skip] === sequenceEnd - 1 &&
        sequenceEnd < value.length &&
        classifyCharacter(value.charCodeAt(sequenceEnd)) === undefined &&
        !own.call(infos, sequenceEnd) &&
        !(sequenceEnd === end - 1 && /[*_]/.test(value.charAt(end)))
      ) {
        index += skip;
        continue;
      }
    }
    if (
      (position + 1 < end &&
        positions[index + 1] === position + 1 &&
        infos[position]!.after &&
        !infos[position + 1]!.before &&
        !infos[position + 1]!.after) ||
      (position - 1 >= offset &&
        positions[index - 1] === position - 1 &&
        infos[position]!.before &&
        !infos[position - 1]!.before &&
        !infos[position - 1]!.after)
    ) {
      continue;
    }
    if (start !== position) {
      const slice = value.slice(start, position);
      result.push(percentEncode ? slice : escapeBackslashes(slice, '\\'));
    }
    start = position + 1;
    if (percentEncode) result.push(`%${value.charCodeAt(position).toString(16).toUpperCase().padStart(2, '0')}`);
    else if (/[!-/:-@[-`{-~]/.test(value.charAt(position)) && (!config.encode || !config.encode.includes(value.charAt(position))))
      result.push(`\\${value.charAt(position)}`);
    else result.push(encodeCharacterReference(value.charCodeAt(position)));
  }
  const rest = value.slice(start, end);
  result.push(percentEncode ? rest : escapeBackslashes(rest, config.after));
  return result.join('');
}

/** Drop-in `text` handler (`handlers: { text }` of remark-stringify): the library's, over `safeText`. */
export function text(node: Text, parent: Parents | undefined, state: State, info: Info): string {
  const siblings = parent ? parent.children : [];
  const index = state.indexStack[state.indexStack.length - 1]!;
  return safeText(state, node.value, { ...info, afterNode: siblings[index + 1], beforeNode: siblings[index - 1] });
}
