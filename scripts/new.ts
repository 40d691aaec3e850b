/**
 * `npm run new -- --title "…" [--date рррр-мм-дд] [--topics a,b] [--summary "…"] [--mdx] [--slug s] [--content теку]`:
 * writes a new article where it belongs (`content/articles/рррр/мм/дд/<слаг>.md`),
 * refuses to overwrite anything, and prints its path. Exit 1 on invalid
 * answers or an existing article, 2 on a usage error.
 */
import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { parseTaxonomy } from '#lib/archive/taxonomy.ts';
import { archiveDay } from '#lib/text/dates.ts';
import { newArticle, validateNewArticle } from './lib/new-article.ts';

const USAGE = 'Використання: npm run new -- --title "Заголовок" [--date рррр-мм-дд] [--topics тема,тема] [--summary "Лід"] [--mdx] [--slug слаг]';

function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

let values;
try {
  values = parseArgs({
    options: {
      title: { type: 'string' },
      date: { type: 'string' },
      topics: { type: 'string', default: '' },
      summary: { type: 'string' },
      slug: { type: 'string' },
      mdx: { type: 'boolean', default: false },
      content: { type: 'string', default: process.env.ARKHIV_CONTENT ?? 'content' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }).values;
} catch (error) {
  fail(`${error instanceof Error ? error.message : error}\n${USAGE}`, 2);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (values.title === undefined) fail(`Бракує заголовка.\n${USAGE}`, 2);

const topicsText = await readFile(join(values.content, 'topics.yaml'), 'utf8').catch(() => fail(`Немає ${join(values.content, 'topics.yaml')}: запускайте команду в корені проєкту або вкажіть --content.`));
const knownTopics = new Set(parseTaxonomy(topicsText).map((topic) => topic.slug));
const input = {
  title: values.title,
  date: values.date ?? archiveDay(),
  topics: values.topics.split(',').map((topic) => topic.trim()).filter(Boolean),
  ...(values.summary !== undefined ? { summary: values.summary } : {}),
  ...(values.slug !== undefined ? { slug: values.slug } : {}),
  mdx: values.mdx,
};
const errors = validateNewArticle(input, knownTopics, archiveDay());
if (errors.length > 0) fail(errors.join('\n'));

const article = newArticle(input);
const target = join(values.content, article.path);
const sibling = target.replace(/\.mdx?$/, (ext) => (ext === '.md' ? '.mdx' : '.md'));
for (const existing of [target, sibling]) {
  const taken = await readFile(existing).then(() => true, () => false);
  if (taken) fail(`Стаття з цією адресою вже є: ${relative(process.cwd(), existing)}. Нічого не записано.\nЩоб виправити її, редагуйте той файл; для іншої статті дайте інший заголовок або --slug.`);
}
// Written beside the target and hard-linked into place: the link fails if the name is taken, so nothing is ever overwritten.
await mkdir(dirname(target), { recursive: true });
const temp = join(dirname(target), `.${article.slug}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
await writeFile(temp, article.text, { flag: 'wx' });
try {
  await link(temp, target);
} catch (error) {
  if ((error as NodeJS.ErrnoException).code === 'EEXIST') fail(`Стаття з цією адресою вже є: ${relative(process.cwd(), target)}. Нічого не записано.`);
  throw error;
} finally {
  await rm(temp, { force: true });
}
console.log(relative(process.cwd(), target));
