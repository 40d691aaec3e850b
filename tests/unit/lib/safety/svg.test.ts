import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { inspectSvg, svgReference } from '#lib/safety/svg.ts';
import { readXml } from '#lib/safety/xml-tokens.ts';

const ROOT = join(import.meta.dirname, '../../../..');
const SVG = 'xmlns="http://www.w3.org/2000/svg"';
const XLINK = 'xmlns:xlink="http://www.w3.org/1999/xlink"';

function findings(source: string | Uint8Array): string[] {
  const bytes = typeof source === 'string' ? new TextEncoder().encode(source) : source;
  return inspectSvg(bytes).findings.map((f) => `${f.place.line}:${f.place.column} ${f.rule}`);
}

describe('SVG served from the site', () => {
  test.each([
    ['a script element', `<svg ${SVG}>\n  <script>alert(1)</script>\n</svg>`, ['2:3 svg-script']],
    [
      'a script element of the XHTML namespace',
      `<svg ${SVG} xmlns:h="http://www.w3.org/1999/xhtml"><h:script>alert(1)</h:script></svg>`,
      ['1:80 svg-script'],
    ],
    ['a script element in upper case', `<svg ${SVG}><SCRIPT>alert(1)</SCRIPT></svg>`, ['1:41 svg-script']],
    ['an event handler', `<svg ${SVG} onload="alert(1)"/>`, ['1:41 svg-script']],
    ['an event handler in any case', `<svg ${SVG}><rect OnClick="alert(1)"/></svg>`, ['1:47 svg-script']],
    ['a javascript: link', `<svg ${SVG} ${XLINK}><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>`, ['1:87 svg-script']],
    [
      'a javascript: link spelt with a tab reference',
      `<svg ${SVG}><a href="java&#9;script:alert(1)"><text>x</text></a></svg>`,
      ['1:44 svg-script'],
    ],
    [
      'an animation that sets a link',
      `<svg ${SVG}><a><set attributeName="href" to="javascript:alert(1)"/></a></svg>`,
      ['1:49 svg-script', '1:70 svg-script'],
    ],
    ['an animation that sets a handler', `<svg ${SVG}><animate attributeName="onbegin" values="x"/></svg>`, ['1:50 svg-script']],
    ['a javascript: value elsewhere', `<svg ${SVG}><animate attributeName="x" values="javascript:alert(1)"/></svg>`, ['1:68 svg-script']],
    ['an external image', `<svg ${SVG}><image href="https://tracker.example/p.png"/></svg>`, ['1:48 svg-external-reference']],
    ['a protocol-relative use', `<svg ${SVG} ${XLINK}><use xlink:href="//evil.example/s.svg#a"/></svg>`, ['1:89 svg-external-reference']],
    ['a backslash-relative image', `<svg ${SVG}><image href="/\\evil.example/p.png"/></svg>`, ['1:48 svg-external-reference']],
    ['a data: document', `<svg ${SVG}><use href="data:image/svg+xml,&lt;svg/&gt;#a"/></svg>`, ['1:46 svg-external-reference']],
    [
      'an external url() in a presentation attribute',
      `<svg ${SVG}><rect fill="url(https://evil.example/g.svg#g)"/></svg>`,
      ['1:47 svg-external-reference'],
    ],
    [
      'an external url() in a style attribute',
      `<svg ${SVG}><rect style="filter:url('//evil.example/f.svg#f')"/></svg>`,
      ['1:47 svg-external-reference'],
    ],
    [
      '@import in a style element',
      `<svg ${SVG}><style>\n@import "https://evil.example/a.css";\n</style></svg>`,
      ['2:1 svg-external-reference'],
    ],
    [
      'an external font in a style element',
      `<svg ${SVG}><style><![CDATA[@font-face{src:url(https://evil.example/f.woff2)}]]></style></svg>`,
      ['1:72 svg-external-reference'],
    ],
    [
      'an external image-set() string',
      `<svg ${SVG}><style>a{background:image-set("https://evil.example/a.png" 1x)}</style></svg>`,
      ['1:71 svg-external-reference'],
    ],
    ['a CSS escape', `<svg ${SVG}><style>a{fill:u\\72l(https://evil.example/a)}</style></svg>`, ['1:56 svg-css-escape']],
    [
      'foreignObject',
      `<svg ${SVG}><foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject></svg>`,
      ['1:41 svg-foreign-content', '1:56 svg-foreign-content'],
    ],
    [
      'an element of another namespace',
      `<svg ${SVG}><m:math xmlns:m="http://www.w3.org/1998/Math/MathML"/></svg>`,
      ['1:41 svg-foreign-content'],
    ],
    ['an iframe', `<svg ${SVG}><iframe src="/"/></svg>`, ['1:41 svg-foreign-content']],
    [
      'a DOCTYPE with entities',
      `<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<svg ${SVG}>&x;</svg>`,
      ['2:1 svg-doctype'],
    ],
    ['an entity declaration without DOCTYPE', `<!ENTITY x "y"><svg ${SVG}/>`, ['1:1 svg-doctype']],
    ['an XSLT style sheet', `<?xml-stylesheet type="text/xsl" href="evil.xsl"?>\n<svg ${SVG}/>`, ['1:1 svg-processing-instruction']],
    ['an undefined entity', `<svg ${SVG}>&nbsp;</svg>`, ['1:41 svg-malformed']],
    ['an unclosed element', `<svg ${SVG}><g></svg>`, ['1:44 svg-malformed']],
    ['attributes without a space between them', `<svg ${SVG} a="1"b="2"/>`, ['1:46 svg-malformed']],
    ['an undeclared prefix', `<svg ${SVG}><x:script/></svg>`, ['1:41 svg-malformed']],
    ['a second root', `<svg ${SVG}/><script>alert(1)</script>`, ['1:42 svg-malformed']],
    ['a declared encoding other than UTF-8', `<?xml version="1.0" encoding="windows-1251"?><svg ${SVG}/>`, ['1:1 svg-encoding']],
  ])('rejects %s', (_, source, expected) => {
    expect(findings(source)).toEqual(expected);
  });

  test('rejects a file that is not UTF-8 (UTF-16 hides markup from a UTF-8 reader)', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(`<svg ${SVG}><script>alert(1)</script></svg>`, 'utf16le'))]);
    expect(findings(utf16)).toEqual(['1:1 svg-encoding']);
  });

  test('accepts drawing, internal references, relative paths, data: images and editor metadata', () => {
    const source = [
      '<?xml version="1.0" encoding="UTF-8" standalone="no"?>',
      '<!-- Created with Inkscape -->',
      `<svg ${SVG} ${XLINK} xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"`,
      '  xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"',
      '  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:cc="http://creativecommons.org/ns#"',
      '  viewBox="0 0 10 10" inkscape:export-filename="C:\\Users\\x\\logo.png">',
      '  <sodipodi:namedview inkscape:zoom="1"/>',
      '  <metadata><rdf:RDF><cc:Work><dc:title>Логотип &amp; знак</dc:title></cc:Work></rdf:RDF></metadata>',
      '  <defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient></defs>',
      '  <style><![CDATA[ .a { fill: url(#g); font-family: "Open Sans", sans-serif } ]]></style>',
      '  <rect class="a" width="10" height="10" fill="url(#g)" style="stroke:url(\'#g\')"/>',
      '  <use xlink:href="#g"/><use href="sprite.svg#icon"/><image href="/images/photo.jpg"/>',
      '  <image href="data:image/png;base64,iVBORw0KGgo="/>',
      '  <a href="#top"><text>Текст &#x2014; &lt;без&gt; коду</text></a>',
      '  <animate attributeName="opacity" from="0" to="1" dur="1s"/>',
      '</svg>',
      '',
    ].join('\n');
    expect(findings(source)).toEqual([]);
  });

  test.each(['public/favicon.svg', 'public/images/arkhiv-zrazok.svg'])('accepts the site’s own %s', (file) => {
    expect(findings(readFileSync(join(ROOT, file)))).toEqual([]);
  });

  test('says what is wrong and how to fix it', () => {
    const [finding] = inspectSvg(new TextEncoder().encode(`<svg ${SVG}><script>alert(1)</script></svg>`)).findings;
    expect(finding).toMatchInlineSnapshot(`
      {
        "fix": "Приберіть скрипт: зображення на сайті не містять коду. SVG з редактора збережіть як «простий SVG» (Plain SVG) або очистіть оптимізатором SVGO.",
        "message": "Елемент <script> запускав би код на домені сайту, щойно SVG відкриють напряму",
        "place": {
          "column": 41,
          "line": 1,
        },
        "rule": "svg-script",
      }
    `);
  });
});

