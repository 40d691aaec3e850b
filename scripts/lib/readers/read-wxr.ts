import { toString } from 'mdast-util-to-string';
import { hasReadableText } from '../ingest/article-body.ts';
import { thrownMessage } from '../ingest/prepare-item.ts';
import type { InputError, RawItem, ReadResult, SkippedItem } from '../ingest/types.ts';
import { htmlToMdast, looksLikeHtml } from './html-to-mdast.ts';
import { findDeepNesting, NESTING_MESSAGE } from './nesting-depth.ts';
import { convertWpBody, wpImageAddress, type WpImage } from './wp-body.ts';
import { parseWxr, type WxrDocument, type WxrItem } from './wxr-document.ts';
import { findXmlError } from './xml-errors.ts';
import { foldText } from '#lib/text/typography.ts';

/**
 * WordPress exports (WXR, Tools → Export): one article per published post
 * (`wp:post_type` post, `wp:status` publish). Every other item (pages,
 * drafts, scheduled and private posts, attachments, menu items…) is
 * skipped with its reason; comments are not imported and the report says so.
 */

export interface WxrOptions {
  /**
   * WordPress category and tag (slug or name, compared folded) → topic slugs
   * (`--topic-map`). A term without an entry is passed on by its name, which
   * matches a topic of that name or is reported as not found.
   */
  topicMap?: ReadonlyMap<string, readonly string[]>;
}

const SKIPPED_TYPES: Readonly<Record<string, string>> = {
  page: 'сторінка',
  attachment: 'вкладення (медіафайл)',
  nav_menu_item: 'пункт меню',
  revision: 'редакція допису',
  wp_block: 'блок багаторазового використання',
};

const SKIPPED_STATUSES: Readonly<Record<string, string>> = {
  draft: 'чернетка',
  'auto-draft': 'чернетка',
  pending: 'на розгляді',
  future: 'запланований допис',
  private: 'приватний допис',
  trash: 'допис у кошику',
};

/** Why an item is not an article, or `undefined` for a published post. */
function skipOf(item: WxrItem): Pick<SkippedItem, 'kind' | 'reason'> | undefined {
  if (item.type !== 'post') {
    const kind = SKIPPED_TYPES[item.type] ?? `тип «${item.type}»`;
    return { kind, reason: `${kind} (wp:post_type ${item.type}): в архів імпортуються лише дописи` };
  }
  if (item.status === 'publish') return undefined;
  const kind = SKIPPED_STATUSES[item.status] ?? `статус «${item.status}»`;
  return { kind, reason: `${kind} (wp:status ${item.status}): в архів імпортуються лише опубліковані дописи` };
}

/** The date: `wp:post_date_gmt` as an instant, or, when WordPress left it 0000-00-00, the local `wp:post_date` as written. */
function postDate(item: WxrItem): string | undefined {
  const gmt = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2})?)$/.exec(item.dateGmt);
  if (gmt && !gmt[1]!.startsWith('0000')) return `${gmt[1]}T${gmt[2]}Z`;
  return item.date && !item.date.startsWith('0000') ? item.date : undefined;
}

/** The path of an old permalink in the archive's shape `/yyyy/mm/dd/slug/`, or `undefined`. */
export function permalinkAlias(url: string): string | undefined {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return undefined;
  }
  const match = /^\/(\d{4})\/(\d{2})\/(\d{2})\/([a-z0-9-]+)\/?$/.exec(path);
  return match ? `/${match[1]}/${match[2]}/${match[3]}/${match[4]}/` : undefined;
}

