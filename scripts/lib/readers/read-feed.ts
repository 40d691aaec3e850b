import { parseFeed } from '@rowanmanning/feed-parser';
import type { Root } from 'mdast';
import { lineIndex } from '../ingest/line-index.ts';
import type { InputError, RawItem, ReadResult } from '../ingest/types.ts';
import { feedImage } from './feed-image.ts';
import { bodyFromString } from './item-fields.ts';
import { looksLikeHtml } from './html-to-mdast.ts';
import { findDeepNesting, NESTING_MESSAGE } from './nesting-depth.ts';
import { findXmlError } from './xml-errors.ts';

/** 1-based lines of each `<item>` (RSS) or `<entry>` (Atom) start tag, in document order. */
function itemLines(xml: string): number[] {
  const lineAt = lineIndex(xml);
  return [...xml.matchAll(/<(?:[\w-]+:)?(?:item|entry)[\s>/]/g)].map((match) => lineAt(match.index));
}

/** Names of feed people (`{ name, email, url }`): a person known only by an address has no name to credit. */
function personNames(people: ReadonlyArray<{ name: string | null }>): string[] {
  return people.map((person) => person.name?.trim() ?? '').filter(Boolean);
}

/**
 * The byline of an entry: its `author` / `dc:creator`. An entry without
 * one gets the feed's own people from the parser, which is right for Atom
 * (the feed's authors are its entries' authors) but not for RSS, whose
 * channel people are editors: for RSS an entry whose people are exactly
 * the channel's is taken to have none of its own.
 */
function entryAuthors(entryPeople: string[], feedPeople: string[], atom: boolean): string[] {
  if (atom || feedPeople.length === 0 || entryPeople.join('\n') !== feedPeople.join('\n')) return entryPeople;
  return [];
}

/**
 * RSS 2.0 and Atom feeds (`.xml`, `.rss`, `.atom`) as news sites publish
 * them: one article per item, HTML content turned into Markdown, the feed's
 * title as the source name, the item's image media (`feed-image.ts`) as
 * its lead image. Nothing is fetched: the file is the feed.
 */
export function readFeed(xml: string, file: string): ReadResult {
  if (!/^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:rss|feed|rdf:RDF)\b/i.test(xml)) {
    return {
      items: [],
      errors: [
        {
          place: { file, line: 1 },
          message:
            'файл не є стрічкою RSS чи Atom: він не починається з <rss> або <feed>. Збережіть саму стрічку (XML), а не сторінку сайту.',
        },
      ],
    };
  }
  const broken = findXmlError(xml);
  if (broken) {
    const message = `стрічка не є коректним XML: ${broken.message} (стовпець ${broken.column}). Виправте XML або завантажте стрічку з сайту ще раз.`;
    return { items: [], errors: [{ place: { file, line: broken.line }, message }] };
  }
  let feed: ReturnType<typeof parseFeed>;
  try {
    feed = parseFeed(xml);
  } catch (error) {
    return {
      items: [],
      errors: [
        {
          place: { file, line: 1 },
          message: `стрічку не вдалося прочитати (${(error as Error).message}). Перевірте, що XML цілий і коректний.`,
        },
      ],
    };
  }
  const lines = itemLines(xml);
  const feedPeople = personNames(feed.authors);
  const atom = feed.meta.type === 'atom';
  const items: RawItem[] = [];
  const errors: InputError[] = [];
  feed.items.forEach((entry, index) => {
    const place = { file, line: lines[index] ?? 1 };
    const html = entry.content ?? entry.description ?? '';
    if (!html.trim()) {
      errors.push({ place, message: 'у записі стрічки немає тексту (ні content, ні description). Такий запис нема що архівувати.' });
      return;
    }
    if (looksLikeHtml(html) && findDeepNesting(html, 1, 'html') !== undefined) {
      errors.push({ place, message: NESTING_MESSAGE });
      return;
    }
    const title = entry.title?.trim() || undefined;
    const { body, headline } = bodyFromString(html, title) as { body: Root; headline?: string };
    const summary = entry.content && entry.description ? entry.description : undefined;
    const date = entry.published ?? entry.updated;
    const name = feed.title?.trim() || undefined;
    const url = entry.url ?? undefined;
    const authors = entryAuthors(personNames(entry.authors), feedPeople, atom);
    const image = feedImage(entry.element);
    items.push({
      place,
      format: 'feed',
      ...((title ?? headline) ? { title: (title ?? headline)! } : {}),
      body,
      ...(date ? { date: date.toISOString() } : {}),
      topics: entry.categories.map((category) => category.label ?? category.term).filter((t): t is string => Boolean(t)),
      ...(summary ? { summary } : {}),
      ...(name || url ? { source: { ...(name ? { name } : {}), ...(url ? { url } : {}) } } : {}),
      ...(image ? { image } : {}),
      ...(authors.length > 0 ? { authors } : {}),
      ...(feed.language ? { lang: feed.language } : {}),
      notes: [],
    });
  });
  return { items, errors };
}
