import { expect, test } from 'vitest';
import { aliasSlug, SlugRegistry } from '../../../../scripts/lib/ingest/slug-registry.ts';

test('a repeated slug takes the first free suffix, whoever took the others', () => {
  const registry = new SlugRegistry(['vybory', 'vybory-2', 'vybory-4']);
  const claims = () => registry.claimSlug('vybory').slug;
  expect(claims()).toBe('vybory-3');
  expect(claims()).toBe('vybory-5');
  // Another title whose own slug looks like a suffixed one.
  expect(registry.claimSlug('vybory-6')).toEqual({ slug: 'vybory-6', clashed: false });
  expect(claims()).toBe('vybory-7');
  expect(registry.claimSlug('inshe')).toEqual({ slug: 'inshe', clashed: false });
  expect(registry.claimSlug('inshe')).toEqual({ slug: 'inshe-2', clashed: true });
});

test('claiming the same slug ten thousand times gives ten thousand distinct slugs, in order', () => {
  const registry = new SlugRegistry();
  const slugs = Array.from({ length: 10_000 }, () => registry.claimSlug('novyna').slug);
  expect(new Set(slugs).size).toBe(10_000);
  expect(slugs.slice(0, 3)).toEqual(['novyna', 'novyna-2', 'novyna-3']);
  expect(slugs.at(-1)).toBe('novyna-10000');
});

test('a former address (alias) is taken: a new article with that slug gets a suffix', () => {
  const registry = new SlugRegistry(['nova-adresa']);
  registry.take(aliasSlug('/2022/01/06/stara-adresa/'));
  expect(registry.claimSlug('stara-adresa')).toEqual({ slug: 'stara-adresa-2', clashed: true });
});
