import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { changedFile, optionalFile } from '../../../src/loaders/optional-file.ts';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'arkhiv-loader-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

/**
 * What a loader is given for one collection, over plain maps: the entries
 * (`store`) and the loader's own notes (`meta`), kept from one load to the
 * next as Astro's data store keeps them between builds, and a count of the
 * loader's changes to them, each of which makes Astro write its whole store.
 */
function collection() {
  const entries = new Map<string, { id: string; data: Record<string, unknown> }>();
  const notes = new Map<string, string>();
  let changes = 0;
  const context = {
    collection: 'topics',
    config: { root: pathToFileURL(`${root}/`) },
    logger: { debug() {}, info() {}, warn() {}, error() {} },
    generateDigest: (data: string) => String(data.length) + data.slice(0, 40),
    parseData: async ({ data }: { data: Record<string, unknown> }) => data,
    store: {
      get: (id: string) => entries.get(id),
      set: (entry: { id: string; data: Record<string, unknown> }) => (changes++, entries.set(entry.id, entry), true),
      keys: () => [...entries.keys()],
      clear: () => (changes++, entries.clear()),
    },
    meta: {
      get: (key: string) => notes.get(key),
      set: (key: string, value: string) => (changes++, notes.set(key, value)),
      has: (key: string) => notes.has(key),
      delete: (key: string) => (changes++, notes.delete(key)),
    },
  };
  return { context: context as unknown as LoaderContext, entries, changes: () => changes };
}

const parser = (text: string) =>
  Object.fromEntries(
    text
      .split('\n')
      .filter(Boolean)
      .map((slug) => [slug, { slug }]),
  );

describe('changedFile', () => {
  test('loads the file once, leaves the collection untouched while its bytes stay the same, and reloads when they change', async () => {
    await writeFile(join(root, 'topics.txt'), 'viina\nekonomika\n');
    const loader = changedFile('topics.txt', { parser });
    const { context, entries, changes } = collection();

    await loader.load(context);
    expect([...entries.keys()]).toEqual(['viina', 'ekonomika']);
    const afterFirst = changes();

    await loader.load(context);
    expect(changes()).toBe(afterFirst);
    expect([...entries.keys()]).toEqual(['viina', 'ekonomika']);

    await writeFile(join(root, 'topics.txt'), 'viina\nsport\n');
    await loader.load(context);
    expect([...entries.keys()]).toEqual(['viina', 'sport']);
  });

  test('loads again when the collection was loaded by other code, whatever the file', async () => {
    await writeFile(join(root, 'topics.txt'), 'viina\n');
    const { context, entries } = collection();
    await changedFile('topics.txt', { parser }).load(context);
    // The same bytes, loaded by an earlier version of the site's code (another digest of src/).
    context.meta.set('source-version', 'other-code');
    entries.set('stale', { id: 'stale', data: {} });
    await changedFile('topics.txt', { parser }).load(context);
    expect([...entries.keys()]).toEqual(['viina']);
  });
});

describe('optionalFile', () => {
  test('an archive without the file has an empty collection, emptied once, not on every build', async () => {
    const loader = optionalFile('authors.txt', { parser });
    const { context, entries, changes } = collection();
    await loader.load(context);
    expect(entries.size).toBe(0);
    expect(changes()).toBe(0);

    await writeFile(join(root, 'authors.txt'), 'olena-petrenko\n');
    await loader.load(context);
    expect([...entries.keys()]).toEqual(['olena-petrenko']);

    await rm(join(root, 'authors.txt'));
    await loader.load(context);
    expect(entries.size).toBe(0);
    const afterRemoval = changes();
    await loader.load(context);
    expect(changes()).toBe(afterRemoval);
  });
});
