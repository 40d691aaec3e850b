import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { authorSchema, type AuthorData } from '#lib/archive/author-schema.ts';
import { AUTHORS_FILE, authorNameKey, parseAuthors } from '#lib/archive/authors.ts';
import { slugify } from '#lib/text/slug.ts';
import { appendEntries, type ListAddition } from './list-additions.ts';
import { quoted, removedNote, shownText } from './shown-text.ts';

/**
 * Bylines in the ingest: the names an item gives (`RawItem.authors`) become
 * slugs of `authors.yaml`, and names the file lacks become new entries,
 * appended to it when the run writes.
 */

/** An author as the ingest creates one: a name and the slug it gives. */
export interface NewAuthor {
  slug: string;
  name: string;
}

/** The authors of an archive, looked up by name (`authorNameKey`) and by slug. */
export interface AuthorIndex {
  byName: ReadonlyMap<string, string>;
  slugs: ReadonlySet<string>;
}

export function authorIndex(authors: readonly Pick<AuthorData, 'slug' | 'name'>[]): AuthorIndex {
  return {
    byName: new Map(authors.map((author) => [authorNameKey(author.name), author.slug])),
    slugs: new Set(authors.map((author) => author.slug)),
  };
}

export interface Byline {
  /** Slugs in byline order, each once. */
  slugs: string[];
  /** Authors the index lacks, to be added to authors.yaml. */
  created: NewAuthor[];
  /** For the report: names that were changed or could not be used. */
  notes: string[];
}

/**
 * The slugs of a byline. A name of the index (whatever its case and
 * spacing) is that author; another name gets the slug of its
 * transliteration (`slugify`). When an author already has that slug, the
 * name is taken for another spelling of theirs (Latin and Cyrillic letters
 * give one slug), so a run never makes two authors with one address. Pure:
 * the same names and index give the same byline on any thread.
 */
export function mapByline(names: readonly string[], index: AuthorIndex): Byline {
  const slugs: string[] = [];
  const created: NewAuthor[] = [];
  const notes: string[] = [];
  for (const given of names) {
    const { text: name, removed } = shownText(given);
    notes.push(...removedNote('в імені автора', removed));
    if (!name) continue;
    let slug = index.byName.get(authorNameKey(name));
    if (slug === undefined) {
      slug = slugify(name);
      if (!slug) {
        notes.push(`автора «${quoted(given)}» не записано: з імені не виходить адреса сторінки (латиниця чи кирилиця)`);
        continue;
      }
      if (!index.slugs.has(slug) && !created.some((author) => author.slug === slug)) created.push({ slug, name });
    }
    if (!slugs.includes(slug)) slugs.push(slug);
  }
  return { slugs, created, notes };
}

/** What the ingest knows of `authors.yaml`: its entries and its bytes as read (`undefined`: there is no such file). */
export interface AuthorsFile {
  authors: AuthorData[];
  bytes?: Uint8Array;
}

/**
 * Reads `authors.yaml` of the archive, valid or not at all: a broken file
 * is an error that names every bad entry. No file is no authors.
 */
export async function loadAuthorsFile(contentDir: string): Promise<AuthorsFile | { error: string }> {
  const path = join(contentDir, AUTHORS_FILE);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { authors: [] };
    throw error;
  }
  let authors: AuthorData[];
  try {
    authors = parseAuthors(new TextDecoder().decode(bytes));
  } catch (error) {
    return {
      error: `${path}: ${(error as Error).message.split('\n')[0]} Виправте authors.yaml (npm run check покаже де) і запустіть знову.`,
    };
  }
  const problems = authors.flatMap((author, index) => {
    const parsed = authorSchema.safeParse(author);
    return parsed.success ? [] : [`автор №${index + 1}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`];
  });
  if (problems.length > 0)
    return { error: `${path}: список авторів некоректний:\n  ${problems.join('\n  ')}\nВиправте authors.yaml і запустіть знову.` };
  return { authors, bytes };
}

/** `authors.yaml` with `added` appended (see `appendEntries`). */
export function appendAuthors(text: string | undefined, added: readonly NewAuthor[]): string {
  return appendEntries(
    text,
    added.map(({ slug, name }) => ({ slug, name })),
    parseAuthors,
  );
}

/** The write that adds `added` to the archive's authors.yaml as `file` was read (for `writeListAdditions`); none when no one is added. */
export function authorsAddition(contentDir: string, file: AuthorsFile, added: readonly NewAuthor[]): ListAddition | undefined {
  if (added.length === 0) return undefined;
  return {
    path: join(contentDir, AUTHORS_FILE),
    ...(file.bytes ? { read: file.bytes } : {}),
    content: appendAuthors(file.bytes ? new TextDecoder().decode(file.bytes) : undefined, added),
  };
}
