import { existsSync } from 'node:fs';
import { file, type Loader } from 'astro/loaders';

type FileOptions = NonNullable<Parameters<typeof file>[1]>;

/**
 * Astro's `file()` loader for a file an archive may leave out: while the
 * file is missing the collection is empty (where `file()` would log an
 * error), and once it exists it loads, parses and reloads as `file()` does.
 */
export function optionalFile(fileName: string, options: FileOptions): Loader {
  const inner = file(fileName, options);
  return {
    name: 'arkhiv:optional-file',
    load: async (context) => {
      if (existsSync(new URL(fileName, context.config.root))) return inner.load(context);
      context.store.clear();
    },
  };
}