function permalinkOf(item: WxrItem): string | undefined {
  if (/^https?:\/\//.test(item.link)) return item.link;
  return item.guidIsPermalink && /^https?:\/\//.test(item.guid) ? item.guid : undefined;
}

/**
 * The image of an attachment as the export gives it: its address as written,
 * its alt text (`_wp_attachment_image_alt`) and its excerpt as the caption.
 * `undefined` when the attachment has no address.
 */
function attachmentImage(attachment: WxrItem): { src: string; alt?: string; caption?: string } | undefined {
  const src = attachment.attachmentUrl || attachment.guid;
  if (!src) return undefined;
  const alt = attachment.meta.get('_wp_attachment_image_alt')?.trim();
  const caption = attachment.excerpt.trim();
  return { src, ...(alt ? { alt } : {}), ...(caption ? { caption } : {}) };
}

/** An image of a post's body (a gallery's): without alt text, its caption, else its title, stands in. */
function imageOf(attachment: WxrItem): WpImage | undefined {
  const image = attachmentImage(attachment);
  return image && { ...image, alt: image.alt || image.caption || attachment.title };
}

/**
 * The featured image (`_thumbnail_id`) with its address made absolute. The
 * alt text has no stand-in: a lead image without one is reported by the
 * ingest, not guessed.
 */
function featuredImage(attachment: WxrItem, siteUrl: string): RawItem['image'] {
  const image = attachmentImage(attachment);
  // An address of another scheme is passed on as written: the ingest reports it.
  return image && { ...image, src: wpImageAddress(image.src, siteUrl) ?? image.src };
}

function topicsOf(item: WxrItem, options: WxrOptions): string[] {
  const topics: string[] = [];
  for (const term of item.terms) {
    if (term.domain !== 'category' && term.domain !== 'post_tag') continue;
    const mapped = options.topicMap?.get(foldText(term.slug)) ?? options.topicMap?.get(foldText(term.name));
    for (const topic of mapped ?? [term.name || term.slug]) if (!topics.includes(topic)) topics.push(topic);
  }
  return topics;
}

function plainText(html: string): string {
  return looksLikeHtml(html) || /<[a-z]/i.test(html) ? toString(htmlToMdast(html)).replace(/\s+/g, ' ').trim() : html.trim();
}

export function readWxr(xml: string, file: string, options: WxrOptions = {}): ReadResult {
  const broken = findXmlError(xml);
  if (broken) {
    const message = `експорт WordPress не є коректним XML: ${broken.message} (стовпець ${broken.column}). Виправте XML або експортуйте сайт ще раз (Інструменти → Експорт).`;
    return { items: [], errors: [{ place: { file, line: broken.line }, message }] };
  }
  const document = parseWxr(xml);
  const items: RawItem[] = [];
  const errors: InputError[] = [];
  const skipped: SkippedItem[] = [];
  const attachments = new Map(document.items.filter((item) => item.type === 'attachment').map((item) => [item.id, item]));
  const siteName = document.siteName || undefined;
  const lang = document.language || undefined;
  let comments = 0;
  for (const item of document.items) {
    const place = { file, line: item.line };
    const skip = skipOf(item);
    if (skip) {
      skipped.push({ place, ...skip, ...(item.title ? { title: item.title } : {}) });
      continue;
    }
    comments += item.comments;
    if (looksLikeHtml(item.content) && findDeepNesting(item.content, 1, 'html') !== undefined) {
      errors.push({ place, message: NESTING_MESSAGE });
      continue;
    }
    try {
      items.push(postItem(item, document, { attachments, siteName, lang, options, place }));
    } catch (error) {
      // One post that cannot be read (a stack overflow on absurd nesting) is that post's error, not the file's.
      errors.push({ place, message: thrownMessage(error) });
    }
  }
  const notices =
    comments > 0
      ? [`${file}: коментарі не імпортуються (в архіві їх немає); пропущено коментарів до опублікованих дописів: ${comments}`]
      : [];
  return { items, errors, skipped, notices };
}

interface PostContext {
  attachments: ReadonlyMap<string, WxrItem>;
  siteName: string | undefined;
  lang: string | undefined;
  options: WxrOptions;
  place: RawItem['place'];
}

function postItem(item: WxrItem, document: WxrDocument, context: PostContext): RawItem {
  const { attachments } = context;
  const converted = convertWpBody(item.content, {
    siteUrl: document.siteUrl,
    attachment: (id) => {
      const attachment = attachments.get(id);
      return attachment ? imageOf(attachment) : undefined;
    },
    ownImages: () => [...attachments.values()].filter((a) => a.parent === item.id).flatMap((attachment) => imageOf(attachment) ?? []),
  });
  const notes = [...converted.notes];
  const permalink = permalinkOf(item);
  const alias = permalink ? permalinkAlias(permalink) : undefined;
  if (permalink && !alias)
    notes.push(`стару адресу ${permalink} не перенаправлено: архів перенаправляє лише адреси виду /рррр/мм/дд/слаг/`);
  const author = item.creator ? (document.authors.get(item.creator) ?? item.creator) : undefined;
  if (item.creator && !document.authors.has(item.creator))
    notes.push(`автора «${item.creator}» немає серед wp:author експорту: імʼя записано як є`);
  const thumbnail = item.meta.get('_thumbnail_id');
  const attachment = thumbnail ? attachments.get(thumbnail) : undefined;
  const image = attachment ? featuredImage(attachment, document.siteUrl) : undefined;
  if (thumbnail && !image) notes.push(`головне зображення допису (вкладення ${thumbnail}) не імпортовано: його немає в експорті`);
  const title = item.title.trim();
  // Figures and embeds alone are no article (prepareItem refuses them): the title is the text.
  if (!hasReadableText(converted.body) && title) {
    converted.body.children.push({ type: 'paragraph', children: [{ type: 'text', value: title }] });
    notes.push('у дописі немає тексту, лише зображення, вбудовування чи нічого: текстом статті записано заголовок');
  }
  const date = postDate(item);
  const summary = plainText(item.excerpt);
  const topics = topicsOf(item, context.options);
  return {
    place: context.place,
    format: 'wordpress',
    ...(title ? { title } : {}),
    body: converted.body,
    ...(date ? { date } : {}),
    ...(topics.length > 0 ? { topics } : {}),
    ...(summary ? { summary } : {}),
    ...(context.siteName || permalink
      ? { source: { ...(context.siteName ? { name: context.siteName } : {}), ...(permalink ? { url: permalink } : {}) } }
      : {}),
    ...(image ? { image } : {}),
    ...(author ? { authors: [author] } : {}),
    ...(context.lang ? { lang: context.lang } : {}),
    ...(alias ? { aliases: [alias] } : {}),
    distinct: true,
    notes,
  };
}
