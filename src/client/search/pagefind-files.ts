import { inflatePagefindFile } from '#lib/search/index-files.ts';

/**
 * How the search engine gets Pagefind's files.
 *
 * - Start-up: the entry file (which names the metadata file), then the
 *   metadata and the WebAssembly together, requested as soon as a search is
 *   coming and while Pagefind's own script loads; Pagefind would request them
 *   one after another once its script has run.
 * - In the search worker (`share`), `fetch` answers Pagefind's requests for
 *   its larger files (metadata, WebAssembly, index chunks) with the files
 *   already gunzipped by the browser, which is faster than Pagefind's
 *   JavaScript inflate (Pagefind skips inflating a file that starts with its
 *   signature). The start-up files come from the downloads above, so each
 *   crosses the network once although the engine reads the metadata too.
 *   Other requests pass through untouched.
 */
export interface PagefindFiles {
  /** Folders of the other parts of an index built in parts, relative to the main bundle (`parts.json`; none when it is missing). */
  parts(): Promise<string[]>;
  /** The metadata file of the language Pagefind uses, inflated, of the main bundle or of a part's folder. */
  meta(folder?: string): Promise<Uint8Array>;
  /** Any Pagefind data file, inflated. */
  inflated(url: string): Promise<Uint8Array>;
  /**
   * An index chunk, inflated. The engine reads the chunks of a query's words
   * too (`word-forms.ts`); in the worker, Pagefind's request for the same
   * chunk gets the same download.
   */
  indexChunk(url: string): Promise<Uint8Array>;
}

interface EntryLanguage {
  hash: string;
  wasm: string | null;
  page_count: number;
}

/** Pagefind's choice of index for a language (`findIndex` in pagefind.js): exact, then primary subtag, then the largest. */
function pickLanguage(languages: Record<string, EntryLanguage>, language: string): EntryLanguage {
  const found =
    languages[language] ?? languages[language.split('-')[0]!] ?? Object.values(languages).sort((a, b) => b.page_count - a.page_count)[0];
  if (!found) throw new Error('The Pagefind entry file lists no language index.');
  return found;
}

/**
 * How many index chunks to keep, downloaded or decoded, for an index in
 * `parts` parts: a query needs one or two per word in every part, and one
 * that the kept chunks cannot hold reads some of them again for each step
 * that reads them. Eight per part kept the eleven benchmark queries on the
 * 100,000-article site (13 parts) at the 197 chunk reads they need, as
 * sixteen did (four: 211); an index in one part keeps sixteen.
 */
export function keptChunks(parts: number): number {
  return Math.max(16, 8 * parts);
}

/**
 * Pagefind's larger compressed files, by name: metadata, index and filter
 * chunks, WebAssembly. Fragments (a few kilobytes each) are left to Pagefind:
 * its inflate is quick on them, and a stream would add asynchronous steps
 * between the search and its results.
 */
const LARGE_FILE = /\.(pf_meta|pf_index|pf_filter|pagefind)$/;

/**
 * `bundlePath` is Pagefind's folder as Pagefind is told it; `language` is the
 * one Pagefind looks for (`<html lang>` on a page, `unknown` in a worker,
 * where Pagefind falls back to the largest index).
 */
export function openPagefindFiles(bundlePath: string, buildId: string, language: string, share: boolean): PagefindFiles {
  const network = globalThis.fetch.bind(globalThis);
  const download = async (url: string, inflate: boolean): Promise<Uint8Array> => {
    const response = await network(url);
    if (!response.ok) throw new Error(`${response.status} fetching ${url}`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    return inflate ? inflatePagefindFile(bytes, url) : bytes;
  };
  const keyOf = (input: RequestInfo | URL): string =>
    typeof input === 'string' || input instanceof URL ? new URL(input, globalThis.location.href).href : '';
  /** Start-up downloads not yet handed to Pagefind, by absolute URL. */
  const early = new Map<string, Promise<Uint8Array>>();
  const start = (url: string, inflate: boolean): Promise<Uint8Array> => {
    const bytes = download(url, inflate);
    if (share) early.set(keyOf(url), bytes);
    // Read later, if at all: a failed download is reported to whoever reads it.
    bytes.catch(() => {});
    return bytes;
  };

  /** Promises kept until they fail, so that a failed download is tried again next time. */
  const kept = new Map<string, Promise<unknown>>();
  const keep = <T>(key: string, make: () => Promise<T>): Promise<T> => {
    let made = kept.get(key) as Promise<T> | undefined;
    if (!made) {
      made = make();
      kept.set(key, made);
      made.catch(() => kept.delete(key));
    }
    return made;
  };

  /** Index chunks downloaded lately, by absolute URL, the last used last; as many as `keptChunks` for the parts, once they are known. */
  const chunks = new Map<string, Promise<Uint8Array>>();
  let chunksKept = keptChunks(1);
  const readChunk = (url: string): Promise<Uint8Array> => {
    // Outside the worker (no `location` in Node) the engine alone asks, always by the same URL.
    const key = share ? keyOf(url) : url;
    let bytes = chunks.get(key);
    if (bytes) chunks.delete(key);
    else {
      bytes = download(url, true);
      bytes.catch(() => chunks.get(key) === bytes && chunks.delete(key));
    }
    chunks.set(key, bytes);
    if (chunks.size > chunksKept) chunks.delete(chunks.keys().next().value!);
    return bytes;
  };

  const readParts = (): Promise<string[]> =>
    keep('parts', async () => {
      const response = await network(`${bundlePath}parts.json`);
      // A site indexed in one run before parts existed has no manifest.
      if (response.status === 404) return [];
      if (!response.ok) throw new Error(`${response.status} fetching ${bundlePath}parts.json`);
      const folders = (await response.json()) as unknown;
      if (!Array.isArray(folders) || !folders.every((folder) => typeof folder === 'string' && /^[\w.-]+\/$/.test(folder))) {
        throw new Error(`${bundlePath}parts.json is not a list of index folders: rebuild the site and its index.`);
      }
      chunksKept = keptChunks(folders.length + 1);
      return folders as string[];
    });
  const readMeta = (folder = ''): Promise<Uint8Array> =>
    keep(`meta ${folder}`, async () => {
      const entry = JSON.parse(new TextDecoder().decode(await start(`${bundlePath}${folder}pagefind-entry.json?ts=${buildId}`, false))) as {
        languages: Record<string, EntryLanguage>;
      };
      const index = pickLanguage(entry.languages, language);
      // Parts share the main bundle's WebAssembly.
      if (share && folder === '') start(`${bundlePath}wasm.${index.wasm ?? 'unknown'}.pagefind`, true);
      return start(`${bundlePath}${folder}pagefind.${index.hash}.pf_meta`, true);
    });

  if (share) {
    globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
      const key = keyOf(input);
      const known = early.get(key);
      if (init || !key || (!known && !LARGE_FILE.test(new URL(key).pathname))) return network(input, init);
      early.delete(key);
      const path = new URL(key).pathname;
      return new Response(
        (await (known ?? (path.endsWith('.pf_index') ? readChunk(key) : download(key, true)))) as Uint8Array<ArrayBuffer>,
      );
    };
    readMeta().catch(() => {});
    readParts().then(
      (folders) => folders.forEach((folder) => readMeta(folder).catch(() => {})),
      () => {},
    );
  }
  return { parts: readParts, meta: readMeta, inflated: (url) => download(url, true), indexChunk: readChunk };
}
