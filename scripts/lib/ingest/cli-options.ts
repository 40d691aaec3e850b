import { defineCli, helpText, isoDate, parseCommandLine } from '../cli/parse-args.ts';

/** The options of `npm run ingest`, and from them its `--help`. */
export const INGEST_CLI = defineCli({
  command: 'npm run ingest --',
  name: 'ingest',
  usage: '[параметри] <файл|тека>…',
  summary: 'Перетворює сирі новини на статті архіву: content/articles/<рррр>/<мм>/<дд>/<слаг>.md',
  options: {
    content: { type: 'string', value: '<тека>', description: 'архів, куди писати', defaultText: 'content/ проєкту' },
    date: {
      type: 'string',
      value: 'РРРР-ММ-ДД',
      description: 'дата для новин, дату яких не вдалося визначити (такі новини є у звіті)',
      check: isoDate('--date'),
    },
    'one-per-file': { type: 'boolean', description: 'кожен файл — одна стаття (заголовок — перший рядок, якщо він схожий на заголовок)' },
    'dry-run': { type: 'boolean', description: 'нічого не записувати, лише показати, що сталося б' },
    report: { type: 'string', value: '<файл.json>', description: 'записати звіт про кожну новину у JSON' },
  },
  positionals: true,
  notes: `Формати входу (за розширенням):
  .txt             звичайний текст, абзац на рядок (порожні рядки між абзацами необовʼязкові)
  .json .jsonl     новини з полями title, body або text, date, topics, source, url
  .md .mdx         Markdown/MDX з front matter (Hugo, Jekyll, Astro)
  .xml .rss .atom  стрічки RSS 2.0 та Atom

Докладно: docs/ingest.md`,
  exitCodes: [
    [0, 'усе записано або пропущено як дублікат чи наявне'],
    [1, 'є помилки (їх перелічено)'],
    [2, 'неправильні параметри'],
  ],
});

export const HELP = helpText(INGEST_CLI);

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

/** Parses the command line; throws an Error whose one-line message says what is wrong and how to fix it. */
export function parseCliOptions(argv: readonly string[]): CliOptions {
  const parsed = parseCommandLine(INGEST_CLI, argv);
  if (parsed.kind === 'help') return { inputs: [], onePerFile: false, dryRun: false, help: true };
  if (parsed.kind === 'error') throw new Error(parsed.message);
  const { values, positionals } = parsed;
  if (positionals.length === 0)
    throw new Error('не вказано, що читати. Передайте файли або теки: npm run ingest -- --date 2026-01-26 новини.txt');
  return {
    inputs: positionals,
    ...(values.content ? { content: values.content } : {}),
    ...(values.date ? { date: values.date } : {}),
    onePerFile: values['one-per-file'],
    dryRun: values['dry-run'],
    ...(values.report ? { report: values.report } : {}),
    help: false,
  };
}
