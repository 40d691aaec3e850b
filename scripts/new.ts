/**
 * `npm run new -- --title "…" [--date рррр-мм-дд] [--topics a,b] [--summary "…"] [--mdx] [--slug s] [--content тека]`:
 * writes a new article where it belongs (`content/articles/рррр/мм/дд/<слаг>.md`),
 * refuses to overwrite anything, and prints its path. It writes under the
 * archive's ingest lock (`ingest-lock.ts`): a running ingest chose its
 * articles' paths from the archive as it read it, and takes none that
 * appears meanwhile. Exit 1 on invalid answers, an existing article or a
 * lock that does not come free, 2 on a usage error.
 */
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parseTaxonomy } from '#lib/archive/taxonomy.ts';
import { writeFileAtomic } from '#lib/files/atomic-write.ts';
import { archiveDay } from '#lib/text/dates.ts';
import { defineCli, exitWithUsageError, readCommandLine, withHelpHint } from './lib/cli/parse-args.ts';
import { LOCK_WAIT_OPTION } from './lib/ingest/cli-options.ts';
import { acquireIngestLock, IngestLockBusyError } from './lib/ingest/ingest-lock.ts';
import { newArticle, validateNewArticle } from './lib/new-article.ts';

const CLI = defineCli({
  command: 'npm run new --',
  name: 'new',
  usage: '--title "Заголовок" [параметри]',
  summary:
    'Створює нову статтю там, де їй місце (content/articles/рррр/мм/дд/<слаг>.md), з правильним\nfront matter і заготовками «ЗАПОВНІТЬ:», і друкує її шлях. Наявних файлів не перезаписує.',
  options: {
    title: { type: 'string', value: '"Заголовок"', description: 'заголовок статті (обовʼязковий); з нього береться слаг' },
    date: { type: 'string', value: '<рррр-мм-дд>', description: 'дата статті', defaultText: 'сьогодні за київським часом' },
    topics: {
      type: 'string',
      value: '<тема,тема>',
      description: 'слаги тем із topics.yaml через кому',
      default: '',
      defaultText: 'без тем',
    },
    summary: { type: 'string', value: '"Лід"', description: 'лід статті', defaultText: 'заготовка «ЗАПОВНІТЬ:»' },
    mdx: { type: 'boolean', description: 'файл .mdx (з компонентами) замість .md' },
    slug: { type: 'string', value: '<слаг>', description: 'остання частина адреси: латиниця, цифри, дефіси', defaultText: 'із заголовка' },
    content: {
      type: 'string',
      value: '<тека>',
      description: 'архів, куди писати: тека з topics.yaml',
      default: process.env.ARKHIV_CONTENT ?? 'content',
      defaultText: 'content, або тека зі змінної ARKHIV_CONTENT',
    },
    wait: LOCK_WAIT_OPTION,
  },
  exitCodes: [
    [0, 'статтю записано'],
    [1, 'неправильні дані (дата, теми, слаг), стаття з цією адресою вже є або архів зайнятий імпортом; нічого не записано'],
    [2, 'неправильні параметри'],
  ],
});

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const { values } = readCommandLine(CLI);
if (values.title === undefined) exitWithUsageError(CLI, withHelpHint(CLI, 'бракує заголовка: додайте --title "Заголовок"'));

const topicsText = await readFile(join(values.content, 'topics.yaml'), 'utf8').catch(() =>
  fail(`Немає ${join(values.content, 'topics.yaml')}: запускайте команду в корені проєкту або вкажіть --content.`),
);
const knownTopics = new Set(parseTaxonomy(topicsText).map((topic) => topic.slug));
const input = {
  title: values.title,
  date: values.date ?? archiveDay(),
  topics: values.topics
    .split(',')
    .map((topic) => topic.trim())
    .filter(Boolean),
  ...(values.summary !== undefined ? { summary: values.summary } : {}),
  ...(values.slug !== undefined ? { slug: values.slug } : {}),
  mdx: values.mdx,
};
const errors = validateNewArticle(input, knownTopics, archiveDay());
if (errors.length > 0) fail(errors.join('\n'));

const article = newArticle(input);
const target = join(values.content, article.path);
const lock = await acquireIngestLock(values.content, Number(values.wait) * 1000).catch((error: unknown) => {
  if (error instanceof IngestLockBusyError) fail(error.message);
  throw error;
});
const sibling = target.replace(/\.mdx?$/, (ext) => (ext === '.md' ? '.mdx' : '.md'));
for (const existing of [target, sibling]) {
  const taken = await readFile(existing).then(
    () => true,
    () => false,
  );
  if (taken)
    fail(
      `Стаття з цією адресою вже є: ${relative(process.cwd(), existing)}. Нічого не записано.\nЩоб виправити її, редагуйте той файл; для іншої статті дайте інший заголовок або --slug.`,
    );
}
// `overwrite: false`: a file that appeared since the check above is never replaced.
try {
  writeFileAtomic(target, article.text, { overwrite: false });
} catch (error) {
  if ((error as NodeJS.ErrnoException).code === 'EEXIST')
    fail(`Стаття з цією адресою вже є: ${relative(process.cwd(), target)}. Нічого не записано.`);
  throw error;
} finally {
  lock.release();
}
console.log(relative(process.cwd(), target));
