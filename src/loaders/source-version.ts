import type { LoaderContext } from 'astro/loaders';

declare const __ARKHIV_SOURCE_VERSION__: string | undefined;

/** The digest of `src/` this build runs (`src/integrations/source-version.ts`); empty where Vite has not defined it. */
const SOURCE_VERSION = typeof __ARKHIV_SOURCE_VERSION__ === 'string' ? __ARKHIV_SOURCE_VERSION__ : '';
const KEY = 'source-version';

/**
 * Empties a collection that an earlier version of the site's code loaded,
 * and says whether the collection was kept. Loaders keep what they loaded
 * while the files' bytes stay the same, but what they make of the bytes
 * (parsers, schemas) is code under `src/`, which Astro's own check of the
 * content configuration does not see.
 */
export function keptForSameSource(context: Pick<LoaderContext, 'meta' | 'store'>): boolean {
  if (context.meta.get(KEY) === SOURCE_VERSION) return true;
  context.store.clear();
  context.meta.set(KEY, SOURCE_VERSION);
  return false;
}
