import type { Paragraph, Parents, PhrasingContent, Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { resolveEmbed } from '#lib/safety/embed-providers.ts';
import { htmlToMdast } from './html-to-mdast.ts';
import { wpautop } from './wp-autop.ts';
import { replaceShortcodes, type Shortcode } from './wp-shortcodes.ts';

/**
 * The body of a WordPress post (`content:encoded`) as mdast: block-editor
 * comments dropped, paragraphs and line breaks as WordPress shows them
 * (wpautop), images standing alone, `[caption]` and `<figure>` as
 * `<Figure>`, `[gallery]` as one `<Figure>` per image, embeds of known
 * providers (`[embed]`, `[youtube]`, a provider's address on its own line)
 * as `<Embed>`. Unknown shortcodes stay as written and are reported.
 */

/** An image of the export's media library (an attachment item). */
export interface WpImage {
  src: string;
  alt: string;
  caption?: string;
}

export interface WpBodyContext {
  /** The blog's address: addresses of images written without a host are resolved against it. */
  siteUrl: string;
  /** Attachments by post id, for `[gallery ids=…]`. */
  attachment: (id: string) => WpImage | undefined;
  /** The post's own attachments, for a `[gallery]` without `ids`. */
  ownImages: () => WpImage[];
}

// A placeholder for what a shortcode or figure becomes: private-use characters, which neither wpautop nor the HTML parser touch.
const MARK = '\uE002';
const PLACEHOLDER = new RegExp(`${MARK}(\\d+)${MARK}`, 'g');
const LONE_PLACEHOLDER = new RegExp(`^\\s*${MARK}(\\d+)${MARK}\\s*$`);

interface Replacement {
  /** Where the placeholder is a paragraph of its own. */
  block: RootContent[];
  /** Inside a paragraph, list item text, heading or table cell. */
  inline: PhrasingContent[];
}

function attribute(name: string, value: string) {
  return { type: 'mdxJsxAttribute' as const, name, value };
}

function figureElement(image: WpImage): MdxJsxFlowElement {
  return {
    type: 'mdxJsxFlowElement',
    name: 'Figure',
    attributes: [attribute('src', image.src), attribute('alt', image.alt), ...(image.caption ? [attribute('caption', image.caption)] : [])],
    children: [],
  };
}

const EMBED_TITLES: Readonly<Record<string, string>> = { youtube: 'Відео', vimeo: 'Відео', telegram: 'Допис', facebook: 'Допис' };

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** An absolute `http(s):` address for an image, resolved against the blog's address; `undefined` when it has another scheme (left to the sanitiser, which reports it). */
export function wpImageAddress(src: string, siteUrl: string): string | undefined {
  try {
    const url = new URL(src.trim(), siteUrl || undefined);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export function convertWpBody(content: string, context: WpBodyContext): { body: Root; notes: string[] } {
  const notes = new Set<string>();
  const replacements: Replacement[] = [];
  const place = (replacement: Replacement) => {
    replacements.push(replacement);
    return `\n\n${MARK}${replacements.length - 1}${MARK}\n\n`;
  };

  const imageAddress = (src: string) => wpImageAddress(src, context.siteUrl);

  const figures = (images: WpImage[]): Replacement => ({
    block: images.map(figureElement),
    inline: images.map((image) => ({ type: 'image', url: image.src, alt: image.alt })),
  });

  /** The one image of an HTML fragment and the rest of its text as the caption; `undefined` when there is not exactly one image. */
  const figureOf = (html: string, caption?: string): WpImage | undefined => {
    const tree = htmlToMdast(html);
    const images: Array<{ url: string; alt: string }> = [];
    visit(tree, 'image', (node) => {
      images.push({ url: node.url, alt: node.alt ?? '' });
    });
    const src = images.length === 1 ? imageAddress(images[0]!.url) : undefined;
    if (!src) return undefined;
    const text = oneLine(caption ?? toString(tree, { includeImageAlt: false }));
    return { src, alt: oneLine(images[0]!.alt) || text, ...(text ? { caption: text } : {}) };
  };

  const embed = (url: string): Replacement | undefined => {
    const resolved = resolveEmbed(url.trim());
    if (resolved) {
      const title = EMBED_TITLES[resolved.provider.id] ?? 'Допис';
      const element: MdxJsxFlowElement = {
        type: 'mdxJsxFlowElement',
        name: 'Embed',
        attributes: [attribute('url', url.trim()), attribute('title', title)],
        children: [],
      };
      return { block: [element], inline: [{ type: 'link', url: url.trim(), children: [{ type: 'text', value: url.trim() }] }] };
    }
    return undefined;
  };

  const linkTo = (url: string, why: string): Replacement => {
    notes.add(why);
    const link: PhrasingContent = { type: 'link', url: url.trim(), children: [{ type: 'text', value: url.trim() }] };
    return { block: [{ type: 'paragraph', children: [link] }], inline: [link] };
  };

  const gallery = (shortcode: Shortcode): Replacement => {
    const ids = (shortcode.attributes.ids ?? shortcode.attributes.include ?? '')
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean);
    const found: WpImage[] = [];
    for (const id of ids) {
      const image = context.attachment(id);
      if (image) found.push(image);
      else notes.add(`галерея: вкладення ${id} немає в експорті, це зображення пропущено`);
    }
    const images = ids.length > 0 ? found : context.ownImages();
    if (images.length === 0) notes.add('галерея без зображень: у експорті немає вкладень цього допису');
    return figures(
      images.flatMap((image) => {
        const src = imageAddress(image.src);
        return src ? [{ ...image, src }] : [];
      }),
    );
  };

  const render = (shortcode: Shortcode): string | undefined => {
    switch (shortcode.name) {
      case 'caption':
      case 'wp_caption': {
        const image = figureOf(shortcode.content ?? '', shortcode.attributes.caption);
        if (image) return place(figures([image]));
        notes.add(`[${shortcode.name}] без одного зображення: лишено його вміст`);
        return shortcode.content ?? '';
      }
      case 'gallery':
        return place(gallery(shortcode));
      case 'embed':
      case 'youtube':
      case 'vimeo': {
        const url = (shortcode.content ?? shortcode.positional[0] ?? shortcode.attributes.url ?? '').trim();
        if (!url) break;
        const address = shortcode.name === 'vimeo' && /^\d+$/.test(url) ? `https://vimeo.com/${url}` : url;
        return place(
          embed(address) ?? linkTo(address, `[${shortcode.name}] «${address.slice(0, 80)}» не вбудовується в архіві: записано посиланням`),
        );
      }
    }
    notes.add(`шорткод [${shortcode.name}] не має відповідника в архіві: лишено текстом`);
    if (shortcode.content === undefined) return undefined;
    return `${shortcode.tags.open}${replaceShortcodes(shortcode.content, render)}${shortcode.tags.close}`;
  };

  const html = replaceShortcodes(
    content
      // Block-editor delimiters and the editor's own markers are markup, not text.
      .replace(/<!--\s*\/?wp:[\s\S]*?-->/g, '')
      .replace(/<!--\s*(?:more|nextpage|noteaser)\b[\s\S]*?-->/g, ''),
    render,
  )
    // WordPress embeds a provider's address that stands on a line of its own.
    .replace(/^[ \t]*(https?:\/\/[^\s<>"]+)[ \t]*$/gm, (_, url: string) =>
      place(embed(url) ?? linkTo(url, `адреса «${url.slice(0, 80)}» окремим рядком не вбудовується в архіві: записано посиланням`)),
    )
    // An embedded player: a known provider's is an `<Embed>`, any other a link to what it showed.
    .replace(/<iframe\b[^>]*?\ssrc\s*=\s*(["'])([^"']+)\1[^>]*>[\s\S]*?<\/iframe>/gi, (_, _quote, src: string) =>
      place(embed(src) ?? linkTo(src, `вбудований фрейм «${src.slice(0, 80)}» не вбудовується в архіві: записано посиланням`)),
    )
    // Innermost figures first: a gallery block holds a figure per image.
    .replace(/<figure\b[^>]*>((?:(?!<figure\b)[\s\S])*?)<\/figure>/gi, (whole, inner: string) => {
      const image = figureOf(inner.replace(/<figcaption\b[^>]*>/gi, ' <figcaption>'));
      return image ? place(figures([image])) : whole;
    });

  const dropped = new Set([...html.matchAll(/<(script|style|iframe|object|embed|form)\b/gi)].map((match) => match[1]!.toLowerCase()));
  for (const tag of dropped) notes.add(`<${tag}> вилучено: у статтях архіву не буває коду й вбудованих сторінок`);
  const body = htmlToMdast(wpautop(html));
  standaloneImagesAsFigures(body, (src) => imageAddress(src));
  restorePlaceholders(body, replacements);
  listsOfFiguresAsFigures(body);
  return { body, notes: [...notes] };
}

/** A list whose every item is figures alone (a gallery block) is those figures. */
function listsOfFiguresAsFigures(tree: Root): void {
  visit(tree, 'list', (node, index, parent) => {
    if (!parent || index === undefined) return undefined;
    const items = node.children.map((item) => item.children);
    if (!items.every((children) => children.length > 0 && children.every((child) => child.type === 'mdxJsxFlowElement'))) return undefined;
    const figures = items.flat();
    (parent.children as RootContent[]).splice(index, 1, ...figures);
    return index + figures.length;
  });
}

/** A paragraph that holds only images (each perhaps inside a link) and white space becomes one `<Figure>` per image. */
function standaloneImagesAsFigures(tree: Root, address: (src: string) => string | undefined): void {
  visit(tree, 'paragraph', (node, index, parent) => {
    if (!parent || index === undefined) return undefined;
    const images: WpImage[] = [];
    const alone = node.children.every((child) => {
      const inner = child.type === 'link' && child.children.length === 1 ? child.children[0]! : child;
      if (inner.type === 'image') {
        const src = address(inner.url);
        if (src) images.push({ src, alt: oneLine(inner.alt ?? '') });
        return src !== undefined;
      }
      return (inner.type === 'text' && inner.value.trim() === '') || inner.type === 'break';
    });
    if (!alone || images.length === 0) {
      // Images among text keep their place, with the address made absolute.
      visit(node, 'image', (image) => {
        image.url = address(image.url) ?? image.url;
      });
      return undefined;
    }
    (parent.children as RootContent[]).splice(index, 1, ...images.map(figureElement));
    return index + images.length;
  });
}

function restorePlaceholders(tree: Root, replacements: readonly Replacement[]): void {
  if (replacements.length === 0) return;
  visit(tree, 'paragraph', (node: Paragraph, index, parent: Parents | undefined) => {
    if (!parent || index === undefined) return undefined;
    const lone = LONE_PLACEHOLDER.exec(toString(node));
    if (!lone || !node.children.every((child) => child.type === 'text')) return undefined;
    const block = replacements[Number(lone[1])]!.block;
    (parent.children as RootContent[]).splice(index, 1, ...block);
    return index + block.length;
  });
  // A placeholder that shares its paragraph, heading or cell with text: what it stands for, inline.
  visit(tree, 'text', (node, index, parent) => {
    if (!parent || index === undefined || !node.value.includes(MARK)) return undefined;
    const pieces: PhrasingContent[] = [];
    let last = 0;
    for (const match of node.value.matchAll(PLACEHOLDER)) {
      if (match.index > last) pieces.push({ type: 'text', value: node.value.slice(last, match.index) });
      pieces.push(...replacements[Number(match[1])]!.inline);
      last = match.index + match[0].length;
    }
    if (last < node.value.length) pieces.push({ type: 'text', value: node.value.slice(last) });
    (parent.children as PhrasingContent[]).splice(index, 1, ...pieces);
    return index + pieces.length;
  });
}
