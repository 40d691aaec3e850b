import { defineCli, helpText, isoDate, parseCommandLine } from '../cli/parse-args.ts';
import { DEFAULT_LOCK_WAIT_SECONDS } from './ingest-lock.ts';

/** The options of `npm run ingest`, and from them its `--help`. */
/** `--wait`: how long a command that writes into the archive waits for a running ingest's lock (`ingest-lock.ts`). */
export const LOCK_WAIT_OPTION = {
  type: 'string',
  value: '<секунд>',
  description: 'скільки чекати, поки інший імпорт звільнить архів',
  default: String(DEFAULT_LOCK_WAIT_SECONDS),
  check: (value: string) =>
    /^\d+$/.test(value) ? undefined : `--wait приймає ціле число секунд від 0, наприклад --wait 60 (отримано «${value}»)`,
} as const;

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
    'topic-map': {
      type: 'string',
      value: '<файл.yaml>',
      description: 'рубрики й мітки WordPress → слаги тем (див. docs/ingest.md, «Експорт WordPress»)',
    },
    'create-topics': {
      type: 'boolean',
      description: 'теми джерела (рубрики, мітки), яких немає в topics.yaml, дописати до нього (див. docs/ingest.md, «Нові теми»)',
    },
    'one-per-file': { type: 'boolean', description: 'кожен файл — одна стаття (заголовок — перший рядок, якщо він схожий на заголовок)' },
    'dry-run': { type: 'boolean', description: 'нічого не записувати, лише показати, що сталося б' },
    update: { type: 'boolean', description: 'застосувати можливі оновлення: замінити текст статті новою версією, зберігши її адресу' },
    wait: LOCK_WAIT_OPTION,
    report: { type: 'string', value: '<файл.json>', description: 'записати звіт про кожну новину у JSON' },
  },
  positionals: true,
  notes: `Формати входу (за розширенням):
  .txt             звичайний текст, абзац на рядок (порожні рядки між абзацами необовʼязкові)
  .json .jsonl     новини з полями title, body або text, date, topics, source, url
  .md .mdx         Markdown/MDX з front matter (Hugo, Jekyll, Astro)
  .xml .rss .atom  стрічки RSS 2.0 та Atom; експорт WordPress (WXR)

Докладно: docs/ingest.md`,
  exitCodes: [
    [0, 'усе записано, оновлено або пропущено (дублікати, наявні статті й можливі оновлення перелічено)'],
    [1, 'є помилки (їх перелічено; серед них файл, що зʼявився чи змінився під час імпорту) або архів зайнятий іншим імпортом'],
    [2, 'неправильні параметри'],
  ],
});

export const HELP = helpText(INGEST_CLI);

export interface CliOptions {
  inputs: string[];
  /** Absent: the project's own `content/`. */
  content?: string;
  date?: string;
  /** `--topic-map`: WordPress categories and tags → topic slugs. */
  topicMap?: string;
  /** `--create-topics`: the source's topics that topics.yaml lacks become new topics. */
  createTopics: boolean;
  onePerFile: boolean;
  dryRun: boolean;
  update: boolean;
  /** How long to wait for another ingest's lock, in seconds. */
  wait: number;
  report?: string;
  help: boolean;
}

/** Parses the command line; throws an Error whose one-line message says what is wrong and how to fix it. */
export function parseCliOptions(argv: readonly string[]): CliOptions {
  const parsed = parseCommandLine(INGEST_CLI, argv);
  if (parsed.kind === 'help')
    return { inputs: [], createTopics: false, onePerFile: false, dryRun: false, update: false, wait: 0, help: true };
  if (parsed.kind === 'error') throw new Error(parsed.message);
  const { values, positionals } = parsed;
  if (positionals.length === 0)
    throw new Error('не вказано, що читати. Передайте файли або теки: npm run ingest -- --date 2026-01-26 новини.txt');
  return {
    inputs: positionals,
    ...(values.content ? { content: values.content } : {}),
    ...(values.date ? { date: values.date } : {}),
    ...(values['topic-map'] ? { topicMap: values['topic-map'] } : {}),
    createTopics: values['create-topics'],
    onePerFile: values['one-per-file'],
    dryRun: values['dry-run'],
    update: values.update,
    wait: Number(values.wait),
    ...(values.report ? { report: values.report } : {}),
    help: false,
  };
}