describe('addresses in an SVG', () => {
  test.each([
    ['#g', 'local'],
    ['sprite.svg#a', 'local'],
    ['../images/a.png', 'local'],
    ['/images/a.png', 'local'],
    ['data:image/png;base64,AAAA', 'local'],
    ['JaVa\nScRiPt:alert(1)', 'script'],
    ['vbscript:x', 'script'],
    ['https://example.org/a.png', 'external'],
    ['//example.org/a.png', 'external'],
    ['\\\\example.org\\a.png', 'external'],
    ['data:text/html,<script>', 'external'],
    ['data:image/svg+xml,<svg/>', 'external'],
    ['mailto:a@example.org', 'external'],
  ])('%s is %s', (address, verdict) => {
    expect(svgReference(address)).toBe(verdict);
  });
});

describe('the XML reader', () => {
  test('resolves namespaces of elements and attributes, and decodes references', () => {
    const { tokens, error } = readXml(`<svg ${SVG} ${XLINK}><a xlink:href="#x&amp;y" title='&#x41;&lt;'/></svg>`);
    expect(error).toBeUndefined();
    const link = tokens[1]!;
    expect(link).toMatchObject({ kind: 'element', name: 'a', namespace: 'http://www.w3.org/2000/svg' });
    expect(link.kind === 'element' && link.attributes.map(({ name, namespace, value }) => ({ name, namespace, value }))).toEqual([
      { name: 'xlink:href', namespace: 'http://www.w3.org/1999/xlink', value: '#x&y' },
      { name: 'title', namespace: '', value: 'A<' },
    ]);
  });

  test.each([
    ['a duplicate attribute', `<svg ${SVG} a="1" a="2"/>`],
    ['< in an attribute value', `<svg ${SVG} a="<"/>`],
    ['an unquoted attribute', `<svg ${SVG} a=1/>`],
    ['-- in a comment', `<!-- a -- b --><svg ${SVG}/>`],
    ['text before the root', `x<svg ${SVG}/>`],
    ['a control character', `<svg ${SVG}>\u0001</svg>`],
    ['a reference to a character XML lacks', `<svg ${SVG}>&#0;</svg>`],
    ['an XML declaration after the start', ` <?xml version="1.0"?><svg ${SVG}/>`],
    ['no element at all', '<!-- nothing -->'],
  ])('refuses %s', (_, source) => {
    expect(readXml(source).error).toBeDefined();
  });
});
