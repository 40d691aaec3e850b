import { createHash } from 'node:crypto';
import type { CompiledTaxonomy } from '#lib/archive/taxonomy.ts';
import type { ArticleExtension, ArticleFrontMatter } from '#lib/archive/article-file.ts';
import type { SanitizeOptions } from '../remark/remark-sanitize.ts';
import { NESTING_MESSAGE } from '../readers/nesting-depth.ts';
import { PLACEHOLDER_MARK } from '../check/placeholder.ts';
import { blockTexts, firstParagraphText, hasReadableText, needsMdx, processBody, stringifyBody } from './article-body.ts';
import { articleImage, articleLang, articleSource, articleSummary, articleTitle } from './article-fields.ts';
import { serializeIngestedArticle } from './article-text.ts';
import { resolveDate, type ResolvedDate } from './dates.ts';
import { textSignature, type TextSignature } from './near-duplicates.ts';
import { titleSlug } from './slug-registry.ts';
import { assignTopics } from './topics.ts';
import type { TopicData } from '#lib/archive/topic-schema.ts';
import { authorIndex, mapByline, type AuthorIndex, type NewAuthor } from './authors.ts';
import { formatPlace, type RawItem } from './types.ts';

/**
 * An item ready to be placed in the archive: everything but its path, which
 * depends on the items before it (slug clashes), and whether it is written
 * at all (duplicates).
 */
export interface PreparedArticle {
  item: RawItem;
  data: ArticleFrontMatter;
  body: string;
  /** The whole file as it is written (front matter, then `body`), in UTF-8: bytes outside the JavaScript heap, handed between threads without a copy. */
  content: Uint8Array<ArrayBuffer>;
  extension: ArticleExtension;
  /** Plain text of the body: what the id, duplicates and topics are computed from. */
  text: string;
  /** What the near-duplicate indexes need of `text`. */
  signature: TextSignature;
  /** Bylined authors that authors.yaml lacks (their slugs are in `data.authors`): added to it if the article is written. */
  newAuthors: NewAuthor[];
  /** With `createTopics`: topics of `data.topics` that topics.yaml lacks, added to it if the article is written. */
  newTopics: TopicData[];
  /** The slug the title asks for (`titleSlug`); a clash adds a suffix when the article is placed. */
  slug: string;
  /** The item's `distinct`: compared for near duplicates with the archive only. */
  distinct?: true;
  dateSource: ResolvedDate['source'];
  /** For the report: what a person should check (a date not from metadata, changed markup, unknown topics). */
  notes: string[];
  /** For the report: how the item was read, nothing to check (e.g. a title derived from the lead). */
  info: string[];
}

export interface PrepareContext {
  taxonomy: CompiledTaxonomy;
  /** `--date`, for items without a date of their own. */
  fallbackDate?: string;
  /** `YYYY-MM-DD`: dates after it are refused; the day in Kyiv by default. */
  today?: string;
  sanitize?: SanitizeOptions;
  /** The archive's authors.yaml, for bylines; none when absent. */
  authors?: AuthorIndex;
  /** `--create-topics`: a source's topic that the taxonomy lacks becomes a new topic (see new-topics.ts). */
  createTopics?: boolean;
  /** The archive folder, where a lead image given as `media/…` must already be; without it such an image is reported. */
  archiveDir?: string;
}

const NO_AUTHORS = authorIndex([]);

const utf8 = new TextEncoder();

/** `sha256:` and the first 16 hex digits of the hash of the normalised body text. */
export function articleId(text: string): string {
  return `sha256:${createHash('sha256').update(text).digest('hex').slice(0, 16)}`;
}

/** Why preparing failed; `thrown` when the failure was an exception (such as a stack overflow on deep nesting). */
export interface PrepareFailure {
  error: string;
  thrown?: true;
}

/** The item's error for an exception thrown while preparing it: the run goes on with the other items. */
export function thrownMessage(error: unknown): string {
  if (error instanceof RangeError && /call stack/i.test(error.message)) return NESTING_MESSAGE;
  const reason = error instanceof Error ? error.message : String(error);
  return `новину не вдалося обробити (${reason.split('\n')[0]}). Спростіть розмітку цієї новини.`;
}

