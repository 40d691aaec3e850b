import { parse as parseYaml } from 'yaml';
import { foldText } from '../text/typography.ts';
import type { AuthorData } from './author-schema.ts';

/** The authors file of an archive, next to `topics.yaml`; an archive without it has no authors. */
export const AUTHORS_FILE = 'authors.yaml';

/** Reads `content/authors.yaml`: a YAML list of authors (empty or absent text: none). Validation is the schema's job. */
export function parseAuthors(text: string): AuthorData[] {
  const list: unknown = parseYaml(text);
  if (list === null || list === undefined) return [];
  if (!Array.isArray(list)) throw new Error('authors.yaml: очікується список авторів (YAML-послідовність).');
  return list as AuthorData[];
}

/**
 * The form in which two spellings of a name are the same name: folded like
 * all compared text (case, apostrophes, typography) and with every run of
 * spaces as one space, so «Олена  ПЕТРЕНКО» is «Олена Петренко».
 */
export function authorNameKey(name: string): string {
  return foldText(name).replace(/\s+/gu, ' ').trim();
}
