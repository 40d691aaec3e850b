import { slugify } from '#lib/text/slug.ts';
import { scoreTopics, type CompiledTaxonomy } from '#lib/archive/taxonomy.ts';
import { foldText } from '#lib/text/typography.ts';
import { countSpaceSeparatedWords } from '#lib/text/word-count.ts';
import type { TopicData } from '#lib/archive/topic-schema.ts';
import { topicFromSourceName } from './new-topics.ts';

/** Most topics an article gets: more would make every topic page a list of everything. */
export const MAX_TOPICS = 5;
/** A title match counts this many times: the headline says what the article is about. */
export const TITLE_WEIGHT = 3;
/** Words of text per required match: a long piece must mention a topic more often than a short item. */
export const WORDS_PER_REQUIRED_HIT = 250;
/** A topic must score at least this share of the best topic's score. */
export const MIN_SHARE_OF_BEST = 0.2;

export interface TopicAssignment {
  topics: string[];
  /** With `create`: the topics of `topics` that the taxonomy lacks, made from the source's names (`topicFromSourceName`), each once. */
  created: TopicData[];
  notes: string[];
}

/**
 * Topics of an article: the source's own topics that name a taxonomy topic
 * (by slug or name) first, then topics whose rules match often enough, by
 * score, up to `MAX_TOPICS`. The threshold grows with length (one match per
 * `WORDS_PER_REQUIRED_HIT` words, at least one) and with the best topic's
 * score, so topics mentioned in passing in a long piece are left out.
 * A source's topic the taxonomy lacks is reported, or with `create`
 * (`--create-topics`) becomes a new topic; only new topics among the
 * `MAX_TOPICS` kept are `created`. New topics take no part in scoring, so
 * an article's topics do not depend on the items before it.
 */
export function assignTopics(
  input: { title: string; text: string; explicit?: readonly string[] },
  taxonomy: CompiledTaxonomy,
  options: { create?: boolean } = {},
): TopicAssignment {
  const notes: string[] = [];
  const chosen: string[] = [];
  const created: TopicData[] = [];
  for (const given of input.explicit ?? []) {
    const key = foldText(given);
    let slug = taxonomy.topics.find((t) => t.slug === given.trim() || foldText(t.name) === key || t.slug === slugify(given))?.slug;
    if (slug === undefined && options.create) {
      const made = topicFromSourceName(given);
      notes.push(...made.notes);
      if (made.topic) {
        slug = made.topic.slug;
        // The cleaned name may give a slug of the taxonomy after all: that topic is meant.
        const isNew = !taxonomy.topics.some((t) => t.slug === slug) && !created.some((t) => t.slug === slug);
        if (isNew) created.push(made.topic);
      }
    } else if (slug === undefined)
      notes.push(`тему «${given}» не знайдено в topics.yaml (не додано): її створить імпорт із --create-topics`);
    if (slug !== undefined && !chosen.includes(slug)) chosen.push(slug);
  }
  if (chosen.length > MAX_TOPICS) notes.push(`джерело дає ${chosen.length} тем: залишено перші ${MAX_TOPICS}`);
  const scores = new Map<string, number>();
  for (const { slug, hits } of scoreTopics(input.title, taxonomy)) scores.set(slug, hits * TITLE_WEIGHT);
  for (const { slug, hits } of scoreTopics(input.text, taxonomy)) scores.set(slug, (scores.get(slug) ?? 0) + hits);
  const words = countSpaceSeparatedWords(input.text);
  const best = Math.max(0, ...scores.values());
  const threshold = Math.max(1, Math.ceil(words / WORDS_PER_REQUIRED_HIT), best * MIN_SHARE_OF_BEST);
  const order = taxonomy.topics.map((t) => t.slug);
  const ranked = [...scores.entries()]
    .filter(([, score]) => score >= threshold)
    .sort((a, b) => b[1] - a[1] || order.indexOf(a[0]) - order.indexOf(b[0]))
    .map(([slug]) => slug);
  for (const slug of ranked) if (!chosen.includes(slug)) chosen.push(slug);
  const topics = chosen.slice(0, MAX_TOPICS);
  return { topics, created: created.filter((topic) => topics.includes(topic.slug)), notes };
}
