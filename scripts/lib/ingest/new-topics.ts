import { join } from 'node:path';
import { parseTaxonomy, taxonomyWords } from '#lib/archive/taxonomy.ts';
import { topicSchema, type TopicData } from '#lib/archive/topic-schema.ts';
import { slugify } from '#lib/text/slug.ts';
import { foldText } from '#lib/text/typography.ts';
import { appendEntries, type ListAddition } from './list-additions.ts';
import { quoted, removedNote, shownText } from './shown-text.ts';

/**
 * `--create-topics`: a topic the source names (a WordPress category or tag,
 * a `topics` entry of JSON or a feed) that topics.yaml lacks becomes a new
 * topic, appended to topics.yaml when an article that names it is written.
 */

/** The file of the taxonomy in an archive. */
export const TOPICS_FILE = 'topics.yaml';

/**
 * The topic made of a name the source gives: slug of its transliteration
 * (`slugify`), the name as readers see it (one line, normalised, without
 * direction controls, as for author names), kind `subject`, and one match
 * rule of the folded name's words without `*`, so that it matches the name
 * itself and nothing else. No topic, with a note, when the name gives no
 * slug or the entry is not one `npm run check` accepts. Pure: the same name
 * gives the same topic on any thread.
 */
export function topicFromSourceName(given: string): { topic?: TopicData; notes: string[] } {
  const { text: name, removed } = shownText(given);
  const notes = removedNote('у назві теми', removed);
  const slug = slugify(name);
  if (!slug) {
    notes.push(
      `тему «${quoted(given)}» не створено: з назви не виходить адреса сторінки (потрібні латинські чи кириличні літери або цифри)`,
    );
    return { notes };
  }
  const parsed = topicSchema.safeParse({ slug, name, kind: 'subject', match: [taxonomyWords(foldText(name)).join(' ')] });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    notes.push(`тему «${quoted(given)}» не створено: запис теми був би некоректний (${problems}). Додайте тему до topics.yaml вручну.`);
    return { notes };
  }
  return { topic: parsed.data, notes };
}

/** The write that appends `added` to the archive's topics.yaml as it was read (`read`), for `writeListAdditions`; none when nothing is added. */
export function topicsAddition(contentDir: string, read: Uint8Array, added: readonly TopicData[]): ListAddition | undefined {
  if (added.length === 0) return undefined;
  return {
    path: join(contentDir, TOPICS_FILE),
    read,
    content: appendEntries(
      new TextDecoder().decode(read),
      added.map(({ slug, name, kind, match }) => ({ slug, name, kind, match })),
      parseTaxonomy,
    ),
  };
}
