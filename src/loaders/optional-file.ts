import { existsSync, readFileSync } from 'node:fs';
import { file, type Loader, type LoaderContext } from 'astro/loaders';
import { keptForSameSource } from './source-version.ts';

type FileOptions = NonNullable<Parameters<typeof file>[1]>;

/** Where a file loader keeps the digest of the bytes its collection was last loaded from. */
const LOADED_DIGEST = 'loaded-digest';

/**
 * Astro's `file()` loader, except that a build leaves the collection as it
 * is when the file holds the bytes it was last loaded from, by the same code
 * (`src/loaders/source-version.ts`). `file()` clears and refills its
 * collection on every sync, and any change to the data store makes Astro
 * write the whole store again (the front matter of every article), although
 * nothing changed. The dev server (a watcher) always loads, so that `file()`
 * keeps reloading the file when it is edited.
 */
export function changedFile(fileName: string, options: FileOptions): Loader {
  const inner = file(fileName, options);
  return {
    name: 'arkhiv:changed-file',
    load: async (context) => {
      const kept = keptForSameSource(context);
      const digest = fileDigest(context, fileName);
      if (kept && !context.watcher && digest !== undefined && context.meta.get(LOADED_DIGEST) === digest) return;
      await inner.load(context);
      if (digest !== undefined) context.meta.set(LOADED_DIGEST, digest);
    },
  };
}

/**
 * `changedFile()` for a file an archive may leave out: while the file is
 * missing the collection is empty (where `file()` would log an error), and
 * once it exists it loads, parses and reloads as `file()` does.
 */
export function optionalFile(fileName: string, options: FileOptions): Loader {
  const inner = changedFile(fileName, options);
  return {
    name: 'arkhiv:optional-file',
    load: async (context) => {
      if (existsSync(new URL(fileName, context.config.root))) return inner.load(context);
      // Clearing an empty collection would still count as a change to the store.
      if (context.store.keys().length > 0) context.store.clear();
      if (context.meta.has(LOADED_DIGEST)) context.meta.delete(LOADED_DIGEST);
    },
  };
}

/** The digest of the file's bytes; `undefined` while there is no file (`file()` reports that). */
function fileDigest(context: LoaderContext, fileName: string): string | undefined {
  try {
    return String(context.generateDigest(readFileSync(new URL(fileName, context.config.root), 'utf8')));
  } catch {
    return undefined;
  }
}
