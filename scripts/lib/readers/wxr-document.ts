import sax from 'sax';

/**
 * A WordPress export (WXR, "WordPress eXtended RSS") read into plain
 * records: the site's authors, and every `<item>` (posts, pages,
 * attachments, menu items…) with the fields the reader uses. Elements are
 * recognised by namespace, whatever prefix the file gives them.
 */

/** `http://wordpress.org/export/1.2/` and its `https:` and other 1.x forms. */
const WXR_NAMESPACE = /^https?:\/\/wordpress\.org\/export\/1\.\d+\/$/;

/** Canonical prefixes by namespace: the names below are written with them. */
function prefixOf(uri: string): string | undefined {
  if (WXR_NAMESPACE.test(uri)) return 'wp';
  if (/^https?:\/\/wordpress\.org\/export\/1\.\d+\/excerpt\/$/.test(uri)) return 'excerpt';
  if (uri === 'http://purl.org/rss/1.0/modules/content/') return 'content';
  if (uri === 'http://purl.org/dc/elements/1.1/') return 'dc';
  return uri === '' ? '' : undefined;
}

/** Whether an XML document is a WordPress export: its root element declares the WXR namespace. */
export function isWxr(xml: string): boolean {
  const root = /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<rss\b([^>]*)>/i.exec(xml);
  if (!root) return false;
  return [...root[1]!.matchAll(/\bxmlns:[\w.-]+\s*=\s*(["'])([^"']*)\1/g)].some((match) => WXR_NAMESPACE.test(match[2]!));
}

export interface WxrTerm {
  /** `category`, `post_tag`, `post_format`, `nav_menu`… */
  domain: string;
  /** The term's slug (`nicename`). */
  slug: string;
  name: string;
}

export interface WxrItem {
  /** 1-based line of the `<item>` start tag. */
  line: number;
  title: string;
  link: string;
  guid: string;
  guidIsPermalink: boolean;
  /** `dc:creator`: an author's login. */
  creator: string;
  content: string;
  excerpt: string;
  id: string;
  parent: string;
  date: string;
  dateGmt: string;
  status: string;
  type: string;
  attachmentUrl: string;
  terms: WxrTerm[];
  meta: Map<string, string>;
  comments: number;
}

export interface WxrDocument {
  /** The blog's address (`wp:base_blog_url`, else the channel's `<link>`), for addresses written without a host. */
  siteUrl: string;
  /** The channel's `<title>` and `<language>`, empty when absent. */
  siteName: string;
  language: string;
  /** Display name by login. */
  authors: Map<string, string>;
  items: WxrItem[];
}

function emptyItem(line: number): WxrItem {
  return {
    line,
    title: '',
    link: '',
    guid: '',
    guidIsPermalink: true,
    creator: '',
    content: '',
    excerpt: '',
    id: '',
    parent: '',
    date: '',
    dateGmt: '',
    status: '',
    type: '',
    attachmentUrl: '',
    terms: [],
    meta: new Map(),
    comments: 0,
  };
}

// Text elements of an item, by canonical name.
const ITEM_FIELDS: Readonly<Record<string, keyof WxrItem>> = {
  title: 'title',
  link: 'link',
  guid: 'guid',
  'dc:creator': 'creator',
  'content:encoded': 'content',
  'excerpt:encoded': 'excerpt',
  'wp:post_id': 'id',
  'wp:post_parent': 'parent',
  'wp:post_date': 'date',
  'wp:post_date_gmt': 'dateGmt',
  'wp:status': 'status',
  'wp:post_type': 'type',
  'wp:attachment_url': 'attachmentUrl',
};

/**
 * Reads a well-formed WXR document (check it with `findXmlError` first).
 * Text is taken as written, CDATA or not, with surrounding white space of
 * short fields trimmed; `content:encoded` keeps its own.
 */
export function parseWxr(xml: string): WxrDocument {
  const parser = sax.parser(true, { xmlns: true });
  const document: WxrDocument = { siteUrl: '', siteName: '', language: '', authors: new Map(), items: [] };
  // Canonical names of the open elements, outermost first.
  const path: string[] = [];
  let text = '';
  let item: WxrItem | undefined;
  let author: { login: string; name: string } | undefined;
  let term: WxrTerm | undefined;
  let meta: { key: string; value: string } | undefined;
  let channelLink = '';
  parser.onopentag = (tag) => {
    const node = tag as sax.QualifiedTag;
    const prefix = prefixOf(node.uri);
    const name = prefix === undefined ? `{${node.uri}}${node.local}` : prefix ? `${prefix}:${node.local}` : node.local;
    path.push(name);
    text = '';
    if (name === 'item' && path.length === 3) item = emptyItem(parser.line + 1);
    else if (name === 'wp:author' && !item) author = { login: '', name: '' };
    else if (name === 'category' && item) {
      const attribute = (key: string) => {
        const value = node.attributes[key];
        return typeof value === 'string' ? value : (value?.value ?? '');
      };
      term = { domain: attribute('domain'), slug: attribute('nicename'), name: '' };
    } else if (name === 'wp:postmeta' && item) meta = { key: '', value: '' };
    else if (name === 'guid' && item) {
      const permalink = node.attributes.isPermaLink;
      item.guidIsPermalink = (typeof permalink === 'string' ? permalink : (permalink?.value ?? 'true')) !== 'false';
    }
  };
  parser.ontext = (chunk) => {
    text += chunk;
  };
  parser.oncdata = (chunk) => {
    text += chunk;
  };
  parser.onclosetag = () => {
    const name = path.pop()!;
    const value = name === 'content:encoded' || name === 'excerpt:encoded' ? text : text.trim();
    if (item) {
      const field = ITEM_FIELDS[name];
      if (name === 'item') {
        document.items.push(item);
        item = undefined;
      } else if (term && name === 'category') {
        term.name = value;
        item.terms.push(term);
        term = undefined;
      } else if (meta && name === 'wp:meta_key') meta.key = value;
      else if (meta && name === 'wp:meta_value') meta.value = value;
      else if (meta && name === 'wp:postmeta') {
        item.meta.set(meta.key, meta.value);
        meta = undefined;
      } else if (name === 'wp:comment' && path.at(-1) === 'item') item.comments += 1;
      else if (field && path.at(-1) === 'item') (item[field] as string) = value;
    } else if (author) {
      if (name === 'wp:author_login') author.login = value;
      else if (name === 'wp:author_display_name') author.name = value;
      else if (name === 'wp:author') {
        if (author.login) document.authors.set(author.login, author.name || author.login);
        author = undefined;
      }
    } else if (name === 'wp:base_blog_url') document.siteUrl = value;
    else if (name === 'link' && path.length === 2) channelLink = value;
    else if (name === 'title' && path.length === 2) document.siteName = value;
    else if (name === 'language' && path.length === 2) document.language = value;
    text = '';
  };
  parser.onerror = () => {
    // Well-formedness is checked before (findXmlError); what sax still objects to (an undeclared entity) is read past.
    parser.resume();
  };
  parser.write(xml).close();
  if (!document.siteUrl) document.siteUrl = channelLink;
  return document;
}
