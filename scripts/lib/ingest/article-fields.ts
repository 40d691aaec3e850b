import { join } from 'node:path';
import { imageFileState } from '#lib/media/lead-image-file.ts';
import { LOCAL_IMAGE_PATH, type LeadImage } from '#lib/media/lead-image-schema.ts';
import { isSecureWebAddress, isWebAddress } from '#lib/safety/url-policy.ts';
import { normalizeText } from '#lib/text/typography.ts';
import { cleanTitle, summaryFromLead, titleFromLead } from './lead.ts';
import { quoted, removedNote, shownText } from './shown-text.ts';
import type { RawItem } from './types.ts';

/**
 * The front matter fields of an article that come from the item's metadata
 * (title, summary, source, lead image, language), each in the form `npm run check` and
 * the site accept. A value that cannot be used as given is changed or
 * dropped, and `notes` (for the report) says which and why.
 */

export interface ArticleTitle {
  title: string;
  /** The item has no usable title of its own: the title is the lead's. */
  fromLead: boolean;
}

/** The item's title, cleaned; the lead's first sentence when it has none (or nothing of it is left). */
export function articleTitle(given: string | undefined, lead: string, notes: string[]): ArticleTitle {
  if (given) {
    const { text, removed } = shownText(given);
    notes.push(...removedNote('у заголовку', removed));
    const title = normalizeText(cleanTitle(text));
    if (title) return { title, fromLead: false };
    notes.push(`заголовок «${quoted(given)}» без керівних символів і пробілів порожній: його утворено з ліду`);
  }
  const { text, removed } = shownText(titleFromLead(lead));
  notes.push(...removedNote('у заголовку з ліду', removed));
  return { title: normalizeText(cleanTitle(text)), fromLead: true };
}

/** The item's summary without tags, cut to the lead's length; the lead's first sentences when it has none. */
export function articleSummary(given: string | undefined, lead: string, notes: string[]): string {
  if (given) {
    const { text, removed } = shownText(given.replace(/<[^>]*>/g, ' '));
    notes.push(...removedNote('у ліді', removed));
    const summary = normalizeText(summaryFromLead(text));
    if (summary) return summary;
  }
  const { text, removed } = shownText(lead);
  notes.push(...removedNote('у ліді з тексту', removed));
  return normalizeText(summaryFromLead(text));
}

/** Name and address of the original; an address that is not an absolute `http(s)://` one is dropped. */
export function articleSource(source: RawItem['source'], notes: string[]): { name?: string; url?: string } | undefined {
  const name = source?.name ? shownText(source.name) : undefined;
  if (name) notes.push(...removedNote('у назві джерела', name.removed));
  let url: string | undefined;
  if (source?.url) {
    const address = source.url.trim();
    if (isWebAddress(address)) url = address;
    else notes.push(`адресу джерела «${quoted(source.url)}» не записано: джерело має бути вебадресою http(s)://…`);
  }
  if (!name?.text && !url) return undefined;
  return { ...(name?.text ? { name: name.text } : {}), ...(url ? { url } : {}) };
}

/** A caption or credit as one line of shown text (see `shownText`); empty when nothing is left. */
function imageText(given: string | undefined, field: string, notes: string[]): string {
  if (!given) return '';
  const { text, removed } = shownText(given);
  notes.push(...removedNote(field, removed));
  return text;
}

/** A size `leadImageSchema` accepts: a positive whole number of pixels; anything else (absent, `0`, `10.5`) is `undefined`. */
export function imagePixels(value: number | null | undefined): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
}

/**
 * Why a lead image given as a file of the archive (`media/…`, see
 * `LOCAL_IMAGE_PATH`) cannot be written, or `undefined` when it can: the
 * file must already be in the archive and be an image by its bytes, as
 * `npm run check` requires (`lead-image-file.ts`).
 */
function localImageProblem(src: string, archiveDir: string | undefined): string | undefined {
  const put = `покладіть файл у теку архіву (content/${src}) і запустіть імпорт знову`;
  if (archiveDir === undefined) return `теку архіву не вказано; ${put}`;
  const state = imageFileState(join(archiveDir, src));
  if (state === 'missing') return `файлу немає в архіві; ${put}`;
  if (state === 'not-image') return 'файл не є зображенням JPEG, PNG, WebP чи AVIF; замініть його справжнім фото';
  return undefined;
}

/**
 * The lead image as `image` front matter, in the form `leadImageSchema`
 * accepts: an `https://` address (`isSecureWebAddress`: the site shows it as
 * given) or a file already in the archive's `media/` (`archiveDir`), and a
 * non-empty description. Without either nothing is written and `notes` says
 * why and what to do, so the image is not silently lost.
 */
export function articleImage(given: RawItem['image'], notes: string[], archiveDir?: string): LeadImage | undefined {
  if (!given) return undefined;
  const src = given.src.trim();
  const local = LOCAL_IMAGE_PATH.test(src);
  if (!local && !isSecureWebAddress(src)) {
    notes.push(
      `головне зображення «${quoted(given.src)}» не імпортовано: це не адреса https://… і не файл архіву media/…; додайте image вручну (файл у media/ або адреса https://) з описом alt`,
    );
    return undefined;
  }
  const fileProblem = local ? localImageProblem(src, archiveDir) : undefined;
  if (fileProblem) {
    notes.push(`головне зображення ${src} не імпортовано: ${fileProblem}`);
    return undefined;
  }
  const alt = imageText(given.alt, 'в описі зображення', notes);
  if (!alt) {
    notes.push(`головне зображення ${src} не імпортовано: немає опису (alt); додайте image з alt вручну`);
    return undefined;
  }
  const caption = imageText(given.caption, 'у підписі зображення', notes);
  const credit = imageText(given.credit, 'в авторстві зображення', notes);
  const width = imagePixels(given.width);
  const height = imagePixels(given.height);
  return {
    src,
    alt,
    ...(caption ? { caption } : {}),
    ...(credit ? { credit } : {}),
    ...(width ? { width } : {}),
    ...(height ? { height } : {}),
  };
}

// A BCP 47 language tag as sources write it: `uk`, `en`, `en-GB`, `zh-Hant-TW`.
const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i;

/** The article's language: Ukrainian unless the item names another by a language tag. */
export function articleLang(given: string | undefined, notes: string[]): string {
  const lang = given?.trim();
  if (!lang || lang.toLowerCase().startsWith('uk')) return 'uk';
  if (LANGUAGE_TAG.test(lang)) return lang;
  notes.push(`мову «${quoted(lang)}» не розпізнано (потрібен код мови на кшталт uk чи en): записано uk`);
  return 'uk';
}
