import { describe, expect, test } from 'vitest';
import { wpautop } from '../../../../scripts/lib/readers/wp-autop.ts';
import { parseShortcodeAttributes, replaceShortcodes } from '../../../../scripts/lib/readers/wp-shortcodes.ts';

describe('wpautop', () => {
  test.each([
    ['blank lines separate paragraphs', 'Перший абзац.\n\nДругий абзац.', '<p>Перший абзац.</p>\n<p>Другий абзац.</p>'],
    ['a single line break is <br />', 'Рядок один\nрядок два', '<p>Рядок один<br />\nрядок два</p>'],
    ['Windows line ends count as line ends', 'Один.\r\n\r\nДва.', '<p>Один.</p>\n<p>Два.</p>'],
    ['block elements get no <p> around them', '<h2>Заголовок</h2>\nТекст під ним.', '<h2>Заголовок</h2>\n<p>Текст під ним.</p>'],
    [
      'paragraphs inside a quote get their own <p>',
      '<blockquote>Перше.\n\nДруге.</blockquote>',
      '<blockquote><p>Перше.</p>\n<p>Друге.</p></blockquote>',
    ],
    ['list items stay list items', '<ul>\n<li>а</li>\n<li>б</li>\n</ul>', '<ul>\n<li>а</li>\n<li>б</li>\n</ul>'],
    ['<pre> keeps its line breaks', 'Код:\n\n<pre>a\n\nb</pre>', '<p>Код:</p>\n<pre>a\n\nb</pre>'],
    [
      'a line break between attributes of a tag is not a <br />',
      '<a\nhref="https://example.org">посилання</a>',
      '<p><a href="https://example.org">посилання</a></p>',
    ],
    ['text already in <p> stays as it is', '<p>Готовий абзац.</p>', '<p>Готовий абзац.</p>'],
    ['empty content is empty', '  \n\n ', ''],
  ])('%s', (_, input, output) => {
    expect(wpautop(input)).toBe(output);
  });
});

describe('shortcodes', () => {
  test('attributes: quoted, single-quoted, unquoted, typographic quotes, nameless and [name=value]', () => {
    expect(parseShortcodeAttributes(' ids="1,2" columns=3 link=\'file\' title=“Свято” https://example.org/a.mp3')).toEqual({
      attributes: { ids: '1,2', columns: '3', link: 'file', title: 'Свято' },
      positional: ['https://example.org/a.mp3'],
    });
    expect(parseShortcodeAttributes('=https://youtu.be/dQw4w9WgXcQ')).toEqual({
      attributes: {},
      positional: ['https://youtu.be/dQw4w9WgXcQ'],
    });
  });

  test('self-closing and enclosing shortcodes are found; doubled brackets are text with one pair removed', () => {
    const seen: string[] = [];
    const out = replaceShortcodes('А [gallery ids="1"] Б [embed]https://vimeo.com/1[/embed] В [[gallery]] Г [x/]', (code) => {
      seen.push(`${code.name}:${code.content ?? ''}:${code.tags.open}${code.tags.close ?? ''}`);
      return code.name === 'x' ? undefined : `(${code.name})`;
    });
    expect(seen).toEqual(['gallery::[gallery ids="1"]', 'embed:https://vimeo.com/1:[embed][/embed]', 'x::[x/]']);
    expect(out).toBe('А (gallery) Б (embed) В [gallery] Г [x/]');
  });
});
