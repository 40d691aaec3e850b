import { lineIndex } from '../ingest/line-index.ts';
import type { InputError, RawItem, ReadResult } from '../ingest/types.ts';
import { bodyFromString, FIELD_NAMES, itemMetadata } from './item-fields.ts';
import { looksLikeHtml } from './html-to-mdast.ts';
import { findDeepNesting, NESTING_MESSAGE } from './nesting-depth.ts';

const BODY_FIELDS = ['body', 'text', 'content', 'content_html', 'content_text'] as const;
/** Fields the reader uses; an item's other fields are named in its report entry. */
const KNOWN_FIELDS = new Set<string>([...Object.values(FIELD_NAMES).flat(), 'id', 'guid', 'slug', 'updated', 'modified', ...BODY_FIELDS]);

/** Start offsets of the elements of a top-level JSON array (the text is known to parse). */
function elementOffsets(text: string): number[] {
  const offsets: number[] = [];
  let depth = 0;
  let inString = false;
  let expectElement = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (inString) {
      if (ch === '\\') i += 1;
      else if (ch === '"') inString = false;
      continue;
    }
    if (/\s/.test(ch)) continue;
    if (depth === 1 && expectElement && ch !== ']') {
      offsets.push(i);
      expectElement = false;
    }
    if (ch === '"') inString = true;
    else if (ch === '[' || ch === '{') {
      depth += 1;
      if (depth === 1) expectElement = true;
    } else if (ch === ']' || ch === '}') depth -= 1;
    else if (ch === ',' && depth === 1) expectElement = true;
  }
  return offsets;
}

/** Where `JSON.parse` stopped, from its message (`position 12` or `line 3 column 5`). */
function syntaxErrorLine(text: string, error: unknown): number {
  const message = error instanceof Error ? error.message : '';
  const lineColumn = /line (\d+) column/.exec(message);
  if (lineColumn) return Number(lineColumn[1]);
  const position = /position (\d+)/.exec(message);
  return position ? lineIndex(text)(Number(position[1])) : 1;
}

function toItem(value: unknown, file: string, line: number): RawItem | InputError {
  const place = { file, line };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      place,
      message: 'елемент не є обʼєктом JSON. Кожна новина — обʼєкт на кшталт {"title": "…", "body": "…", "date": "2026-01-26"}.',
    };
  }
  const record = value as Record<string, unknown>;
  const bodyField = BODY_FIELDS.find((field) => typeof record[field] === 'string' && (record[field] as string).trim() !== '');
  if (!bodyField) {
    return { place, message: 'у новини немає тексту. Додайте поле "body" або "text" з текстом новини.' };
  }
  if (looksLikeHtml(record[bodyField] as string) && findDeepNesting(record[bodyField] as string, 1, 'html') !== undefined)
    return { place, message: NESTING_MESSAGE };
  const metadata = itemMetadata(record);
  const { body, headline } = bodyFromString(record[bodyField] as string, metadata.title);
  const unknown = Object.keys(record).filter((key) => !KNOWN_FIELDS.has(key));
  const notes = [...metadata.notes, ...(unknown.length > 0 ? [`поля ${unknown.map((k) => `"${k}"`).join(', ')} не використано`] : [])];
  return { place, format: 'json', ...metadata, ...(headline && !metadata.title ? { title: headline } : {}), body, notes };
}

function collect(results: Array<RawItem | InputError>): ReadResult {
  const items: RawItem[] = [];
  const errors: InputError[] = [];
  for (const result of results) ('body' in result ? items : errors).push(result as never);
  return { items, errors };
}

/** Whether a file is JSON Lines by its name (`.jsonl`, `.ndjson`): one item per line, each read on its own. */
export function isJsonLinesFile(file: string): boolean {
  return /\.(?:jsonl|ndjson)$/i.test(file);
}

function lineError(file: string, line: number, error: unknown): InputError {
  return {
    place: { file, line },
    message: `рядок не є коректним JSON (${(error as Error).message}). У JSON Lines кожен рядок — один обʼєкт JSON.`,
  };
}

/** The value on one line of JSON Lines (`line` is 1-based), its syntax error, or `undefined` for a blank line. */
export function jsonLineValue(raw: string, file: string, line: number): { value: unknown } | InputError | undefined {
  if (raw.trim() === '') return undefined;
  try {
    return { value: JSON.parse(raw) };
  } catch (error) {
    return lineError(file, line, error);
  }
}

/** The item of a parsed line, or why it is not one; throws what reading its body throws (see `readJsonLine`). */
export function jsonLineItem(value: unknown, file: string, line: number): RawItem | InputError {
  return toItem(value, file, line);
}

/**
 * One line of JSON Lines (`line` is 1-based): its item, an error of its
 * own, or `undefined` for a blank line. Whatever reading the line throws is
 * that line's error too.
 */
export function readJsonLine(raw: string, file: string, line: number): RawItem | InputError | undefined {
  const parsed = jsonLineValue(raw, file, line);
  if (!parsed || !('value' in parsed)) return parsed;
  try {
    return jsonLineItem(parsed.value, file, line);
  } catch (error) {
    return lineError(file, line, error);
  }
}

/**
 * JSON (`.json`: an array of items or one item) and JSON Lines (`.jsonl`,
 * `.ndjson`: one item per line). A line that does not parse is an error of its
 * own; the other lines are still read.
 */
export function readJsonItems(text: string, file: string): ReadResult {
  const trimmed = text.trim();
  const linesMode =
    isJsonLinesFile(file) || (!trimmed.startsWith('[') && trimmed.split('\n').filter((l) => l.trim()).length > 1 && !isWholeJson(trimmed));
  if (linesMode) return collect(text.split('\n').flatMap((raw, index) => readJsonLine(raw, file, index + 1) ?? []));
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const line = syntaxErrorLine(text, error);
    return {
      items: [],
      errors: [
        {
          place: { file, line },
          message: `файл не є коректним JSON (${(error as Error).message}). Виправте синтаксис у цьому місці або збережіть файл як JSON Lines (.jsonl, один обʼєкт на рядок).`,
        },
      ],
    };
  }
  const lineAt = lineIndex(text);
  if (!Array.isArray(parsed)) return collect([toItem(parsed, file, lineAt(text.search(/\S/)))]);
  const offsets = elementOffsets(text);
  return collect(parsed.map((value, index) => toItem(value, file, lineAt(offsets[index] ?? 0))));
}

function isWholeJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
