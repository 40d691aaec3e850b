import { readFeed } from '../readers/read-feed.ts';
import { readJsonItems } from '../readers/read-json-items.ts';
import { readMarkdown } from '../readers/read-markdown.ts';
import { readPlainText } from '../readers/read-plain-text.ts';
import { readInputText, type InputFile } from './input-files.ts';
import type { ReadResult } from './types.ts';

/** Reads one input file with the reader of its format; unreadable files come back as one error. */
export async function readItems(file: InputFile, options: { onePerFile: boolean }): Promise<ReadResult> {
  const read = await readInputText(file);
  if ('error' in read) return { items: [], errors: [read.error] };
  switch (file.format) {
    case 'text':
      return readPlainText(read.text, file.path, options);
    case 'json':
      return readJsonItems(read.text, file.path);
    case 'markdown':
    case 'mdx':
      return readMarkdown(read.text, file.path, file.format);
    case 'feed':
      return readFeed(read.text, file.path);
  }
}
