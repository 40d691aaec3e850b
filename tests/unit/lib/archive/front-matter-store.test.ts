import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { FrontMatterStore, sharedFrontMatter, shareFrontMatter } from '#lib/archive/front-matter-store.ts';

interface Data {
  title: string;
  date: Date;
  source?: { name: string };
}

let dir: string;
let file: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'arkhiv-front-matter-'));
  file = join(dir, 'cache/front-matter.bin');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('keeps each article’s front matter for the digest it was parsed from, dates as dates, across builds', () => {
  const first = new FrontMatterStore<Data>(file);
  first.set('2024/06/03/stattia', 'a1', { title: 'Стаття', date: new Date('2024-06-03T09:30:00Z'), source: { name: 'Укрінформ' } });
  first.set('2024/06/04/insha', 'b1', { title: 'Інша', date: new Date('2024-06-04T00:00:00Z') });
  first.save();

  const next = new FrontMatterStore<Data>(file);
  const kept = next.get('2024/06/03/stattia', 'a1');
  expect(kept?.date).toBeInstanceOf(Date);
  expect(kept).toEqual({ title: 'Стаття', date: new Date('2024-06-03T09:30:00Z'), source: { name: 'Укрінформ' } });
  // Other bytes: the entry does not hold for them, and the loader parses the file again.
  expect(next.get('2024/06/03/stattia', 'a2')).toBeUndefined();
  expect(next.get('2024/06/05/nema', 'c1')).toBeUndefined();
});

test('forgets deleted and unlisted entries, and writes only when something changed', () => {
  const store = new FrontMatterStore<Data>(file);
  store.set('a', '1', { title: 'A', date: new Date(0) });
  store.set('b', '1', { title: 'B', date: new Date(0) });
  store.set('c', '1', { title: 'C', date: new Date(0) });
  store.save();
  const written = statSync(file).mtimeMs;

  const again = new FrontMatterStore<Data>(file);
  again.retain(() => true);
  again.save();
  expect(statSync(file).mtimeMs).toBe(written);

  again.delete('a');
  again.retain((id) => id !== 'b');
  again.save();
  const last = new FrontMatterStore<Data>(file);
  expect(['a', 'b', 'c'].map((id) => last.get(id, '1')?.title)).toEqual([undefined, undefined, 'C']);
  last.clear();
  last.save();
  expect(new FrontMatterStore<Data>(file).get('c', '1')).toBeUndefined();
});

test('a missing or unreadable file is an empty store', () => {
  expect(existsSync(file)).toBe(false);
  expect(new FrontMatterStore<Data>(file).get('a', '1')).toBeUndefined();
  writeFileSync(join(dir, 'broken.bin'), 'not a serialised map');
  expect(new FrontMatterStore<Data>(join(dir, 'broken.bin')).get('a', '1')).toBeUndefined();
});

test('hands the front matter to the pages of the same process, following later changes', () => {
  const store = new FrontMatterStore<Data>(file);
  shareFrontMatter(store.view());
  store.set('a', '1', { title: 'Після', date: new Date(0) });
  expect(sharedFrontMatter<Data>()?.get('a')?.title).toBe('Після');
});
