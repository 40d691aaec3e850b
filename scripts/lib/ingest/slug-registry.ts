import { slugify } from '../../../src/lib/slug.ts';

/** Slug of an article whose title has no letters or digits to transliterate. */
export const FALLBACK_SLUG = 'stattia';

/** The slug a title asks for, before any clash suffix. */
export function titleSlug(title: string): string {
  return slugify(title) || FALLBACK_SLUG;
}

/**
 * Slugs in use across the whole archive. A new article takes its title's
 * slug, or on a clash the first free `-2`, `-3`… (the clash is reported).
 * Slugs of articles already written never change, so URLs stay stable.
 */
export class SlugRegistry {
  private readonly taken = new Set<string>();

  constructor(existing: Iterable<string> = []) {
    for (const slug of existing) this.taken.add(slug);
  }

  has(slug: string): boolean {
    return this.taken.has(slug);
  }

  /** Claims a slug for `title`; `clashed` tells whether a suffix was needed. */
  claim(title: string): { slug: string; clashed: boolean } {
    return this.claimSlug(titleSlug(title));
  }

  /** Claims `base` (a `titleSlug`), or on a clash the first free `base-2`, `base-3`… */
  claimSlug(base: string): { slug: string; clashed: boolean } {
    let slug = base;
    for (let n = 2; this.taken.has(slug); n += 1) slug = `${base}-${n}`;
    this.taken.add(slug);
    return { slug, clashed: slug !== base };
  }
}
