import { parseArgs } from 'node:util';
import { calendarDate } from './dates.ts';

export const HELP = `Використання: npm run ingest -- [параметри] <файл|тека>…

Перетворює сирі новини на статті архіву: content/articles/<рррр>/<мм>/<дд>/<слаг>.md

Формати входу (за розширенням):
  .txt             звичайний текст, абзац на рядок (порожні рядки між абзацами необовʼязкові)
  .json .jsonl     новини з полями title, body або text, date, topics, source, url
  .md .mdx         Markdown/MDX з front matter (Hugo, Jekyll, Astro)
  .xml .rss .atom  стрічки RSS 2.0 та Atom

Параметри:
  --content <тека>      архів, куди писати (типово content/ проєкту)
  --date РРРР-ММ-ДД     дата для новин, дату яких не вдалося визначити (такі новини є у звіті)
  --one-per-file        кожен файл — одна стаття (заголовок — перший рядок, якщо він схожий на заголовок)
  --dry-run             нічого не записувати, лише показати, що сталося б
  --report <файл.json>  записати звіт про кожну новину у JSON
  --help                ця довідка

Код виходу: 0 — усе записано або пропущено як дублікат чи наявне; 1 — є помилки (їх перелічено);
2 — неправильні параметри.
Докладно: docs/ingest.md`;

export interface CliOptions {
  inputs: string[];
  /** Absent: the project's own `content/`. */
  content?: string;
  date?: string;
  onePerFile: boolean;
  dryRun: boolean;
  report?: string;
  help: boolean;
}

/** Parses the command line; throws an Error whose message says what is wrong and how to fix it. */
export function parseCliOptions(argv: readonly string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        content: { type: 'string' },
        date: { type: 'string' },
        'one-per-file': { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
        report: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new Error(`${(error as Error).message}. Див. npm run ingest -- --help`);
  }
  const { values, positionals } = parsed;
  const date = values.date;
  if (date !== undefined) {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
    if (!match || !calendarDate(Number(match[1]), Number(match[2]), Number(match[3]))) {
      throw new Error(`--date «${date}» не є датою. Запишіть її як РРРР-ММ-ДД, наприклад --date 2026-01-26.`);
    }
  }
  if (!values.help && positionals.length === 0) throw new Error('не вказано, що читати. Передайте файли або теки: npm run ingest -- --date 2026-01-26 новини.txt');
  return {
    inputs: positionals,
    ...(values.content ? { content: values.content } : {}),
    ...(date ? { date } : {}),
    onePerFile: values['one-per-file'],
    dryRun: values['dry-run'],
    ...(values.report ? { report: values.report } : {}),
    help: values.help,
  };
}
