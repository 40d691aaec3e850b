import { slugify } from '#lib/text/slug.ts';

/** Slug of an article whose title has no letters or digits to transliterate. */
export const FALLBACK_SLUG = 'stattia';

/** The slug of a former address (`/2022/01/11/old-slug/`, as in `aliases`). */
export function aliasSlug(alias: string): string {
  return alias.replace(/\/+$/, '').split('/').at(-1) ?? '';
}

/** The slug a title asks for, before any clash suffix. */
export function titleSlug(title: string): string {
  return slugify(title) || FALLBACK_SLUG;
}

/**
 * Slugs in use across the whole archive: of its articles and of their
 * former addresses (`aliases`). A new article takes its title's slug, or on
 * a clash the first free `-2`, `-3`… (the clash is reported). Slugs of
 * articles already written never change, so URLs stay stable.
 */
export class SlugRegistry {
  private readonly taken = new Set<string>();
  /** Per base slug, the last suffix given to it (a title repeated a thousand times must not try a thousand suffixes). */
  private readonly lastSuffix = new Map<string, number>();

  constructor(existing: Iterable<string> = []) {
    for (const slug of existing) this.taken.add(slug);
  }

  has(slug: string): boolean {
    return this.taken.has(slug);
  }

  /** Marks a slug taken without claiming it for a title (a former address). */
  take(slug: string): void {
    if (slug) this.taken.add(slug);
  }

  /** Claims a slug for `title`; `clashed` tells whether a suffix was needed. */
  claim(title: string): { slug: string; clashed: boolean } {
    return this.claimSlug(titleSlug(title));
  }

  /** Claims `base` (a `titleSlug`), or on a clash the first free `base-2`, `base-3`… */
  claimSlug(base: string): { slug: string; clashed: boolean } {
    if (!this.taken.has(base)) {
      this.taken.add(base);
      return { slug: base, clashed: false };
    }
    // Slugs are never released: the suffixes below the last one given for this base are still taken.
    let n = this.lastSuffix.get(base) ?? 1;
    let slug: string;
    do slug = `${base}-${(n += 1)}`;
    while (this.taken.has(slug));
    this.lastSuffix.set(base, n);
    this.taken.add(slug);
    return { slug, clashed: true };
  }
}
