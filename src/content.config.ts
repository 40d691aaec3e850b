import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { articleSchema } from './schemas/article.ts';
import { topicSchema } from './schemas/topic.ts';
import { parseTaxonomy } from './lib/taxonomy.ts';

/** The archive to build: `content/` unless `ARKHIV_CONTENT` names another (tests, benchmarks). */
const CONTENT_DIR = process.env.ARKHIV_CONTENT ?? './content';

/** Articles: `content/articles/<yyyy>/<mm>/<dd>/<slug>.md` or `.mdx`; the id is that path without extension. */
const articles = defineCollection({
  loader: glob({
    base: `${CONTENT_DIR}/articles`,
    pattern: '**/*.{md,mdx}',
    generateId: ({ entry }) => entry.replace(/\.mdx?$/, ''),
  }),
  schema: articleSchema,
});

/** The topic taxonomy, keyed by slug, in the order of the file. */
const topics = defineCollection({
  loader: file(`${CONTENT_DIR}/topics.yaml`, {
    parser: (text) => Object.fromEntries(parseTaxonomy(text).map((topic) => [topic.slug, topic])),
  }),
  schema: topicSchema,
});

export const collections = { articles, topics };
