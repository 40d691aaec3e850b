import { topicSchema } from './topic-schema.ts';
import type { Problem } from '../problems.ts';
import { validateEntryList } from './validate-entry-list.ts';

/** Checks `topics.yaml` (YAML, a list of topics, each valid, slugs unique); returns the valid slugs and every problem. */
export function validateTopics(text: string, file: string): { slugs: Set<string>; problems: Problem[] } {
  return validateEntryList(text, file, {
    schema: topicSchema,
    fileRule: 'topics-yaml',
    entryRule: 'topic-schema',
    duplicateRule: 'topic-duplicate',
    emptyIsNone: false,
    notAList: { message: 'topics.yaml має бути списком тем', fix: 'Кожна тема починається з «- slug: …».' },
    entryLabel: (position) => `тема №${position}`,
    entryFix: 'Кожна тема має slug (латиниця, дефіси), name і непорожній список match.',
    duplicateMessage: (slug, line) => `тема «${slug}» повторюється (уперше в рядку ${line})`,
    duplicateFix: 'Обʼєднайте дві теми в одну: слаг теми — її адреса, він має бути унікальним.',
  });
}
