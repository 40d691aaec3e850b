import { markdownToMdast, mdxToMdast } from 'satteri';
import { describe, expect, test } from 'vitest';
import { inspectTree, PARSE_FEATURES, type ContentNode, type SourceFormat } from '#lib/safety/unsafe-content.ts';

function findings(source: string, format: SourceFormat) {
  const tree = (format === 'mdx' ? mdxToMdast : markdownToMdast)(source, { features: PARSE_FEATURES, position: true }) as ContentNode;
  return inspectTree(tree, format).map((f) => `${f.place?.line}:${f.place?.column} ${f.rule}`);
}

describe('MDX bodies', () => {
  test.each([
    ['an import from anywhere else', "import fs from 'node:fs';\n\nТекст.", ['1:1 unsafe-import']],
    ['a renamed import', "import { Figure as F } from '@arkhiv/article';\n\nТекст.", ['1:1 unsafe-import']],
    ['code after an allowed import', "import { Figure } from '@arkhiv/article'; alert(1)\n\nТекст.", ['1:43 unsafe-import']],
    ['an export', 'export const x = 1;\n\nТекст.', ['1:1 unsafe-export']],
    ['an expression', 'Текст {alert(1)}.', ['1:7 unsafe-expression']],
    ['a flow expression', '{globalThis.fetch("x")}', ['1:1 unsafe-expression']],
    ['a script tag', '<script>alert(1)</script>', ['1:1 unsafe-element']],
    ['an iframe', '<iframe src="https://example.com/"></iframe>', ['1:1 unsafe-element']],
    ['a style tag', '<style>{"body{display:none}"}</style>', ['1:1 unsafe-element', '1:8 unsafe-expression']],
    ['an unknown component', '<Widget />', ['1:1 unsafe-element']],
    ['an event handler on an inert tag', 'Текст <b onMouseOver="alert(1)">x</b>.', ['1:7 unsafe-attribute']],
    ['a style attribute', 'Текст <b style="position:fixed">x</b>.', ['1:7 unsafe-attribute']],
    [
      'an attribute expression',
      "import { Figure } from '@arkhiv/article';\n\n<Figure src=\"/a.jpg\" alt={'x'} />",
      ['3:1 unsafe-expression'],
    ],
    [
      'a spread attribute',
      'import { Figure } from \'@arkhiv/article\';\n\n<Figure src="/a.jpg" alt="x" {...window} />',
      ['3:1 unsafe-expression'],
    ],
    ['a javascript: link', '[x](javascript:alert(1))', ['1:1 unsafe-url']],
    ['a data: image', '![x](data:text/html;base64,PHNjcmlwdD4=)', ['1:1 unsafe-url']],
    [
      'a javascript: component address',
      'import { SourceDocument } from \'@arkhiv/article\';\n\n<SourceDocument href="javascript:alert(1)" title="x" />',
      ['3:1 unsafe-url'],
    ],
    [
      'an embed of an unknown site',
      'import { Embed } from \'@arkhiv/article\';\n\n<Embed url="https://evil.example/v" title="x" />',
      ['3:1 embed-url'],
    ],
    ['a component without its import', '<PullQuote>Слова.</PullQuote>', ['1:1 missing-import']],
    [
      'a component without a required attribute',
      'import { Figure } from \'@arkhiv/article\';\n\n<Figure src="/a.jpg" />',
      ['3:1 component-attribute'],
    ],
  ])('rejects %s', (_, source, expected) => {
    expect(findings(source, 'mdx')).toEqual(expected);
  });

  test('accepts the article components, inert tags, links and editor comments', () => {
    const source = [
      "import { Figure, PullQuote, SourceDocument, Embed } from '@arkhiv/article';",
      '',
      'Текст із [посиланням](https://example.com/) і <abbr title="Збройні сили України">ЗСУ</abbr><sup>1</sup>.',
      '',
      '<Figure src="/images/a.jpg" alt="Опис" caption="Підпис" credit="Автор" />',
      '',
      '<PullQuote author="Речник">Цитата.</PullQuote>',
      '',
      '<SourceDocument href="https://zakon.rada.gov.ua/laws/show/55-2010-п" title="Постанова № 55" publisher="КМУ" date="2010-01-27" />',
      '',
      '<Embed url="https://youtu.be/dQw4w9WgXcQ" title="Відео" />',
      '',
      '{/* примітка для редакторів */}',
    ].join('\n');
    expect(findings(source, 'mdx')).toEqual([]);
  });

  test('says what is wrong and how to fix it', () => {
    const tree = mdxToMdast('<script>alert(1)</script>', { features: PARSE_FEATURES, position: true }) as ContentNode;
    const [finding] = inspectTree(tree, 'mdx');
    expect(finding?.message).toMatchInlineSnapshot(`"Тег <script> запускав би код у браузері читача"`);
    expect(finding?.fix).toContain('Приберіть тег.');
  });
});

