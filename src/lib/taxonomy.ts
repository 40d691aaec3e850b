import { parse as parseYaml } from 'yaml';
import { foldText } from './typography.ts';
import type { TopicData } from '../schemas/topic.ts';

/** Reads `content/topics.yaml`: a YAML list of topics. Validation is the schema's job. */
export function parseTaxonomy(text: string): TopicData[] {
  const list: unknown = parseYaml(text);
  if (!Array.isArray(list)) throw new Error('topics.yaml: очікується список тем (YAML-послідовність).');
  return list as TopicData[];
}

export interface CompiledTopic {
  slug: string;
  name: string;
  /** Global regular expressions, one per match rule. */
  rules: RegExp[];
}

const WORD_CHAR = '[\\p{L}\\p{N}\\u02BC]';

function compileRule(rule: string): RegExp {
  const words = foldText(rule).split(/\s+/).filter(Boolean);
  const body = words
    .map((word) => {
      const prefix = word.endsWith('*');
      const stem = (prefix ? word.slice(0, -1) : word).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      return prefix ? `${stem}${WORD_CHAR}*` : stem;
    })
    .join('[\\s\\-–—]+');
  return new RegExp(`(?<!${WORD_CHAR})${body}(?!${WORD_CHAR})`, 'gu');
}

/** Compiles match rules once; reuse the result for many articles. */
export function compileTaxonomy(topics: readonly TopicData[]): CompiledTopic[] {
  return topics.map((topic) => ({ slug: topic.slug, name: topic.name, rules: topic.match.map(compileRule) }));
}

export interface TopicScore {
  slug: string;
  /** Matches of all the topic's rules in the text. */
  hits: number;
}

/**
 * Every topic that matches the text at least once, with its number of
 * matches, most first (ties keep taxonomy order). Rules of one topic that
 * match the same words (`військ*` and `військов*`) count them once.
 */
export function scoreTopics(text: string, taxonomy: readonly CompiledTopic[]): TopicScore[] {
  const folded = foldText(text);
  const scored: Array<TopicScore & { order: number }> = [];
  taxonomy.forEach((topic, order) => {
    const ends = new Set<number>();
    for (const rule of topic.rules) {
      for (const match of folded.matchAll(rule)) ends.add(match.index + match[0].length);
    }
    if (ends.size > 0) scored.push({ slug: topic.slug, hits: ends.size, order });
  });
  return scored.sort((a, b) => b.hits - a.hits || a.order - b.order).map(({ slug, hits }) => ({ slug, hits }));
}

/**
 * Topics whose rules match the text, ordered by how often they match
 * (ties keep taxonomy order). `minHits` drops topics mentioned in passing.
 */
export function matchTopics(text: string, taxonomy: readonly CompiledTopic[], minHits = 1): string[] {
  return scoreTopics(text, taxonomy)
    .filter((topic) => topic.hits >= minHits)
    .map((topic) => topic.slug);
}
