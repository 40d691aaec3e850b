import type { Root } from 'mdast';
import { fromHtml } from 'hast-util-from-html';
import { toMdast } from 'hast-util-to-mdast';
import { visit } from 'unist-util-visit';

/**
 * Turns an HTML fragment (a feed item's content, raw HTML in Markdown) into
 * mdast: paragraphs, headings, lists, emphasis and links survive; scripts,
 * styles, frames and unknown tags do not, so no markup reaches the archive.
 */
export function htmlToMdast(html: string): Root {
  // As a document: text outside any block becomes a paragraph, so the tree is flow content wherever it is put.
  const converted = toMdast(fromHtml(html, { fragment: true }), { document: true });
  const tree: Root = converted.type === 'root' ? converted : { type: 'root', children: [converted as Root['children'][number]] };
  // Positions inside the fragment are not positions in the input file.
  visit(tree, (node) => {
    delete node.position;
  });
  return tree;
}

/** Whether a string is an HTML document body (closed block elements or line breaks) rather than plain text that mentions a tag. */
export function looksLikeHtml(text: string): boolean {
  return /<\/(?:p|div|h[1-6]|ul|ol|li|blockquote|table)>|<br\s*\/?>/i.test(text);
}
