import type { parseFeed } from '@rowanmanning/feed-parser';
import { toString } from 'mdast-util-to-string';
import { imagePixels } from '../ingest/article-fields.ts';
import type { RawItem } from '../ingest/types.ts';
import { htmlToMdast } from './html-to-mdast.ts';

/**
 * The lead image of a feed entry, read from its XML (the feed parser's
 * `media` list has no sizes, descriptions or credits): the first image
 * `media:content`, else the first image `enclosure` (RSS) or
 * `link rel="enclosure"` (Atom), else the first `media:thumbnail`. Text
 * (`media:description`, then `media:title`; `media:credit`) is taken from
 * the chosen element, then its `media:group`, then the entry.
 */

type FeedElement = ReturnType<typeof parseFeed>['items'][number]['element'];

const MEDIA_RSS = new Set(['http://search.yahoo.com/mrss/', 'https://search.yahoo.com/mrss/']);

function mediaChildren(element: FeedElement, name: string): FeedElement[] {
  return element.findElementsWithName(name).filter((child) => MEDIA_RSS.has(String(child.namespaceUri ?? '')));
}

/** The entry and its `media:group`s: where Media RSS puts content, thumbnails and their text. */
function mediaScopes(entry: FeedElement): FeedElement[] {
  return [entry, ...mediaChildren(entry, 'group')];
}

function isImageType(type: string | null): boolean {
  return type?.trim().toLowerCase().startsWith('image/') ?? false;
}

/** A `media:content` that is a picture: `medium="image"`, or an image MIME type. */
function isImageContent(content: FeedElement): boolean {
  return content.getAttribute('medium')?.trim().toLowerCase() === 'image' || isImageType(content.getAttribute('type'));
}

/** An RSS `<enclosure type="image/…">` or an Atom `<link rel="enclosure" type="image/…">`, with its address. */
function enclosureImage(entry: FeedElement): { element: FeedElement; src: string } | undefined {
  for (const enclosure of entry.findElementsWithName('enclosure')) {
    const src = enclosure.getAttributeAsUrl('url');
    if (src && isImageType(enclosure.getAttribute('type'))) return { element: enclosure, src };
  }
  for (const link of entry.findElementsWithName('link')) {
    const src = link.getAttributeAsUrl('href');
    if (src && link.getAttribute('rel') === 'enclosure' && isImageType(link.getAttribute('type'))) return { element: link, src };
  }
  return undefined;
}

/** The text of the first Media RSS `name` element found in `scopes`, tags removed when it is `type="html"`. */
function mediaText(scopes: FeedElement[], name: string): string | undefined {
  for (const scope of scopes) {
    for (const element of mediaChildren(scope, name)) {
      const raw = element.getAttribute('type') === 'html' ? toString(htmlToMdast(element.textContent)) : element.textContent;
      const text = raw.replace(/\s+/g, ' ').trim();
      if (text) return text;
    }
  }
  return undefined;
}

/** The chosen image element and its address, by the preference above. */
function chosenImage(entry: FeedElement): { element: FeedElement; src: string } | undefined {
  const scopes = mediaScopes(entry);
  for (const content of scopes.flatMap((scope) => mediaChildren(scope, 'content'))) {
    const src = content.getAttributeAsUrl('url');
    if (src && isImageContent(content)) return { element: content, src };
  }
  const enclosure = enclosureImage(entry);
  if (enclosure) return enclosure;
  for (const thumbnail of scopes.flatMap((scope) => mediaChildren(scope, 'thumbnail'))) {
    const src = thumbnail.getAttributeAsUrl('url');
    if (src) return { element: thumbnail, src };
  }
  return undefined;
}

/** The entry's lead image as the feed gives it, or `undefined` when it has none. */
export function feedImage(entry: FeedElement): RawItem['image'] {
  const chosen = chosenImage(entry);
  if (!chosen) return undefined;
  const { element, src } = chosen;
  // Text next to the image first, then its group's, then the entry's.
  const scopes = [element, ...(element.parent && element.parent !== entry ? [element.parent] : []), entry];
  const alt = mediaText(scopes, 'description') ?? mediaText(scopes, 'title');
  const credit = mediaText(scopes, 'credit');
  const width = imagePixels(element.getAttributeAsNumber('width'));
  const height = imagePixels(element.getAttributeAsNumber('height'));
  return {
    src,
    ...(alt ? { alt } : {}),
    ...(credit ? { credit } : {}),
    ...(width ? { width } : {}),
    ...(height ? { height } : {}),
  };
}
