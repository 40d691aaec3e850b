import { describe, expect, test } from 'vitest';
import { defineCli, helpText, isoDate, oneOf, parseCommandLine, positiveInteger } from '../../../../scripts/lib/cli/parse-args.ts';

const CLI = defineCli({
  command: 'npm run demo --',
  name: 'demo',
  usage: '[параметри] <файл>…',
  summary: 'Робить щось із файлами.',
  options: {
    fix: { type: 'boolean', description: 'виправити' },
    content: { type: 'string', value: '<тека>', description: 'архів', default: 'content' },
    runs: { type: 'string', value: '<n>', description: 'запуски', defaultText: '3', check: positiveInteger('--runs') },
  },
  positionals: true,
  notes: 'Докладно: docs/demo.md',
  exitCodes: [
    [0, 'усе гаразд'],
    [2, 'неправильні параметри'],
  ],
});

const parse = (...argv: string[]) => parseCommandLine(CLI, argv);

describe('help', () => {
  test('lists every option with its value, description and default, the notes and the exit codes', () => {
    expect(helpText(CLI)).toMatchInlineSnapshot(`
      "Використання: npm run demo -- [параметри] <файл>…

      Робить щось із файлами.

      Параметри:
        --fix             виправити
        --content <тека>  архів (типово content)
        --runs <n>        запуски (типово 3)
        -h, --help        ця довідка

      Докладно: docs/demo.md

      Коди виходу:
        0  усе гаразд
        2  неправильні параметри"
    `);
  });

  test.each([['--help'], ['-h'], ['--unknown', '--help'], ['файл', '-h']])('%s asks for the help, whatever else is given', (...argv) => {
    expect(parse(...argv)).toEqual({ kind: 'help', text: helpText(CLI) });
  });
});

describe('values', () => {
  test('defaults fill what is not given', () => {
    expect(parse()).toEqual({ kind: 'ok', values: { fix: false, content: 'content', runs: undefined }, positionals: [] });
  });

  test('given values, with or without =, and positionals in any order', () => {
    expect(parse('a.txt', '--fix', '--content', 'archive', '--runs=2', 'b.txt')).toEqual({
      kind: 'ok',
      values: { fix: true, content: 'archive', runs: '2' },
      positionals: ['a.txt', 'b.txt'],
    });
  });

  test('after --, everything is a positional', () => {
    expect(parse('--', '--fix')).toMatchObject({ kind: 'ok', values: { fix: false }, positionals: ['--fix'] });
  });
});

describe('usage errors are one line that names the help', () => {
  test.each([
    [['--frobnicate'], 'невідомий параметр --frobnicate; див. npm run demo -- --help'],
    [['-x'], 'невідомий параметр -x; див. npm run demo -- --help'],
    [['--constructor'], 'невідомий параметр --constructor; див. npm run demo -- --help'],
    [['--fix=yes'], 'параметр --fix не приймає значення; див. npm run demo -- --help'],
    [['--content'], 'параметру --content бракує значення <тека>; див. npm run demo -- --help'],
    [
      ['--content', '--fix'],
      'параметру --content бракує значення <тека> (значення, що починається з «-», пишіть через =: --content=--fix); див. npm run demo -- --help',
    ],
    [['--runs', '0'], '--runs приймає ціле число від 1, наприклад --runs 3 (отримано «0»)'],
  ])('%j', (argv, message) => {
    expect(parse(...argv)).toEqual({ kind: 'error', message });
  });

  test('arguments that are not options are refused where none are expected', () => {
    const closed = defineCli({ ...CLI, positionals: false });
    expect(parseCommandLine(closed, ['зайве'])).toEqual({ kind: 'error', message: 'зайвий аргумент «зайве»; див. npm run demo -- --help' });
  });
});

describe('value checks', () => {
  test('isoDate accepts real calendar dates only', () => {
    const check = isoDate('--date');
    expect(check('2024-02-29')).toBeUndefined();
    expect(check('2023-02-29')).toBe('--date «2023-02-29» не є датою. Запишіть її як РРРР-ММ-ДД, наприклад --date 2026-01-26.');
    expect(check('26.01.2026')).toBeDefined();
  });

  test('oneOf names the choices', () => {
    expect(oneOf('--format', ['human', 'json'])('json')).toBeUndefined();
    expect(oneOf('--format', ['human', 'json'])('xml')).toBe('--format приймає human або json (отримано «xml»)');
  });
});
