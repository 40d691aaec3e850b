/**
 * `npm run check [-- --fix] [--content <folder>]`: validates the whole archive
 * and prints every problem as `file:line:col  message  (rule)` with its fix.
 * `--fix` applies the safe fixes (typography, missing imports) atomically and
 * checks again. Exits 1 when anything must still be fixed, 2 on a usage error.
 */
import { parseArgs } from 'node:util';
import { applyEdits } from './lib/check/edits.ts';
import { formatProblem } from '#lib/problems.ts';
import { runCheck } from './lib/check/run-check.ts';

function plural(count: number, one: string, few: string, many: string): string {
  const last = count % 10;
  const lastTwo = count % 100;
  const form = last === 1 && lastTwo !== 11 ? one : last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14) ? few : many;
  return `${count} ${form}`;
}

let options;
try {
  options = parseArgs({
    options: {
      fix: { type: 'boolean', default: false },
      content: { type: 'string', default: process.env.ARKHIV_CONTENT ?? 'content' },
      today: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }).values;
} catch (error) {
  console.error(`${error instanceof Error ? error.message : error}\nВикористання: npm run check [-- --fix] [--content <тека архіву>]`);
  process.exit(2);
}
if (options.help) {
  console.log('Використання: npm run check [-- --fix] [--content <тека архіву>]\nПеревіряє всі статті; --fix виправляє те, що можна виправити автоматично.');
  process.exit(0);
}

let result = await runCheck({ root: options.content, today: options.today });
if (options.fix && result.edits.length > 0) {
  // A fix can change how Markdown reads its neighbourhood (a repaired quote next to `_` or `*`), which may ask for one more; a few rounds settle it.
  const fixed = new Set<string>();
  for (let round = 0; round < 3 && result.edits.length > 0; round += 1) {
    for (const file of (await applyEdits(result.edits)).files) fixed.add(file);
    result = await runCheck({ root: options.content, today: options.today });
  }
  console.log(`Виправлено ${plural(fixed.size, 'файл', 'файли', 'файлів')}.`);
}
for (const found of result.problems) console.log(formatProblem(found));
const errors = result.problems.filter((p) => p.severity === 'error');
const fixable = errors.filter((p) => p.fixable).length;
if (errors.length === 0) {
  console.log(`Перевірено ${plural(result.articleCount, 'статтю', 'статті', 'статей')}: усе гаразд.`);
} else {
  const hint = fixable > 0 && !options.fix ? ` ${plural(fixable, 'проблему', 'проблеми', 'проблем')} виправить npm run check -- --fix.` : '';
  console.log(`\nПеревірено ${plural(result.articleCount, 'статтю', 'статті', 'статей')}: ${plural(errors.length, 'проблема', 'проблеми', 'проблем')}.${hint}`);
  process.exitCode = 1;
}