/**
 * Prepares one item (see `prepareBody`); whatever is thrown on the way
 * becomes this item's error instead of ending the run.
 */
export async function prepareItem(item: RawItem, context: PrepareContext): Promise<PreparedArticle | PrepareFailure> {
  try {
    return await prepareArticle(item, context);
  } catch (error) {
    return { error: thrownMessage(error), thrown: true };
  }
}

/**
 * Normalises one item: body through the remark plugins, title (given or
 * derived from the lead), summary (given or the lead), date, topics, id.
 * Returns a message instead when the item cannot become an article.
 */
async function prepareArticle(item: RawItem, context: PrepareContext): Promise<PreparedArticle | PrepareFailure> {
  const { tree, notes: bodyNotes } = await processBody(item.body, context.sanitize);
  const blocks = blockTexts(tree);
  if (blocks.length === 0) return { error: 'у новини немає тексту. Додайте текст або приберіть порожній запис.' };
  // `npm run check` counts text outside code: a body of code or images alone is empty to it.
  if (!hasReadableText(tree)) return { error: 'у новини немає тексту поза кодом і зображеннями. Додайте текст або приберіть запис.' };
  const text = blocks.join('\n\n');
  const lead = firstParagraphText(tree) || blocks[0]!;
  const fieldNotes: string[] = [];
  const { title, fromLead } = articleTitle(item.title, lead, fieldNotes);
  if (!title) return { error: 'не вдалося визначити заголовок. Додайте заголовок першим рядком або в поле title.' };
  const date = resolveDate({
    ...(item.date !== undefined ? { metadata: item.date } : {}),
    fileName: item.place.file,
    paragraphs: blocks,
    ...(context.fallbackDate ? { fallback: context.fallbackDate } : {}),
    ...(context.today ? { today: context.today } : {}),
  });
  if ('error' in date) return date;
  const summary = articleSummary(item.summary, lead, fieldNotes);
  if (!summary)
    return { error: 'не вдалося скласти лід: у першому абзаці немає тексту. Додайте поле summary або текст на початок новини.' };
  const topics = assignTopics({ title, text, ...(item.topics ? { explicit: item.topics } : {}) }, context.taxonomy, {
    create: context.createTopics ?? false,
  });
  const extension: ArticleExtension = needsMdx(tree) ? 'mdx' : 'md';
  const source = articleSource(item.source, fieldNotes);
  const image = articleImage(item.image, fieldNotes, context.archiveDir);
  const byline = mapByline(item.authors ?? [], context.authors ?? NO_AUTHORS);
  fieldNotes.push(...byline.notes);
  const data: ArticleFrontMatter = {
    title,
    date: date.date,
    topics: topics.topics,
    ...(byline.slugs.length > 0 ? { authors: byline.slugs } : {}),
    summary,
    ...(source ? { source } : {}),
    ...(image ? { image } : {}),
    lang: articleLang(item.lang, fieldNotes),
    id: articleId(text),
    origin: formatPlace(item.place),
    ...(item.aliases && item.aliases.length > 0 ? { aliases: item.aliases } : {}),
  };
  const notes = [
    ...item.notes,
    ...fieldNotes,
    ...(date.source === 'metadata' || date.source === 'file-name' ? [] : [date.detail]),
    ...topics.notes,
    ...bodyNotes.map((note) => (note.line ? `рядок ${note.line}: ${note.message}` : note.message)),
  ];
  const info = fromLead ? ['заголовок утворено з ліду'] : [];
  const body = stringifyBody(tree, extension);
  const file = serializeIngestedArticle(data, body);
  if (file.includes(PLACEHOLDER_MARK)) {
    return {
      error: `новина містить позначку незаповненої заготовки «${PLACEHOLDER_MARK}» (її лишає npm run new). Заповніть заготовку або приберіть позначку.`,
    };
  }
  return {
    item,
    data,
    body,
    content: utf8.encode(file),
    extension,
    text,
    signature: textSignature(text),
    newAuthors: byline.created,
    newTopics: topics.created,
    slug: titleSlug(title),
    ...(item.distinct ? { distinct: true as const } : {}),
    dateSource: date.source,
    notes,
    info,
  };
}
