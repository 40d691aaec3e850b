import { parseDocument } from 'yaml';
import { serializeArticle, splitFrontMatter, type ArticleFrontMatter } from '#lib/archive/article-file.ts';
import { articleSchema } from '#lib/archive/article-schema.ts';
import { bodyTextForComparison } from '#lib/archive/archive-files.ts';
import { archiveDay } from '#lib/text/dates.ts';
import { calendarDay } from '../check/date-rules.ts';
import { comparableText } from './comparable-text.ts';
import { describeChanges, diffParagraphs, wordDiff, wordSimilarity } from './text-diff.ts';

/**
 * Possible updates. A near duplicate of an article (near-duplicates.ts) is
 * either the same story published again, or the story corrected or carried
 * on. It is a **possible update** when both hold:
 *
 * 1. its title is the article's title give or take a word or two: the two
 *    share at least `SAME_TITLE_MIN` of their words (Jaccard of word sets);
 * 2. it says something the article does not: at least one paragraph added
 *    or changed, paragraphs compared in comparable form (comparable-text.ts).
 *
 * Anything else is a duplicate: another headline over the same text, the
 * same text with other quotes or punctuation, or a shortened repost (only
 * paragraphs removed). An update keeps the article's address, `id`,
 * `date`, topics, `aliases`, `origin` and `correction`; it takes the new
 * title, summary and body, and sets `updated`.
 */

export const SAME_TITLE_MIN = 0.5;

/** An article file as read: the bytes (for compare-and-swap) and its parts. */
export interface ArticleVersion {
  bytes: Uint8Array;
  /** Front matter as written: `yaml`'s core schema keeps dates as strings. */
  data: ArticleFrontMatter;
  body: string;
}

const decoder = new TextDecoder();
const FIELDS = new Set(Object.keys(articleSchema.shape));

/**
 * The article in `bytes`, or `undefined` when its front matter cannot be
 * rewritten faithfully: missing, broken, not YAML, without a title and
 * date, or with fields the schema does not know (they would be dropped).
 */
export function readVersion(bytes: Uint8Array): ArticleVersion | undefined {
  const split = splitFrontMatter(decoder.decode(bytes));
  if (!split || 'error' in split || split.language !== 'yaml') return undefined;
  const doc = parseDocument(split.frontMatter, { uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) return undefined;
  const data: unknown = doc.toJS();
  if (!data || typeof data !== 'object' || Array.isArray(data) || !Object.keys(data).every((key) => FIELDS.has(key))) return undefined;
  const front = data as ArticleFrontMatter;
  if (typeof front.title !== 'string' || typeof front.date !== 'string') return undefined;
  // The blank line after the front matter belongs to the layout, not to the body.
  return { bytes, data: front, body: split.body.replace(/^(?:[ \t]*\r?\n)+/, '') };
}

/** The paragraphs of a Markdown body (blocks between blank lines) as text to read: link targets, tags and escapes dropped. */
export function bodyParagraphs(body: string): string[] {
  return body
    .split(/\n[ \t]*\n/)
    .map((block) =>
      bodyTextForComparison(block)
        .replace(/\\(?=[!-/:-@[-`{-~])/g, '')
        .trim(),
    )
    .filter((block) => block !== '');
}

export type UpdateJudgement = { kind: 'duplicate' } | { kind: 'update'; changes: string[] };

/** Whether `next` is a possible update of `current` (see the rule above), and if so what changed, one line per change. */
export function judgeUpdate(current: ArticleVersion, next: ArticleVersion): UpdateJudgement {
  if (wordSimilarity(current.data.title, next.data.title) < SAME_TITLE_MIN) return { kind: 'duplicate' };
  const changes = diffParagraphs(bodyParagraphs(current.body), bodyParagraphs(next.body));
  if (!changes.some((change) => change.kind !== 'removed')) return { kind: 'duplicate' };
  const title =
    comparableText(current.data.title) === comparableText(next.data.title)
      ? []
      : [`заголовок: ${wordDiff(current.data.title, next.data.title)}`];
  return { kind: 'update', changes: [...title, ...describeChanges(changes)] };
}

/**
 * The `updated` date of an article updated by an item dated `itemDate`:
 * that date when it is the item's own (`fromItem`: metadata, file name or
 * text, not `--date`) and not before the article's date, otherwise `today`;
 * never earlier than the article's date or its `updated` so far.
 */
export function updateDay(current: ArticleFrontMatter, itemDate: string, fromItem: boolean, today = archiveDay()): string {
  const published = calendarDay(current.date) ?? itemDate;
  const chosen = fromItem && itemDate >= published ? itemDate : today;
  return [published, calendarDay(current.updated) ?? ''].reduce((latest, day) => (day > latest ? day : latest), chosen);
}

/** The file of `current` with the title, summary and body of `next` and the given `updated` date (see the rule above). */
export function updatedArticle(current: ArticleVersion, next: ArticleVersion, updated: string): string {
  const data: ArticleFrontMatter = { ...current.data, title: next.data.title, summary: next.data.summary, updated };
  if (!current.data.source && next.data.source) data.source = next.data.source;
  return serializeArticle(data, next.body);
}
