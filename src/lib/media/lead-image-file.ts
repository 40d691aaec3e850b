import { closeSync, openSync, readSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { splitFrontMatter } from '../archive/article-file.ts';
import { problem, type Place, type Problem } from '../problems.ts';
import { imageFormatOf, type ImageFormat } from './image-format.ts';
import { LOCAL_IMAGE_PATH } from './lead-image-schema.ts';

/**
 * The local file behind an article's lead image (`image.src` in its front
 * matter), found and judged before the build uses it: it must exist and be
 * an image by its bytes. The schema judges the field's shape; this module,
 * the file. Used by `npm run check` and the build through
 * `src/lib/safety/served-files.ts`.
 */

/** An article's local lead image as written and as found on disk. */
export interface LeadImageFile {
  /** As written: `media/2024/03/12/mist.jpg`. */
  src: string;
  /** Absolute path: the archive folder joined with `src`. */
  path: string;
  /** Where `src` is written in the article. */
  place: Place;
}

/** The archive folder of an article at `<archive>/articles/<yyyy>/<mm>/<dd>/<slug>.md`. */
function archiveFolderOf(articlePath: string): string {
  return resolve(dirname(articlePath), '../../../..');
}

/**
 * `image.src` written as the ingest and most editors write it, a block of
 * its own with a plain `src:` line (`  src: media/…`), found without
 * parsing the YAML: the value and its line and column in the front matter
 * (1-based). `undefined` for any other layout, which the parser reads.
 */
function plainBlockSource(frontMatter: string): { src: string; line: number; column: number } | undefined {
  const lines = frontMatter.split('\n');
  const start = lines.findIndex((line) => /^image[ \t]*:[ \t]*$/.test(line));
  if (start < 0) return undefined;
  for (let i = start + 1; i < lines.length && /^[ \t]/.test(lines[i]!); i++) {
    const found = /^([ \t]+src[ \t]*:[ \t]*)(\S+)[ \t]*$/.exec(lines[i]!);
    if (found && LOCAL_IMAGE_PATH.test(found[2]!)) return { src: found[2]!, line: i + 1, column: found[1]!.length + 1 };
    if (found) return undefined;
  }
  return undefined;
}

/** An article's local lead image, or `undefined` when it has none, a remote one, or a `src` the schema refuses. */
export function localLeadImage(articlePath: string, text: string): LeadImageFile | undefined {
  if (!/^image[ \t]*:/m.test(text)) return undefined;
  const split = splitFrontMatter(text);
  if (!split || 'error' in split) return undefined;
  const plain = plainBlockSource(split.frontMatter);
  if (plain) {
    const place = { line: plain.line + split.frontMatterLine - 1, column: plain.column };
    return { src: plain.src, path: join(archiveFolderOf(articlePath), plain.src), place };
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(split.frontMatter, { lineCounter, prettyErrors: false });
  const node = document.getIn(['image', 'src'], true) as { value?: unknown; range?: [number, number, number] } | undefined;
  if (typeof node?.value !== 'string' || !node.range) return undefined;
  const src = node.value.trim();
  if (!LOCAL_IMAGE_PATH.test(src)) return undefined;
  const at = lineCounter.linePos(node.range[0]);
  return { src, path: join(archiveFolderOf(articlePath), src), place: { line: at.line + split.frontMatterLine - 1, column: at.col } };
}

/** The first bytes of a file, or `undefined` when there is no such file. */
function head(path: string): Uint8Array | undefined {
  let descriptor: number;
  try {
    descriptor = openSync(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
    throw error;
  }
  try {
    const buffer = new Uint8Array(16);
    return buffer.subarray(0, readSync(descriptor, buffer, 0, buffer.length, 0));
  } finally {
    closeSync(descriptor);
  }
}

/** A lead image file as the site would use it: absent, present but not an image by its bytes, or an image of this format. */
export function imageFileState(path: string): 'missing' | 'not-image' | ImageFormat {
  const bytes = head(path);
  if (!bytes) return 'missing';
  return imageFormatOf(bytes) ?? 'not-image';
}

/** What is wrong with the file of a lead image, located at its `src` in the article `shown`: missing, or not an image. */
export function leadImageFileProblems(lead: LeadImageFile, shown: string): Problem[] {
  const state = imageFileState(lead.path);
  if (state === 'missing')
    return [
      problem(
        shown,
        lead.place,
        'image-missing',
        `Фото ${lead.src} не знайдено в архіві`,
        `Покладіть файл у теку архіву за цим шляхом (content/${lead.src}) або виправте image.src: шлях пишуть від теки архіву, media/<рррр>/<мм>/<дд>/<назва>.jpg.`,
        { field: 'image.src' },
      ),
    ];
  if (state === 'not-image')
    return [
      problem(
        shown,
        lead.place,
        'image-type',
        `Файл ${lead.src} не є зображенням JPEG, PNG, WebP чи AVIF, хоч так названий`,
        'Збережіть фото як JPEG чи PNG (у графічному редакторі: «Експортувати як…») і покладіть замість цього файлу.',
        { field: 'image.src' },
      ),
    ];
  return [];
}
