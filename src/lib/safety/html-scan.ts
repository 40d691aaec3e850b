/**
 * A strict scanner for raw HTML in Markdown. It does not try to understand
 * HTML: it accepts well-formed comments and opening/closing tags from an
 * allow-list with allow-listed, properly quoted attributes, and reports
 * every other `<` construct. Anything it cannot read is a finding, so a
 * browser can never see markup that the scanner misread as harmless.
 */

/** A tag the scanner read, allowed or not: what pairing opening and closing tags needs. */
export interface HtmlTag {
  /** Lower-case name. */
  name: string;
  closing: boolean;
  /** Offset in the scanned text. */
  offset: number;
}

export interface HtmlScan {
  issues: HtmlIssue[];
  /** Every opening and closing tag read, in order. */
  tags: HtmlTag[];
}

export interface HtmlIssue {
  /** `tag`: a tag not allowed; `handler`: an `on*=` attribute; `attribute`: another attribute not allowed; `markup`: unreadable. */
  kind: 'tag' | 'handler' | 'attribute' | 'markup';
  /** Tag or attribute name, or the unreadable text. */
  name: string;
  /** Offset in the scanned text. */
  offset: number;
}

// HTML ends a comment at the first `-->` or `--!>`; `<!-->` and `<!--->` are complete comments.
const COMMENT = /<!--(?!-?>)((?:(?!--!?>)[\s\S])*?)-->/y;
const TAG = /<(\/?)([A-Za-z][A-Za-z0-9-]*)((?:\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'))?)*)\s*(\/?)>/y;
const ATTRIBUTE = /\s+([^\s"'<>/=]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'))?/g;
const LOOSE_NAME = /<\/?\s*([A-Za-z][A-Za-z0-9:-]*)/y;

export function scanHtml(html: string, tags: ReadonlySet<string>, attributes: ReadonlySet<string>): HtmlScan {
  const issues: HtmlIssue[] = [];
  const read: HtmlTag[] = [];
  let offset = html.indexOf('<');
  while (offset >= 0) {
    COMMENT.lastIndex = offset;
    TAG.lastIndex = offset;
    let next: number;
    if (COMMENT.exec(html)) {
      next = COMMENT.lastIndex;
    } else {
      const tag = TAG.exec(html);
      if (tag) {
        next = TAG.lastIndex;
        const name = tag[2]!.toLowerCase();
        // A closing tag carries nothing that runs; whether it closes what the article opened is for the pairing of tags (`unsafe-content.ts`).
        const closing = tag[1] === '/';
        read.push({ name, closing, offset });
        if (!closing && !tags.has(name)) issues.push({ kind: 'tag', name, offset });
        else if (!closing) {
          for (const attribute of tag[3]!.matchAll(ATTRIBUTE)) {
            const attr = attribute[1]!.toLowerCase();
            if (/^on/.test(attr)) issues.push({ kind: 'handler', name: attr, offset });
            else if (!attributes.has(attr)) issues.push({ kind: 'attribute', name: attr, offset });
          }
        }
      } else {
        LOOSE_NAME.lastIndex = offset;
        const loose = LOOSE_NAME.exec(html);
        const name = loose?.[1]?.toLowerCase();
        // An opening tag all the same, to a browser: its closing tag pairs with it rather than being reported too.
        if (name) read.push({ name, closing: html[offset + 1] === '/', offset });
        if (name && !tags.has(name)) issues.push({ kind: 'tag', name, offset });
        else issues.push({ kind: 'markup', name: html.slice(offset, offset + 40).split('\n')[0]!, offset });
        next = offset + 1;
      }
    }
    offset = html.indexOf('<', next);
  }
  return { issues, tags: read };
}
