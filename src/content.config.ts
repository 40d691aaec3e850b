import { defineCollection } from 'astro:content';
import { articlesLoader } from './loaders/articles.ts';
import { changedFile, optionalFile } from './loaders/optional-file.ts';
import { articleSchema } from '#lib/archive/article-schema.ts';
import { topicSchema } from '#lib/archive/topic-schema.ts';
import { parseTaxonomy } from '#lib/archive/taxonomy.ts';
import { authorSchema } from '#lib/archive/author-schema.ts';
import { AUTHORS_FILE, parseAuthors } from '#lib/archive/authors.ts';

/** The archive to build: `content/` unless `ARKHIV_CONTENT` names another (tests, benchmarks). */
const CONTENT_DIR = process.env.ARKHIV_CONTENT ?? './content';

/** Articles: `content/articles/<yyyy>/<mm>/<dd>/<slug>.md` or `.mdx`; the id is that path without extension. */
const articles = defineCollection({
  loader: articlesLoader({ base: `${CONTENT_DIR}/articles` }),
  schema: articleSchema,
});

/** The topic taxonomy, keyed by slug, in the order of the file. */
const topics = defineCollection({
  loader: changedFile(`${CONTENT_DIR}/topics.yaml`, {
    parser: (text) => Object.fromEntries(parseTaxonomy(text).map((topic) => [topic.slug, topic])),
  }),
  schema: topicSchema,
});

/** The people credited in bylines, keyed by slug, in the order of the file; an archive without `authors.yaml` has none. */
const authors = defineCollection({
  loader: optionalFile(`${CONTENT_DIR}/${AUTHORS_FILE}`, {
    parser: (text) => Object.fromEntries(parseAuthors(text).map((author) => [author.slug, author])),
  }),
  schema: authorSchema,
});

export const collections = { articles, topics, authors };
