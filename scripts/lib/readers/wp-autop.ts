/**
 * WordPress's `wpautop`, the part of it that decides structure: the editor
 * stores paragraphs as text separated by blank lines, without `<p>`, and a
 * single line break inside a paragraph as a bare newline. This gives each
 * such paragraph its `<p>` and each such line break its `<br>`, leaving
 * block elements (headings, lists, tables, quotes, figures) and the inside of
 * `<pre>` as they are. The HTML parser repairs any nesting this leaves odd.
 */

const BLOCK =
  'table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary|iframe|script|video|audio|object|embed';

const OPEN_BLOCK = new RegExp(`(<(?:${BLOCK})[\\s/>])`, 'gi');
const CLOSE_BLOCK = new RegExp(`(</(?:${BLOCK})>)`, 'gi');
const BLOCK_TAG = `</?(?:${BLOCK})(?:[\\s/][^>]*)?>`;
const BLOCK_ALONE = new RegExp(`<p>\\s*(${BLOCK_TAG})\\s*</p>`, 'gi');
const P_BEFORE_BLOCK = new RegExp(`<p>\\s*(${BLOCK_TAG})`, 'gi');
const P_AFTER_BLOCK = new RegExp(`(${BLOCK_TAG})\\s*</p>`, 'gi');
const BR_AFTER_BLOCK = new RegExp(`(${BLOCK_TAG})\\s*<br />`, 'gi');
const BR_BEFORE_BLOCK = /<br \/>(\s*<\/?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[\s>])/gi;

/** Replaces each `<pre>…</pre>` by a marker, so that nothing below touches its line breaks. */
function protectPre(html: string): { html: string; restore: (text: string) => string } {
  const kept: string[] = [];
  const protectedHtml = html.replace(/<pre[\s>][\s\S]*?<\/pre>/gi, (pre) => {
    kept.push(pre);
    return `\n\n\uE000pre${kept.length - 1}\uE000\n\n`;
  });
  return { html: protectedHtml, restore: (text) => text.replace(/\uE000pre(\d+)\uE000/g, (_, n: string) => kept[Number(n)]!) };
}

/** Bare newlines inside tags (between attributes) are not line breaks of the text. */
function joinTagLines(html: string): string {
  return html.replace(/<[^<>]*>/g, (tag) => tag.replace(/\s*\n\s*/g, ' '));
}

/** The content with its paragraphs in `<p>` and its line breaks as `<br />`, as WordPress shows it. */
export function wpautop(content: string): string {
  if (content.trim() === '') return '';
  const { html, restore } = protectPre(content.replace(/\r\n?/g, '\n'));
  const spaced = joinTagLines(html)
    .replace(/<br\s*\/?>\s*<br\s*\/?>/gi, '\n\n')
    .replace(OPEN_BLOCK, '\n\n$1')
    .replace(CLOSE_BLOCK, '$1\n\n');
  const wrapped = spaced
    .split(/\n\s*\n/)
    .map((piece) => piece.trim())
    .filter(Boolean)
    .map((piece) => (/^\uE000pre\d+\uE000$/.test(piece) ? piece : `<p>${piece}</p>`))
    .join('\n')
    .replace(BLOCK_ALONE, '$1')
    .replace(/<p>(<li[\s\S]+?)<\/p>/gi, '$1')
    .replace(/<p><blockquote([^>]*)>/gi, '<blockquote$1><p>')
    .replace(/<\/blockquote><\/p>/gi, '</p></blockquote>')
    .replace(P_BEFORE_BLOCK, '$1')
    .replace(P_AFTER_BLOCK, '$1')
    .replace(/<p>\s*<\/p>/g, '')
    .replace(/(<br \/>)?\s*\n(?!<\/?p>|$)/g, (match, br: string | undefined) => (br ? match : '<br />\n'))
    .replace(BR_AFTER_BLOCK, '$1')
    .replace(BR_BEFORE_BLOCK, '$1');
  return restore(wrapped);
}
