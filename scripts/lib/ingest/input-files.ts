import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, relative, resolve } from 'node:path';
import type { InputError, InputFormat } from './types.ts';
import { firstInvalidUtf8 } from '#lib/text/encoding.ts';

/**
 * File extensions the ingest reads, and the reader each selects. A `feed`
 * whose root declares the WordPress export namespace is read as a WordPress
 * export instead (`read-items.ts`): the extension cannot tell them apart.
 */
export const FORMAT_BY_EXTENSION: Readonly<Record<string, InputFormat>> = {
  '.txt': 'text',
  '.text': 'text',
  '.json': 'json',
  '.jsonl': 'json',
  '.ndjson': 'json',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.mdx': 'mdx',
  '.xml': 'feed',
  '.rss': 'feed',
  '.atom': 'feed',
};

const SUPPORTED = Object.keys(FORMAT_BY_EXTENSION).join(', ');

export interface InputFile {
  /** Path as shown in messages and `origin`: relative to the working folder. */
  path: string;
  absolute: string;
  format: InputFormat;
}

async function walk(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const found: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) found.push(...(await walk(path)));
    else if (entry.isFile() && FORMAT_BY_EXTENSION[extname(entry.name).toLowerCase()]) found.push(path);
  }
  return found;
}

/**
 * The files named on the command line, folders expanded (recursively, in name
 * order, hidden entries and unknown extensions skipped). A missing path or a
 * file of unknown type is an error; the rest are still read.
 */
export async function collectInputFiles(paths: readonly string[], cwd: string): Promise<{ files: InputFile[]; errors: InputError[] }> {
  const files: InputFile[] = [];
  const errors: InputError[] = [];
  const seen = new Set<string>();
  const add = (absolute: string) => {
    if (seen.has(absolute)) return;
    seen.add(absolute);
    files.push({ path: relative(cwd, absolute) || absolute, absolute, format: FORMAT_BY_EXTENSION[extname(absolute).toLowerCase()]! });
  };
  for (const given of paths) {
    const absolute = resolve(cwd, given);
    const info = await stat(absolute).catch(() => undefined);
    const place = { file: relative(cwd, absolute) || given, line: 1 };
    if (!info) errors.push({ place, message: 'файл або теку не знайдено. Перевірте шлях.' });
    else if (info.isDirectory()) (await walk(absolute)).forEach(add);
    else if (!FORMAT_BY_EXTENSION[extname(absolute).toLowerCase()])
      errors.push({ place, message: `невідомий формат файлу. Підтримуються ${SUPPORTED}; перейменуйте файл відповідно до його вмісту.` });
    else add(absolute);
  }
  return { files, errors };
}

/** Line of a byte offset: the number of newline bytes before it, plus one. */
function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i += 1) if (bytes[i] === 0x0a) line += 1;
  return line;
}

// How much of a file is looked at to tell UTF-16 from binary.
const SAMPLE_BYTES = 64 * 1024;

/**
 * The byte order of UTF-16 text saved without a byte order mark, or
 * `undefined`. In text of Latin or Cyrillic letters nearly every character
 * has 0x00 or 0x04 as its high byte: NUL bytes fall on one parity of
 * positions only, and the bytes there are almost all 0x00 or 0x04. Binary
 * data, or UTF-8 text with a stray NUL, has neither pattern. The sample must
 * also decode as UTF-16 without control characters other than line breaks and tabs.
 */
export function utf16ByteOrder(bytes: Uint8Array): 'LE' | 'BE' | undefined {
  const length = Math.min(bytes.length, SAMPLE_BYTES) & ~1;
  if (length < 2) return undefined;
  const zeros = [0, 0];
  const textHigh = [0, 0];
  for (let i = 0; i < length; i += 1) {
    if (bytes[i] === 0) zeros[i & 1]! += 1;
    if (bytes[i] === 0 || bytes[i] === 0x04) textHigh[i & 1]! += 1;
  }
  // Little-endian puts the high byte second (odd offsets).
  const high = zeros[1]! > 0 && zeros[0] === 0 ? 1 : zeros[0]! > 0 && zeros[1] === 0 ? 0 : undefined;
  if (high === undefined || textHigh[high]! < 0.9 * (length / 2)) return undefined;
  const order = high === 1 ? 'LE' : 'BE';
  let text: string;
  try {
    text = new TextDecoder(order === 'LE' ? 'utf-16le' : 'utf-16be', { fatal: true }).decode(bytes.subarray(0, length));
  } catch {
    return undefined;
  }
  // eslint-disable-next-line no-control-regex -- control characters are what is looked for
  return /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(text) ? undefined : order;
}

/**
 * The text of an input file, or why it cannot be read: unreadable, empty,
 * binary, UTF-16 (with or without a byte order mark), or not valid UTF-8
 * (with the line of the first bad byte).
 */
export async function readInputText(file: InputFile): Promise<{ text: string } | { error: InputError }> {
  const place = { file: file.path, line: 1 };
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file.absolute);
  } catch (error) {
    return {
      error: {
        place,
        message: `файл не вдалося прочитати (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Перевірте права доступу.`,
      },
    };
  }
  if (bytes.length === 0 || bytes.every((byte) => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09)) {
    return { error: { place, message: 'файл порожній. Видаліть його або додайте текст.' } };
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { error: { place, message: 'файл у кодуванні UTF-16. Збережіть його як UTF-8.' } };
  }
  const nul = bytes.indexOf(0);
  const order = nul === -1 ? undefined : utf16ByteOrder(bytes);
  if (order) {
    return {
      error: {
        place,
        message: `файл у кодуванні UTF-16 (${order}, без позначки порядку байтів), а не UTF-8. Перекодуйте його, наприклад: iconv -f UTF-16${order} -t UTF-8 файл > файл.utf8`,
      },
    };
  }
  if (nul !== -1) {
    return {
      error: {
        place: { ...place, line: lineOfByte(bytes, nul) },
        message: 'файл двійковий (містить нульові байти), а не текст. Передайте текстовий файл.',
      },
    };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: text.replace(/^\uFEFF/, '') };
  } catch {
    const offset = firstInvalidUtf8(bytes);
    return {
      error: {
        place: { ...place, line: lineOfByte(bytes, offset) },
        message: `файл не в UTF-8 (неправильний байт 0x${bytes[offset]?.toString(16).padStart(2, '0')} у цьому рядку; можливо, це Windows-1251). Перекодуйте його, наприклад: iconv -f WINDOWS-1251 -t UTF-8 файл > файл.utf8`,
      },
    };
  }
}
