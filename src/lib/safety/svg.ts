import { placeAt, type Place } from '../problems.ts';
import { unsafeScheme } from './url-policy.ts';
import { readXml, XML_NAMESPACE, XMLNS_NAMESPACE, type XmlAttribute, type XmlElement } from './xml-tokens.ts';

/**
 * What an SVG served from the site's origin may hold. Opened directly (by a
 * link or by typing its address), an SVG is a document of the site: a script
 * in it runs with the site's rights and could, for one, rewrite the caches
 * of the service worker; the page's `<meta>` Content Security Policy does not
 * cover it. So an SVG may hold drawing only: no script element, no event
 * handler attribute, no `javascript:` address, no reference to another
 * origin (`href`, `src`, CSS `url()` and `@import`), no `<foreignObject>` or
 * element of another namespace (XHTML, MathML), no `<!DOCTYPE>`/`<!ENTITY>`,
 * no processing instruction (an XSLT style sheet turns XML into a page).
 * References inside the file (`#id`), relative paths on the site and
 * `data:` images stay allowed. Editor metadata (Inkscape, Sodipodi, RDF,
 * Creative Commons, Dublin Core, Sketch, Illustrator) is inert and allowed.
 */

export interface SvgFinding {
  place: Place;
  rule: string;
  message: string;
  fix: string;
}

export const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';

const INERT_NAMESPACES = new Set([
  '',
  'http://www.inkscape.org/namespaces/inkscape',
  'http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd',
  'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  'http://creativecommons.org/ns#',
  'http://web.resource.org/cc/',
  'http://purl.org/dc/elements/1.1/',
  'http://purl.org/dc/terms/',
  'http://www.bohemiancoding.com/sketch/ns',
]);
const INERT_NAMESPACE_PREFIX = 'http://ns.adobe.com/';

// Compared in lower case: XML names are case-sensitive, but no spelling of these belongs in a picture.
const SCRIPT_ELEMENTS = new Set(['script', 'handler', 'listener']);
const EMBEDDING_ELEMENTS = new Set(['foreignobject', 'iframe', 'frame', 'frameset', 'embed', 'object', 'applet', 'portal', 'fencedframe']);
const ANIMATION_ELEMENTS = new Set(['set', 'animate', 'animatemotion', 'animatetransform', 'animatecolor']);
const DATA_IMAGE = /^data:image\/(?:png|jpeg|gif|webp|avif)[;,]/;
const SCRIPT_SCHEME = /(?:java|vb)script:/;
const CSS_COMMENT = /\/\*[\s\S]*?\*\//g;
const CSS_URL = /\burl\(\s*(?:"([^"]*)"|'([^']*)'|([^)"'\s]*))\s*\)?/gi;
const CSS_STRING = /"([^"]*)"|'([^']*)'/g;
const CSS_IMPORT = /@import\b/gi;
const CSS_IMPORT_RULE = /@import\b[^;]*;?/gi;

const FIX = {
  script:
    'Приберіть скрипт: зображення на сайті не містять коду. SVG з редактора збережіть як «простий SVG» (Plain SVG) або очистіть оптимізатором SVGO.',
  handler: 'Приберіть атрибут обробника подій: зображення на сайті не містять коду.',
  external:
    'Вбудуйте ресурс у сам SVG (data:image/…) або покладіть його в public/ і дайте відносний шлях; з SVG не можна посилатися на інші сайти.',
  foreign: 'Приберіть елемент: у SVG дозволені лише елементи SVG і метадані редакторів. Збережіть файл як «простий SVG» (Plain SVG).',
  doctype: 'Приберіть <!DOCTYPE …> з усіма <!ENTITY …>: браузерам він не потрібен, а сутності підміняють вміст файлу.',
  instruction: 'Приберіть інструкцію <?…?>: таблиця стилів XSLT може перетворити SVG на сторінку зі скриптами.',
  malformed: 'Відкрийте файл у редакторі SVG і збережіть його знову: браузер не покаже файл, що не читається як XML.',
  encoding: 'Збережіть файл у кодуванні UTF-8.',
  escape: 'Запишіть CSS без екранування \\: ним ховають адреси й ключові слова.',
} as const;

