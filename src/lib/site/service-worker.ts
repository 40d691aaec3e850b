import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomicAsync } from '../files/atomic-write.ts';
import { INDEX_FOLDER, PARTS_MANIFEST } from '../search/index-parts.ts';
import { readPartsManifest } from '../search/parts-manifest.ts';

/** File kinds of `_astro/` that the shell needs; images and media are cached when used. */
const SHELL_ASSET = /\.(?:js|css|woff2?|svg)$/;

async function filesIn(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  return (await readdir(dir, { recursive: true })).map((f) => f.replace(/\\/g, '/')).sort();
}

/** The files of one Pagefind bundle that every search needs (entry, meta, WebAssembly, filters), relative to the bundle. */
async function bundleFiles(bundle: string, buildId: string): Promise<string[]> {
  const entryFile = join(bundle, 'pagefind-entry.json');
  if (!existsSync(entryFile))
    throw new Error(
      `${entryFile} is missing: the search index must be built before the service worker (list pagefind() before serviceWorker() in astro.config.mjs).`,
    );
  const entry = JSON.parse(await readFile(entryFile, 'utf8')) as { languages: Record<string, { hash: string; wasm?: string | null }> };
  const files = [`pagefind-entry.json?ts=${buildId}`];
  for (const language of Object.values(entry.languages)) {
    files.push(`pagefind.${language.hash}.pf_meta`, `wasm.${language.wasm ?? 'unknown'}.pagefind`);
  }
  const filters = (await filesIn(join(bundle, 'filter'))).map((f) => `filter/${f}`);
  return [...files, ...filters];
}

/** The URLs cached at install: the shell of the site and the entry files of the search index and of its parts. */
export async function precacheList(outDir: string, base: string, buildId: string): Promise<string[]> {
  const bundle = join(outDir, INDEX_FOLDER);
  const pages = ['', 'search/'].filter((page) => existsSync(join(outDir, page, 'index.html')));
  const assets = (await filesIn(join(outDir, '_astro'))).filter((f) => SHELL_ASSET.test(f)).map((f) => `_astro/${f}`);
  const pagefindFiles = ['pagefind.js', 'pagefind-worker.js', 'pagefind-highlight.js', ...(await bundleFiles(bundle, buildId))];
  const parts = await readPartsManifest(outDir);
  if (existsSync(join(bundle, PARTS_MANIFEST))) pagefindFiles.push(PARTS_MANIFEST);
  for (const part of parts) pagefindFiles.push(...(await bundleFiles(join(bundle, part), buildId)).map((f) => `${part}${f}`));
  return [...pages, ...assets, ...pagefindFiles.map((f) => `${INDEX_FOLDER}/${f}`)].map((path) => `${base}${path}`);
}

/** Writes `<outDir>/sw.js` atomically. */
export async function writeServiceWorker(
  outDir: string,
  base: string,
  buildId: string,
  logger: { info(message: string): void },
): Promise<void> {
  const precache = await precacheList(outDir, base, buildId);
  const source = await readFile(fileURLToPath(new URL('../../client/service-worker.js', import.meta.url)), 'utf8');
  const target = join(outDir, 'sw.js');
  await writeFileAtomicAsync(target, `self.ARKHIV_SW = ${JSON.stringify({ buildId, base, precache }, null, 2)};\n${source}`);
  logger.info(`Service worker for build ${buildId}: ${precache.length} files cached at install.`);
}
