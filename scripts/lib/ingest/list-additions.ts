import { Document, isMap, isSeq, parseDocument } from 'yaml';
import { FileChangedError, writeFilesAtomic, type AtomicFile } from '#lib/files/atomic-write.ts';

/**
 * Entries the ingest adds to the archive's list files (`topics.yaml` with
 * `--create-topics`, `authors.yaml`): appended after what the file holds,
 * so that its comments and entries stay as people wrote them, and written
 * only over the version the run read.
 */

/**
 * `text` (a YAML list file; `undefined`: there is no such file) with
 * `added` appended as entries of their own, one blank line apart. Lists
 * inside an entry are written in flow style (`match: [a, b]`), as
 * topics.yaml writes them. A file whose list is written in flow style
 * (`[…]`) is written out again in block style, from `parseList` of it.
 */
export function appendEntries(text: string | undefined, added: readonly object[], parseList: (text: string) => readonly object[]): string {
  const block = (list: readonly object[]) => {
    const document = new Document(list);
    if (isSeq(document.contents))
      for (const entry of document.contents.items)
        if (isMap(entry)) for (const pair of entry.items) if (isSeq(pair.value)) pair.value.flow = true;
    return document.toString({ lineWidth: 0, flowCollectionPadding: false }).replace(/\n- /g, '\n\n- ');
  };
  if (text === undefined || !text.trim()) return block(added);
  const contents = parseDocument(text).contents;
  if (contents === null || (isSeq(contents) && !contents.flow)) return `${text.replace(/\n*$/, '\n')}\n${block(added)}`;
  return block([...parseList(text), ...added]);
}

/** One list file to write: its path, its bytes as the run read them (absent: there was no file), and its new text. */
export interface ListAddition {
  path: string;
  read?: Uint8Array;
  content: string;
}

/**
 * Writes every addition or none, atomically: a file the run read is
 * replaced only while it still holds those bytes, and a file that was
 * absent is created only while it still is. Files to create are put in
 * place first, since only at that moment can they be found to exist; the
 * others were checked before any is put in place. Returns the path of the
 * file that was changed or created during the run (then nothing of this
 * call is written, as long as at most one file is to be created), or
 * `undefined` when all were written.
 */
export function writeListAdditions(additions: readonly ListAddition[]): string | undefined {
  if (additions.length === 0) return undefined;
  const files: AtomicFile[] = [...additions]
    .sort((a, b) => Number(a.read !== undefined) - Number(b.read !== undefined))
    .map(({ path, read, content }) => ({ path, content, ...(read ? { unchangedFrom: read } : {}) }));
  try {
    writeFilesAtomic(files, { overwrite: false });
    return undefined;
  } catch (error) {
    if (error instanceof FileChangedError) return error.path;
    // A file to create that appeared: `link` names the target `dest`.
    const { code, dest } = error as NodeJS.ErrnoException & { dest?: string };
    if (code !== 'EEXIST') throw error;
    return dest ?? files[0]!.path;
  }
}
