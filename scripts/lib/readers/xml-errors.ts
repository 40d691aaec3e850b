import sax from 'sax';

/** Where a document stops being well-formed XML, and why, in words for a person. */
export interface XmlError {
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  message: string;
}

/** Errors left to the feed parser: named entities (`&nbsp;`, or those a DOCTYPE declares) are its to resolve. */
const IGNORED = /^Invalid character entity/;

/**
 * The first place where `xml` is not well-formed (a tag closed out of order
 * or never, a broken attribute, a stray `<` or `&`), read with a strict SAX
 * parser; `undefined` when the document is well-formed.
 */
export function findXmlError(xml: string): XmlError | undefined {
  const parser = sax.parser(true);
  // Each open element with the line it opened on, to say which one a wrong or missing close tag left open.
  const open: Array<{ name: string; line: number }> = [];
  let found: XmlError | undefined;
  parser.onopentag = (tag) => {
    open.push({ name: tag.name, line: parser.line + 1 });
  };
  parser.onclosetag = () => {
    open.pop();
  };
  parser.onerror = (error) => {
    const reason = error.message.split('\n')[0]!;
    if (found === undefined && !IGNORED.test(reason)) {
      // At the very end of the document the column is 0: the error is at the start of that (empty) line.
      const column = Math.max(1, parser.column);
      found = { line: parser.line + 1, column, message: describe(reason, xml, parser.position, open.at(-1)) };
    }
    // Clears the error so that the parser goes on to the end; only the first one is kept.
    parser.resume();
  };
  parser.write(xml).close();
  return found;
}

/** The SAX parser's reason in Ukrainian for the common mistakes (tags, a bare `&`), as is otherwise. */
function describe(reason: string, xml: string, position: number, innermost: { name: string; line: number } | undefined): string {
  if (reason === 'Unexpected close tag' && innermost) {
    // `position` is just past the `>` of the close tag.
    const closing = /^<\/([^\s>]*)/.exec(xml.slice(xml.lastIndexOf('</', position - 1)))?.[1] ?? '';
    return `закривальний тег </${closing}> там, де має закритися <${innermost.name}> з рядка ${innermost.line}`;
  }
  if (reason === 'Unclosed root tag' && innermost) {
    return `файл обривається, а тег <${innermost.name}> з рядка ${innermost.line} не закрито`;
  }
  if (reason === 'Invalid character in entity name') return 'знак & не починає сутність; у тексті пишіть &amp;';
  return reason;
}