describe('Markdown bodies (raw HTML reaches the page as it is)', () => {
  test.each([
    ['a script block', 'Текст.\n\n<script>alert(1)</script>', ['3:1 unsafe-html']],
    ['an image with a handler', 'Текст <img src=x onerror=alert(1)> далі.', ['1:7 unsafe-html']],
    ['a handler on an inert tag', 'Текст <b onclick="alert(1)">x</b>.', ['1:7 unsafe-html']],
    ['an iframe', '<iframe src="https://example.com/"></iframe>', ['1:1 unsafe-html']],
    ['a style block', '<style>body{display:none}</style>', ['1:1 unsafe-html']],
    ['a comment that closes early', '<!--> <p>x</p> -->', ['1:1 unsafe-html', '1:7 unsafe-html']],
    ['an unquoted attribute', 'Текст <abbr title=x>y</abbr>.', ['1:7 unsafe-html']],
    ['a javascript: autolink', 'Див. <javascript:alert(1)>', ['1:6 unsafe-url']],
    ['an obfuscated javascript: link', '[x](java&#x09;script:alert(1))', ['1:1 unsafe-url']],
    ['an upper-case scheme', '[x](JAVASCRIPT:alert(1))', ['1:1 unsafe-url']],
    ['a vbscript: reference definition', '[x][a]\n\n[a]: vbscript:msgbox(1)', ['3:1 unsafe-url']],
  ])('rejects %s', (_, source, expected) => {
    expect(findings(source, 'markdown')).toEqual(expected);
  });

  test('accepts inert formatting tags, comments and escaped text', () => {
    expect(
      findings(
        'Текст <sup>1</sup> <abbr title="x">y</abbr> <br> <!-- примітка --> \\<script> \\{x} [a](/2022/01/11/a/) [b](mailto:a@b.c)',
        'markdown',
      ),
    ).toEqual([]);
  });
});

describe('Markdown bodies: inline HTML stays within its paragraph', () => {
  test.each([
    ['an unclosed tag', 'Текст <em>курсив до кінця сторінки.', ['1:7 unbalanced-html']],
    ['a tag closed in the next paragraph', 'Текст <em>курсив.\n\nДалі</em> текст.', ['1:7 unbalanced-html', '3:5 unbalanced-html']],
    ['a self-closed formatting tag, which HTML leaves open', 'Текст <em/> далі.', ['1:7 unbalanced-html']],
    ['a closing tag without its opening tag', 'Текст</b> далі.', ['1:6 unbalanced-html']],
    ['crossed tags', 'Текст <b><i>x</b></i>.', ['1:10 unbalanced-html', '1:18 unbalanced-html']],
    ['an unclosed tag in a heading', '## Заголовок <strong>жирний\n\nТекст.', ['1:14 unbalanced-html']],
    ['an unclosed tag in a table cell', '| <mark>a | b |\n| - | - |\n| c | d |', ['1:3 unbalanced-html']],
    ['an unclosed tag as a block of HTML', '<em>\n\nУвесь текст далі курсивом.', ['1:1 unbalanced-html']],
    [
      'closing tags of the page as a block',
      'Текст.\n\n</article></main>\n\nРешта тексту поза статтею й поза пошуком.',
      ['3:1 unbalanced-html', '3:11 unbalanced-html'],
    ],
    ['a closing tag of the page inside a paragraph', 'Текст </div> далі.', ['1:7 unbalanced-html']],
  ])('rejects %s', (_, source, expected) => {
    expect(findings(source, 'markdown')).toEqual(expected);
  });

  test('accepts tags paired within a paragraph, heading, table cell or block of HTML, and void tags alone', () => {
    const source = [
      'Текст <em>курсив</em>, **<b>жирний</b>**, <b><i>обидва</i></b>, [<sup>1</sup>](/2022/01/11/a/), рядок<br>далі<wbr>і <br/>.',
      '',
      '## Заголовок <small>дрібно</small>',
      '',
      '| <i>a</i> | b |',
      '| - | - |',
      '| c | <u>d</u> |',
      '',
      '<b>',
      'блок',
      '</b>',
    ].join('\n');
    expect(findings(source, 'markdown')).toEqual([]);
  });

  test('says what is wrong and how to fix it', () => {
    const tree = markdownToMdast('Текст.\n\n</main>\n\nТекст <em>далі.', { features: PARSE_FEATURES, position: true }) as ContentNode;
    expect(inspectTree(tree, 'markdown').map((f) => `${f.message}\n→ ${f.fix}`)).toMatchInlineSnapshot(`
      [
        "Закривальний тег </main> закриває елемент, якого стаття не відкривала: решта статті опинилася б поза нею на сторінці й поза пошуком
      → Приберіть </main>: стаття закриває лише ті теги форматування, які сама відкрила в тому ж абзаці.",
        "Тег <em> не закрито в тому ж абзаці: він діяв би на решту сторінки
      → Закрийте тег у тому ж абзаці: <em>…</em>.",
      ]
    `);
  });
});
