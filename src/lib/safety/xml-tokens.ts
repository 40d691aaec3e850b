/**
 * A strict reader of the XML the site serves from its own origin (SVG). It
 * accepts only well-formed XML with namespaces and stops at the first thing
 * it cannot read, so whatever it accepts a browser's XML parser reads into
 * the same elements and attributes; a file a browser cannot parse shows an
 * error page and runs nothing. A document type declaration (`<!DOCTYPE`,
 * and with it `<!ENTITY`) ends the reading: entities could rewrite what
 * follows, so the caller rejects the file instead.
 *
 * Written by hand rather than with an XML library because the rules need
 * the place of every element and attribute, and because the build must not
 * depend on a parser that accepts malformed input.
 */

export interface XmlAttribute {
  /** Qualified name as written: `xlink:href`. */
  name: string;
  /** Name without the prefix: `href`. */
  local: string;
  /** Namespace URI; `''` for an attribute without a prefix. */
  namespace: string;
  /** Value with character references decoded. */
  value: string;
  /** Offset of the name in the text. */
  offset: number;
}

export interface XmlElement {
  kind: 'element';
  name: string;
  local: string;
  namespace: string;
  attributes: XmlAttribute[];
  /** Offset of `<`. */
  offset: number;
}

export interface XmlText {
  kind: 'text';
  /** Text with references decoded (CDATA as written). */
  value: string;
  /** Offset where the text starts. */
  offset: number;
  /** Whether `value` is the text exactly as written, so offsets inside it are offsets in the file. */
  verbatim: boolean;
  parent: XmlElement;
}

export interface XmlInstruction {
  kind: 'instruction';
  /** `xml` for the XML declaration, `xml-stylesheet`… */
  target: string;
  data: string;
  offset: number;
}

export interface XmlDoctype {
  kind: 'doctype';
  offset: number;
}

export type XmlToken = XmlElement | XmlText | XmlInstruction | XmlDoctype;

export interface XmlReading {
  /** Everything read, in document order, up to an error or a document type declaration. */
  tokens: XmlToken[];
  /** The first thing that is not well-formed XML, in Ukrainian. */
  error?: { offset: number; reason: string };
}

export const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';
export const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';

