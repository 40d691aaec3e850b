import { normalizeText } from '#lib/text/typography.ts';
import { slugify, SLUG_PATTERN } from '#lib/text/slug.ts';
import { ARTICLE_COMPONENTS, ARTICLE_MODULE } from '#lib/archive/article-components.ts';
import { articlePath, serializeArticle, type ArticleFrontMatter } from '#lib/archive/article-file.ts';
import { articleId } from './ingest/prepare-item.ts';
import { PLACEHOLDER_MARK } from './check/placeholder.ts';

/**
 * What `npm run new` writes: the path and text of a new article from the
 * contributor's answers, in the format the ingest writes (same field order,
 * same id rule, same slug). Pure: the CLI checks the file system.
 */
export interface NewArticleInput {
  title: string;
  /** `YYYY-MM-DD`. */
  date: string;
  topics: string[];
  summary?: string;
  mdx: boolean;
  /** Overrides the slug made from the title. */
  slug?: string;
}

export interface NewArticle {
  /** Relative to the content folder: `articles/2022/01/11/slug.md`. */
  path: string;
  text: string;
  slug: string;
}

export const SUMMARY_PLACEHOLDER = `${PLACEHOLDER_MARK} одне-два речення про головне.`;
export const BODY_PLACEHOLDER = `${PLACEHOLDER_MARK} текст статті. Абзаци відділяйте порожнім рядком.`;

/** Problems with the answers, each a full sentence; empty when the article can be written. */
export function validateNewArticle(input: NewArticleInput, knownTopics: ReadonlySet<string>, today: string): string[] {
  const errors: string[] = [];
  if (!normalizeText(input.title)) errors.push('Заголовок порожній: вкажіть --title "Заголовок статті".');
  else if (!(input.slug ?? slugify(input.title)))
    errors.push('Із заголовка не виходить адреса (у ньому немає літер чи цифр): додайте --slug latynytseiu.');
  if (input.slug !== undefined && !SLUG_PATTERN.test(input.slug))
    errors.push(`Слаг «${input.slug}» не годиться: лише малі латинські літери, цифри й дефіси.`);
  const date = new Date(`${input.date}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.date) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== input.date)
    errors.push(`Дата «${input.date}» не існує: вкажіть --date рррр-мм-дд.`);
  else if (input.date > today) errors.push(`Дата ${input.date} ще не настала: архів містить лише опубліковане.`);
  const unknown = input.topics.filter((topic) => !knownTopics.has(topic));
  if (unknown.length > 0)
    errors.push(`Немає таких тем у content/topics.yaml: ${unknown.join(', ')}. Доступні: ${[...knownTopics].join(', ')}.`);
  return errors;
}

export function newArticle(input: NewArticleInput): NewArticle {
  const title = normalizeText(input.title).replace(/\.$/, '');
  const slug = input.slug ?? slugify(title);
  const summary = input.summary ? normalizeText(input.summary) : SUMMARY_PLACEHOLDER;
  // The ingest hashes the normalised text an article is first written with; a new article starts with its title and lead.
  const data: ArticleFrontMatter = {
    title,
    date: input.date,
    topics: input.topics,
    summary,
    id: articleId(`${title}\n\n${input.date}\n\n${summary}`),
  };
  const imports = `import { ${Object.keys(ARTICLE_COMPONENTS).join(', ')} } from '${ARTICLE_MODULE}';\n\n`;
  const body = `${input.mdx ? imports : ''}${BODY_PLACEHOLDER}\n`;
  return { path: articlePath(input.date, slug, input.mdx ? 'mdx' : 'md'), text: serializeArticle(data, body), slug };
}