/** `text` without the characters browsers drop from addresses (controls, spaces), in lower case. */
function squeeze(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is removed
  return text.replace(/[\u0000-\u0020\u007F-\u009F]/g, '').toLowerCase();
}

function blank(text: string): string {
  return ' '.repeat(text.length);
}

type Verdict = 'local' | 'script' | 'external';

/** Whether an address in an SVG stays on the site (`#id`, a relative path, a `data:` image), runs code, or leaves the site. */
export function svgReference(address: string): Verdict {
  const squeezed = squeeze(address);
  const scheme = unsafeScheme(address);
  if (scheme === 'javascript' || scheme === 'vbscript') return 'script';
  if (scheme === 'data') return DATA_IMAGE.test(squeezed) ? 'local' : 'external';
  if (scheme || /^[a-z][a-z0-9+.-]*:/.test(squeezed)) return 'external';
  // `//host/…` and, for browsers, `\\host\…` and `/\host` name another origin.
  return /^[/\\]{2}/.test(squeezed) ? 'external' : 'local';
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
}

/** Every finding in one SVG file. `bytes` are the file as stored: anything but UTF-8 is a finding. */
export function inspectSvg(bytes: Uint8Array): { text: string; findings: SvgFinding[] } {
  const findings: SvgFinding[] = [];
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const place = { line: 1, column: 1 };
    return { text: '', findings: [{ place, rule: 'svg-encoding', message: 'SVG збережено не в кодуванні UTF-8', fix: FIX.encoding }] };
  }
  const add = (offset: number, rule: string, message: string, fix: string) =>
    findings.push({ place: placeAt(text, offset), rule, message, fix });

  /**
   * CSS of a `style` attribute, a `<style>` element or a presentation
   * attribute (`fill="url(#g)"`); `at` maps an index in `css` to an offset in
   * the file. Returns how many findings it added.
   */
  function inspectCss(css: string, at: (index: number) => number, where: string): number {
    const before = findings.length;
    let plain = css.replace(CSS_COMMENT, (comment) => ' '.repeat(comment.length));
    // An escape can spell `url(` or an address so that no pattern sees it (`u\72l(`).
    const escape = plain.indexOf('\\');
    if (escape >= 0) add(at(escape), 'svg-css-escape', `Екранування \\ у CSS ${where} заборонене`, FIX.escape);
    for (const match of plain.matchAll(CSS_IMPORT)) {
      add(at(match.index), 'svg-external-reference', `@import у CSS ${where} завантажує чужі стилі`, FIX.external);
    }
    for (const match of plain.matchAll(CSS_URL)) {
      const address = match[1] ?? match[2] ?? match[3] ?? '';
      const verdict = svgReference(address);
      if (verdict === 'script')
        add(at(match.index), 'svg-script', `Адреса «${shorten(address)}» у CSS ${where} запускала б код`, FIX.script);
      if (verdict === 'external')
        add(
          at(match.index),
          'svg-external-reference',
          `CSS ${where} завантажує ресурс з іншого сайту: «${shorten(address)}»`,
          FIX.external,
        );
    }
    // Strings outside url() and @import: `image-set("https://…")` loads them too.
    plain = plain.replace(CSS_URL, blank).replace(CSS_IMPORT_RULE, blank);
    for (const match of plain.matchAll(CSS_STRING)) {
      const address = match[1] ?? match[2] ?? '';
      if (svgReference(address) !== 'local')
        add(at(match.index), 'svg-external-reference', `CSS ${where} називає адресу поза сайтом: «${shorten(address)}»`, FIX.external);
    }
    return findings.length - before;
  }

  function inspectAttribute(element: XmlElement, attribute: XmlAttribute): void {
    if (attribute.namespace === XMLNS_NAMESPACE) return; // a namespace name, never fetched
    const where = `<${element.name}>`;
    const { name, value, offset } = attribute;
    if (/^on/i.test(attribute.local)) {
      add(offset, 'svg-script', `Атрибут ${name}= у ${where} запускав би код`, FIX.handler);
      return;
    }
    if (attribute.local === 'href' || attribute.local === 'src' || (attribute.namespace === XML_NAMESPACE && attribute.local === 'base')) {
      const verdict = svgReference(value);
      if (verdict === 'script')
        add(offset, 'svg-script', `Адреса «${shorten(value)}» в атрибуті ${name} у ${where} запускала б код`, FIX.script);
      if (verdict === 'external')
        add(offset, 'svg-external-reference', `Атрибут ${name} у ${where} посилається за межі сайту: «${shorten(value)}»`, FIX.external);
      return;
    }
    if (attribute.local === 'attributeName' && ANIMATION_ELEMENTS.has(element.local.toLowerCase())) {
      const target = value.trim().replace(/^[^:]*:/, '');
      if (target === 'href' || /^on/i.test(target)) {
        add(
          offset,
          'svg-script',
          `Анімація ${where} підміняє атрибут ${value.trim()}: так підставляють адресу чи обробник з кодом`,
          FIX.script,
        );
        return;
      }
    }
    let found = 0;
    // Attributes without a namespace are SVG's own, and SVG reads presentation attributes as CSS.
    if (attribute.local === 'style' || (attribute.namespace === '' && /url\(|\\/i.test(value))) {
      found = inspectCss(value, () => offset, `в атрибуті ${name} у ${where}`);
    }
    if (found === 0 && SCRIPT_SCHEME.test(squeeze(value)))
      add(offset, 'svg-script', `Значення атрибута ${name} у ${where} містить адресу, що запускає код`, FIX.script);
  }

  function inspectElement(element: XmlElement): void {
    const local = element.local.toLowerCase();
    if (SCRIPT_ELEMENTS.has(local)) {
      add(
        element.offset,
        'svg-script',
        `Елемент <${element.name}> запускав би код на домені сайту, щойно SVG відкриють напряму`,
        FIX.script,
      );
    } else if (EMBEDDING_ELEMENTS.has(local)) {
      add(element.offset, 'svg-foreign-content', `Елемент <${element.name}> вбудовує в SVG сторінку чи програму`, FIX.foreign);
    } else if (
      element.namespace !== SVG_NAMESPACE &&
      !INERT_NAMESPACES.has(element.namespace) &&
      !element.namespace.startsWith(INERT_NAMESPACE_PREFIX)
    ) {
      add(
        element.offset,
        'svg-foreign-content',
        `Елемент <${element.name}> з простору імен ${element.namespace} не належить до SVG`,
        FIX.foreign,
      );
    }
    for (const attribute of element.attributes) inspectAttribute(element, attribute);
  }

  const reading = readXml(text);
  for (const token of reading.tokens) {
    if (token.kind === 'element') inspectElement(token);
    else if (token.kind === 'doctype') add(token.offset, 'svg-doctype', 'Оголошення <!DOCTYPE> чи <!ENTITY> у SVG заборонене', FIX.doctype);
    else if (token.kind === 'instruction' && token.target !== 'xml') {
      add(token.offset, 'svg-processing-instruction', `Інструкція <?${token.target} …?> у SVG заборонена`, FIX.instruction);
    } else if (token.kind === 'instruction') {
      const encoding = /\bencoding\s*=\s*["']([^"']*)["']/.exec(token.data)?.[1];
      if (encoding !== undefined && !/^utf-?8$/i.test(encoding))
        add(
          token.offset,
          'svg-encoding',
          `SVG оголошує кодування «${encoding}»`,
          `${FIX.encoding} В оголошенні напишіть encoding="UTF-8" або приберіть його.`,
        );
    } else if (token.kind === 'text' && token.parent.local.toLowerCase() === 'style') {
      const found = inspectCss(token.value, (index) => (token.verbatim ? token.offset + index : token.offset), 'у <style>');
      if (found === 0 && SCRIPT_SCHEME.test(squeeze(token.value)))
        add(token.offset, 'svg-script', 'CSS у <style> містить адресу, що запускає код', FIX.script);
    }
  }
  if (reading.error) add(reading.error.offset, 'svg-malformed', `SVG не читається як XML: ${reading.error.reason}`, FIX.malformed);
  return { text, findings };
}