const NC_NAME = '[A-Za-z_\\u00C0-\\uFFFF][\\w.\\-\\u00B7\\u00C0-\\uFFFF]*';
const QNAME = new RegExp(`${NC_NAME}(?::${NC_NAME})?`, 'y');
const SPACE = /[ \t\r\n]+/y;
const REFERENCE = /&(?:(lt|gt|amp|quot|apos)|#([0-9]+)|#x([0-9a-fA-F]+));/y;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
// Characters XML forbids anywhere in a document (a browser refuses the whole file).
// eslint-disable-next-line no-control-regex -- control characters are what is looked for
const FORBIDDEN_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

class XmlError extends Error {
  readonly offset: number;
  constructor(offset: number, reason: string) {
    super(reason);
    this.offset = offset;
  }
}

function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

/** `raw` with its references decoded; any `&` that does not start one of XML's own references is an error. */
function decode(raw: string, offset: number): string {
  if (!raw.includes('&')) return raw;
  let out = '';
  let from = 0;
  for (let at = raw.indexOf('&'); at >= 0; at = raw.indexOf('&', from)) {
    REFERENCE.lastIndex = at;
    const match = REFERENCE.exec(raw);
    if (!match)
      throw new XmlError(
        offset + at,
        'знак & не починає посилання на символ (&amp;, &lt;, &#…;): інші сутності XML без DOCTYPE не існують',
      );
    const code = match[1] ? -1 : match[2] ? Number(match[2]) : parseInt(match[3]!, 16);
    if (code !== -1 && !isXmlChar(code)) throw new XmlError(offset + at, `посилання ${match[0]} називає символ, якого не буває в XML`);
    out += raw.slice(from, at) + (match[1] ? NAMED[match[1]] : String.fromCodePoint(code));
    from = REFERENCE.lastIndex;
  }
  return out + raw.slice(from);
}

interface Scope {
  element: XmlElement;
  prefixes: Map<string, string>;
}

/** Reads `text` (already decoded from UTF-8) token by token; see the module comment. */
export function readXml(text: string): XmlReading {
  const tokens: XmlToken[] = [];
  const stack: Scope[] = [];
  let rootClosed = false;
  const start = text.startsWith('\uFEFF') ? 1 : 0;
  let i = start;

  const expect = (pattern: RegExp, reason: string): string => {
    pattern.lastIndex = i;
    const match = pattern.exec(text);
    if (!match) throw new XmlError(i, reason);
    i = pattern.lastIndex;
    return match[0];
  };
  const skipSpace = (): boolean => {
    SPACE.lastIndex = i;
    if (!SPACE.exec(text)) return false;
    i = SPACE.lastIndex;
    return true;
  };
  const closeAfter = (close: string, from: number, what: string): number => {
    const at = text.indexOf(close, from);
    if (at < 0) throw new XmlError(from, `${what} не закрито`);
    return at;
  };
  const resolve = (
    prefixes: Map<string, string>,
    name: string,
    offset: number,
    isAttribute: boolean,
  ): { local: string; namespace: string } => {
    const colon = name.indexOf(':');
    if (colon < 0) return { local: name, namespace: isAttribute ? '' : (prefixes.get('') ?? '') };
    const prefix = name.slice(0, colon);
    const namespace = prefixes.get(prefix);
    if (namespace === undefined) throw new XmlError(offset, `префікс простору імен «${prefix}» не оголошено (xmlns:${prefix}="…")`);
    return { local: name.slice(colon + 1), namespace };
  };

  function startTag(): void {
    const offset = i;
    i += 1;
    if (rootClosed) throw new XmlError(offset, 'другий кореневий елемент: у документі XML він лише один');
    const name = expect(QNAME, 'після < має йти назва елемента');
    const raw: Array<{ name: string; value: string; offset: number }> = [];
    let selfClosing = false;
    for (;;) {
      const spaced = skipSpace();
      if (text.startsWith('/>', i)) {
        selfClosing = true;
        i += 2;
        break;
      }
      if (text[i] === '>') {
        i += 1;
        break;
      }
      if (!spaced) throw new XmlError(i, `у тезі <${name}> очікувано пробіл, > або />`);
      const at = i;
      const attribute = expect(QNAME, `у тезі <${name}> очікувано назву атрибута`);
      skipSpace();
      expect(/=/y, `після атрибута ${attribute} очікувано =`);
      skipSpace();
      const quote = text[i];
      if (quote !== '"' && quote !== "'") throw new XmlError(i, `значення атрибута ${attribute} має бути в лапках`);
      const end = closeAfter(quote, i + 1, `значення атрибута ${attribute}`);
      const value = text.slice(i + 1, end);
      if (value.includes('<')) throw new XmlError(i + 1 + value.indexOf('<'), `знак < у значенні атрибута ${attribute} заборонений у XML`);
      if (raw.some((other) => other.name === attribute)) throw new XmlError(at, `атрибут ${attribute} повторено`);
      raw.push({ name: attribute, value: decode(value, i + 1), offset: at });
      i = end + 1;
    }
    const prefixes = new Map(stack.at(-1)?.prefixes ?? [['xml', XML_NAMESPACE]]);
    for (const attribute of raw) {
      if (attribute.name === 'xmlns') prefixes.set('', attribute.value);
      else if (attribute.name.startsWith('xmlns:')) {
        if (attribute.value === '') throw new XmlError(attribute.offset, `простір імен ${attribute.name} не може бути порожнім`);
        prefixes.set(attribute.name.slice('xmlns:'.length), attribute.value);
      }
    }
    const attributes = raw.map((attribute) => {
      const named =
        attribute.name === 'xmlns' || attribute.name.startsWith('xmlns:')
          ? { local: attribute.name.replace(/^xmlns:?/, ''), namespace: XMLNS_NAMESPACE }
          : resolve(prefixes, attribute.name, attribute.offset, true);
      return { ...attribute, ...named };
    });
    const element: XmlElement = { kind: 'element', name, ...resolve(prefixes, name, offset, false), attributes, offset };
    tokens.push(element);
    if (selfClosing) rootClosed = stack.length === 0;
    else stack.push({ element, prefixes });
  }

  function endTag(): void {
    const offset = i;
    i += 2;
    const name = expect(QNAME, 'після </ має йти назва елемента');
    skipSpace();
    expect(/>/y, `тег </${name} не закрито знаком >`);
    const open = stack.pop();
    if (!open) throw new XmlError(offset, `закривальний тег </${name}> без відкривального`);
    if (open.element.name !== name) throw new XmlError(offset, `тег </${name}> закриває <${open.element.name}>`);
    rootClosed = stack.length === 0;
  }

  try {
    const forbidden = FORBIDDEN_CHARACTER.exec(text);
    if (forbidden)
      throw new XmlError(
        forbidden.index,
        `керувальний символ U+${forbidden[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} заборонений у XML`,
      );
    while (i < text.length) {
      const lt = text.indexOf('<', i);
      const end = lt < 0 ? text.length : lt;
      if (end > i) {
        const raw = text.slice(i, end);
        const parent = stack.at(-1)?.element;
        if (!parent) {
          if (raw.trim() !== '') throw new XmlError(i + raw.search(/\S/), 'текст поза кореневим елементом');
        } else {
          if (raw.includes(']]>')) throw new XmlError(i + raw.indexOf(']]>'), 'послідовність ]]> у тексті заборонена в XML');
          const value = decode(raw, i);
          tokens.push({ kind: 'text', value, offset: i, verbatim: value === raw, parent });
        }
      }
      if (lt < 0) break;
      i = lt;
      if (text.startsWith('<!--', i)) {
        const close = closeAfter('-->', i + 4, 'коментар');
        if (text.slice(i + 4, close).includes('--')) throw new XmlError(i, 'у коментарі XML не може бути «--»');
        i = close + 3;
      } else if (text.startsWith('<![CDATA[', i)) {
        const parent = stack.at(-1)?.element;
        if (!parent) throw new XmlError(i, 'CDATA поза кореневим елементом');
        const close = closeAfter(']]>', i + 9, 'розділ CDATA');
        tokens.push({ kind: 'text', value: text.slice(i + 9, close), offset: i + 9, verbatim: true, parent });
        i = close + 3;
      } else if (text.startsWith('<!DOCTYPE', i) || text.startsWith('<!ENTITY', i)) {
        tokens.push({ kind: 'doctype', offset: i });
        return { tokens };
      } else if (text.startsWith('<!', i)) {
        throw new XmlError(i, 'невідома розмітка <!…');
      } else if (text.startsWith('<?', i)) {
        const offset = i;
        i += 2;
        const target = expect(QNAME, 'після <? має йти назва інструкції');
        if (/^xml$/i.test(target) && (target !== 'xml' || offset !== start))
          throw new XmlError(offset, 'оголошення <?xml …?> може стояти лише на самому початку файлу');
        const close = closeAfter('?>', i, `інструкцію <?${target}`);
        tokens.push({ kind: 'instruction', target, data: text.slice(i, close).trim(), offset });
        i = close + 2;
      } else if (text.startsWith('</', i)) {
        endTag();
      } else {
        startTag();
      }
    }
    const open = stack.at(-1);
    if (open) throw new XmlError(open.element.offset, `елемент <${open.element.name}> не закрито`);
    if (!rootClosed) throw new XmlError(start, 'у файлі немає жодного елемента');
    return { tokens };
  } catch (error) {
    if (!(error instanceof XmlError)) throw error;
    return { tokens, error: { offset: error.offset, reason: error.message } };
  }
}
