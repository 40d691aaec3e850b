/**
 * `npm run check [-- --fix] [--content <folder>] [--format json]`: validates
 * the whole archive and prints every problem as `file:line:col  message
 * (rule)` with its fix, or one JSON document (`--format json`) for editors
 * and bots. `--fix` applies the safe fixes (typography, missing imports)
 * atomically and checks again. Exits 1 when anything must still be fixed,
 * 2 on a usage error.
 */
import { colours } from './lib/cli/colours.ts';
import { defineCli, isoDate, oneOf, readCommandLine } from './lib/cli/parse-args.ts';
import { applyEdits } from './lib/check/edits.ts';
import { jsonReport } from './lib/check/json-report.ts';
import { formatProblem } from '#lib/problems.ts';
import { runCheck } from './lib/check/run-check.ts';
import { plural, type PluralForms } from '../src/i18n/uk.ts';

// «Перевірено 1 статтю», «виправить 1 проблему»: the object of a verb takes the accusative.
const ARTICLES: PluralForms = { one: 'статтю', few: 'статті', many: 'статей' };
const FILES: PluralForms = { one: 'файл', few: 'файли', many: 'файлів' };
const PROBLEMS: PluralForms = { one: 'проблема', few: 'проблеми', many: 'проблем' };
const PROBLEMS_TO_FIX: PluralForms = { one: 'проблему', few: 'проблеми', many: 'проблем' };

/** `5 статей`: the count and the word that agrees with it. */
function counted(count: number, forms: PluralForms): string {
  return `${count} ${plural(count, forms)}`;
}

const CLI = defineCli({
  command: 'npm run check --',
  name: 'check',
  usage: '[параметри]',
  summary: 'Перевіряє весь архів за один прохід і друкує кожну проблему з місцем (файл:рядок:стовпець),\nправилом і порадою, як виправити.',
  options: {
    fix: { type: 'boolean', description: 'виправити те, що можна без людини (типографіку, імпорти компонентів), і перевірити знову' },
    content: {
      type: 'string',
      value: '<тека>',
      description: 'архів для перевірки: тека з topics.yaml і articles/',
      default: process.env.ARKHIV_CONTENT ?? 'content',
      defaultText: 'content, або тека зі змінної ARKHIV_CONTENT',
    },
    public: {
      type: 'string',
      value: '<тека>',
      description: 'файли, які сайт віддає як є (зображення, шрифти, документи): перевіряється кожен',
      default: process.env.ARKHIV_PUBLIC ?? 'public',
      defaultText: 'public, або тека зі змінної ARKHIV_PUBLIC',
    },
    today: {
      type: 'string',
      value: '<рррр-мм-дд>',
      description: 'вважати сьогоднішнім цей день: дати після нього — у майбутньому',
      defaultText: 'сьогодні за київським часом',
      check: isoDate('--today'),
    },
    format: {
      type: 'string',
      value: '<human|json>',
      description: 'human — для людей; json — один документ JSON для редакторів і ботів',
      default: 'human',
      check: oneOf('--format', ['human', 'json']),
    },
  },
  notes: `Формат json: { "problems": [{ "file", "line", "column", "rule", "severity", "message", "fix"?, "field"? }],
  "errors": N, "warnings": N }; severity — error або warning; рядки й стовпці з 1.`,
  exitCodes: [
    [0, 'помилок немає (попередження не заважають)'],
    [1, 'є помилки, які треба виправити'],
    [2, 'неправильні параметри'],
  ],
});
const { values: options } = readCommandLine(CLI);
const json = options.format === 'json';

let result = await runCheck({ root: options.content, today: options.today, publicDir: options.public });
if (options.fix && result.edits.length > 0) {
  // A fix can change how Markdown reads its neighbourhood (a repaired quote next to `_` or `*`), which may ask for one more; a few rounds settle it.
  const fixed = new Set<string>();
  for (let round = 0; round < 3 && result.edits.length > 0; round += 1) {
    for (const file of (await applyEdits(result.edits)).files) fixed.add(file);
    result = await runCheck({ root: options.content, today: options.today, publicDir: options.public });
  }
  // In JSON, stdout holds the one document; the note goes to stderr.
  (json ? console.error : console.log)(`Виправлено ${counted(fixed.size, FILES)}.`);
}
const errors = result.problems.filter((p) => p.severity === 'error');
if (errors.length > 0) process.exitCode = 1;
if (json) {
  console.log(JSON.stringify(jsonReport(result.problems), null, 2));
} else {
  const style = colours(process.stdout);
  for (const found of result.problems) console.log(formatProblem(found, style));
  const fixable = errors.filter((p) => p.fixable).length;
  if (errors.length === 0) {
    console.log(`Перевірено ${counted(result.articleCount, ARTICLES)}: усе гаразд.`);
  } else {
    const hint = fixable > 0 && !options.fix ? ` ${counted(fixable, PROBLEMS_TO_FIX)} виправить npm run check -- --fix.` : '';
    console.log(`\nПеревірено ${counted(result.articleCount, ARTICLES)}: ${counted(errors.length, PROBLEMS)}.${hint}`);
  }
}
