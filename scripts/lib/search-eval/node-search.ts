import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { INDEX_FOLDER } from '#lib/search/index-parts.ts';
import { readPartsManifest } from '#lib/search/parts-manifest.ts';
import { serveStatic } from '../serve-static.ts';
import type { PagefindApi, PagefindModule, PagefindOptions, PagefindResult } from '#lib/search/pagefind-types.ts';
import { decodeIndexChunk, decodeMeta, inflatePagefindFile, type ChunkWords, type IndexMeta } from '#lib/search/index-files.ts';
import { joinMetas } from '#lib/search/index-union.ts';
import { hasIndexedWordStartingWith, isIndexed, pagesWithForms, wordForms, type IndexPart } from '#lib/search/word-forms.ts';

/**
 * A built site's Pagefind index, searched from Node with Pagefind's own
 * browser code (no worker) over a loopback HTTP server: the same files and
 * the same search code as in the browser. For tests and the evaluation.
 */
export interface NodeSearchIndex {
  pagefind: PagefindApi;
  /** The first `limit` results, best first: article id (`yyyy/mm/dd/slug`), Pagefind's score and indexed text. */
  results(query: string, limit?: number): Promise<Array<{ id: string; score: number; content: string }>>;
  /** Every result of a Pagefind search, best first, none of them read yet. */
  matches(query: string): Promise<PagefindResult[]>;
  /** The page number of a result's page (its `id`) across every part of the index. */
  pageNumber(pageId: string): Promise<number>;
  /** The page numbers of the pages that use a form of a query word, read from the index chunks as the search page reads them. */
  pagesWithForms(word: string): Promise<Set<number>>;
  /** Whether the index holds a word beginning with a prefix, read from the index chunks as the search page reads them. */
  hasIndexedWord(prefix: string): Promise<boolean>;
  /** Whether the index holds a word that begins like a form of a query word (`isIndexed`), as the search page reads it. */
  wordIndexed(word: string): Promise<boolean>;
  /** Every indexed page with the text Pagefind indexed for it. */
  pages(): Promise<Array<{ id: string; content: string }>>;
  close(): Promise<void>;
}

/** The article id of a result URL: `/sub/2022/01/11/slug/?x` → `2022/01/11/slug`. */
export function articleIdOf(url: string): string {
  const path = new URL(url, 'http://x').pathname;
  return path.match(/(\d{4}\/\d{2}\/\d{2}\/[^/]+)\/?$/)?.[1] ?? path;
}

export async function openSearchIndex(siteDir: string, options: PagefindOptions = {}): Promise<NodeSearchIndex> {
  const server = await serveStatic(siteDir, '/');
  const module = (await import(pathToFileURL(join(siteDir, INDEX_FOLDER, 'pagefind.js')).href)) as PagefindModule;
  const pagefind = module.createInstance({ ...options, basePath: `${server.url}${INDEX_FOLDER}/`, noWorker: true });
  await pagefind.init();
  // An index built in parts (`src/lib/search/index-parts.ts`) is searched whole, as the search page does.
  const parts = await readPartsManifest(siteDir);
  for (const folder of parts) await pagefind.mergeIndex(`${server.url}${INDEX_FOLDER}/${folder}`, options);
  // The metadata and index chunks of every part, read from disk as the search page reads them over the network.
  const bundle = join(siteDir, INDEX_FOLDER);
  const metaFiles = await Promise.all(
    ['', ...parts].map(async (folder) => {
      const entry = JSON.parse(await readFile(join(bundle, folder, 'pagefind-entry.json'), 'utf8')) as {
        languages: Record<string, { hash: string; page_count: number }>;
      };
      const [language] = Object.values(entry.languages).sort((a, b) => b.page_count - a.page_count);
      const file = join(bundle, folder, `pagefind.${language!.hash}.pf_meta`);
      return decodeMeta(await inflatePagefindFile(await readFile(file), file), file);
    }),
  );
  const union = joinMetas(metaFiles);
  const chunks = new Map<string, Promise<ChunkWords>>();
  const indexParts: IndexPart[] = metaFiles.map((meta: IndexMeta, i) => ({
    chunks: meta.indexChunks,
    offset: union.offsets[i]!,
    words(hash) {
      const file = join(bundle, ['', ...parts][i]!, 'index', `${hash}.pf_index`);
      if (!chunks.has(file))
        chunks.set(
          file,
          readFile(file).then(async (bytes) => decodeIndexChunk(await inflatePagefindFile(bytes, file), file)),
        );
      return chunks.get(file)!;
    },
  }));
  return {
    pagefind,
    async results(query, limit = 10) {
      if (!query) return [];
      const response = await pagefind.search(query);
      const first = response.results.slice(0, limit);
      const data = await Promise.all(first.map((r) => r.data()));
      return data.map((d, i) => ({ id: articleIdOf(d.url), score: first[i]!.score, content: d.content }));
    },
    async matches(query) {
      return query ? (await pagefind.search(query)).results : [];
    },
    async pageNumber(pageId) {
      return union.pageNumbers.get(pageId) ?? -1;
    },
    pagesWithForms(word) {
      return pagesWithForms(wordForms(word), indexParts);
    },
    hasIndexedWord(prefix) {
      return hasIndexedWordStartingWith(prefix, indexParts);
    },
    wordIndexed(word) {
      return isIndexed(wordForms(word), indexParts);
    },
    async pages() {
      const response = await pagefind.search(null);
      const data = await Promise.all(response.results.map((r) => r.data()));
      return data.map((d) => ({ id: articleIdOf(d.url), content: d.content }));
    },
    async close() {
      await pagefind.destroy?.();
      await server.close();
    },
  };
}
