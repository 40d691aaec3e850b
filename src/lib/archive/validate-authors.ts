import { authorSchema } from './author-schema.ts';
import type { Problem } from '../problems.ts';
import { validateEntryList } from './validate-entry-list.ts';

/** Checks `authors.yaml` (YAML, a list of authors, each valid, slugs unique; empty is none); returns the valid slugs and every problem. */
export function validateAuthors(text: string, file: string): { slugs: Set<string>; problems: Problem[] } {
  return validateEntryList(text, file, {
    schema: authorSchema,
    fileRule: 'authors-yaml',
    entryRule: 'author-schema',
    duplicateRule: 'author-duplicate',
    emptyIsNone: true,
    notAList: {
      message: 'authors.yaml має бути списком авторів',
      fix: 'Кожен автор починається з «- slug: …», далі name: і, за бажання, bio: та links:.',
    },
    entryLabel: (position) => `автор №${position}`,
    entryFix: 'Кожен автор має slug (латиниця, цифри, дефіси) і name; bio — текст, links — список адрес https://….',
    duplicateMessage: (slug, line) => `автор «${slug}» повторюється (уперше в рядку ${line})`,
    duplicateFix: 'Залиште один запис: слаг автора — адреса його сторінки, він має бути унікальним.',
  });
}
