import { readFeed } from '../readers/read-feed.ts';
import { readJsonItems } from '../readers/read-json-items.ts';
import { readMarkdown } from '../readers/read-markdown.ts';
import { readPlainText } from '../readers/read-plain-text.ts';
import { readWxr, type WxrOptions } from '../readers/read-wxr.ts';
import { isWxr } from '../readers/wxr-document.ts';
import { readInputText, type InputFile } from './input-files.ts';
import { thrownMessage } from './prepare-item.ts';
import type { ReadResult } from './types.ts';

export interface ReadOptions extends WxrOptions {
  onePerFile: boolean;
}

/**
 * Reads one input file with the reader of its format; unreadable files, and
 * files a reader throws on (such as a stack overflow), come back as one error.
 */
export async function readItems(file: InputFile, options: ReadOptions): Promise<ReadResult> {
  const read = await readInputText(file);
  if ('error' in read) return { items: [], errors: [read.error] };
  try {
    return readText(read.text, file, options);
  } catch (error) {
    return { items: [], errors: [{ place: { file: file.path, line: 1 }, message: thrownMessage(error) }] };
  }
}

function readText(text: string, file: InputFile, options: ReadOptions): ReadResult {
  switch (file.format) {
    case 'text':
      return readPlainText(text, file.path, options);
    case 'json':
      return readJsonItems(text, file.path);
    case 'markdown':
    case 'mdx':
      return readMarkdown(text, file.path, file.format);
    case 'feed':
    case 'wordpress':
      // An XML file is a WordPress export when its root declares the WXR namespace, otherwise a feed.
      return isWxr(text) ? readWxr(text, file.path, options) : readFeed(text, file.path);
  }
}
