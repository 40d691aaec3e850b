/**
 * WordPress shortcodes (`[gallery ids="1,2"]`, `[caption …]…[/caption]`,
 * `[embed]URL[/embed]`, `[youtube=URL]`), found with the grammar of
 * WordPress's own `get_shortcode_regex` and `shortcode_parse_atts`. A
 * doubled bracket (`[[gallery]]`) is WordPress's way of writing the
 * shortcode as text.
 */

export interface Shortcode {
  name: string;
  /** Named attributes (`ids="1,2"`), names in lower case. */
  attributes: Record<string, string>;
  /** Attributes without a name (`[audio URL]`), and the value after `=` in `[youtube=URL]`. */
  positional: string[];
  /** What stands between `[name]` and `[/name]`, when the shortcode encloses content. */
  content?: string;
  /** The shortcode's own tags as written: `[name …]`, and `[/name]` when it encloses content. */
  tags: { open: string; close?: string };
}

// Name, attributes (no `]`, no `/` before `]`), self-closing slash, then optionally content up to the matching close tag.
const SHORTCODE = /\[(\[?)([A-Za-z][\w-]*)(?![\w-])((?:[^\]/]|\/(?!\]))*)(\/)?\](?:(?<!\/\])([\s\S]*?)\[\/\2\])?(\]?)/g;
const ATTRIBUTE =
  /([\w-]+)\s*=\s*"([^"]*)"(?:\s|$)|([\w-]+)\s*=\s*'([^']*)'(?:\s|$)|([\w-]+)\s*=\s*([^\s'"]+)(?:\s|$)|"([^"]*)"(?:\s|$)|'([^']*)'(?:\s|$)|(\S+)(?:\s|$)/g;

/** `shortcode_parse_atts`: quoted, unquoted and nameless attributes; typographic quotes count as quotes. */
export function parseShortcodeAttributes(text: string): Pick<Shortcode, 'attributes' | 'positional'> {
  const attributes: Record<string, string> = {};
  const positional: string[] = [];
  const plain = text.replace(/[\u201C\u201D\u2033\u00AB\u00BB]/g, '"').replace(/[\u2018\u2019\u2032]/g, "'");
  const equals = /^\s*=\s*(\S+)/.exec(plain);
  if (equals) positional.push(equals[1]!);
  for (const match of plain.slice(equals ? equals[0].length : 0).matchAll(ATTRIBUTE)) {
    const name = match[1] ?? match[3] ?? match[5];
    if (name !== undefined) attributes[name.toLowerCase()] = match[2] ?? match[4] ?? match[6] ?? '';
    else positional.push(match[7] ?? match[8] ?? match[9] ?? '');
  }
  return { attributes, positional };
}

/**
 * Replaces every shortcode in `text` by what `render` returns for it
 * (`undefined`: keep the shortcode as written). Doubled brackets lose one
 * pair and are not rendered.
 */
export function replaceShortcodes(text: string, render: (shortcode: Shortcode) => string | undefined): string {
  return text.replace(
    SHORTCODE,
    (whole, open: string, name: string, attributeText: string, slash: string | undefined, content: string | undefined, close: string) => {
      if (open === '[' && close === ']') return whole.slice(1, -1);
      const shortcode: Shortcode = {
        name: name.toLowerCase(),
        ...parseShortcodeAttributes(attributeText),
        ...(content !== undefined ? { content } : {}),
        tags: { open: `[${name}${attributeText}${slash ?? ''}]`, ...(content !== undefined ? { close: `[/${name}]` } : {}) },
      };
      const rendered = render(shortcode);
      if (rendered === undefined) return whole;
      return `${open}${rendered}${close}`;
    },
  );
}
