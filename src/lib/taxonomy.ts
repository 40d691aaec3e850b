import { parse as parseYaml } from 'yaml';
import { foldText } from './typography.ts';
import type { TopicData } from '../schemas/topic.ts';

/** Reads `content/topics.yaml`: a YAML list of topics. Validation is the schema's job. */
export function parseTaxonomy(text: string): TopicData[] {
  const list: unknown = parseYaml(text);
  if (!Array.isArray(list)) throw new Error('topics.yaml: очікується список тем (YAML-послідовність).');
  return list as TopicData[];
}

interface CompiledTopic {
  slug: string;
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
  return new RegExp(`(?<!${WORD_CHAR})${body}(?!${WORD_CHAR})`, 'u');
}

/** Compiles match rules once; reuse the result for many articles. */
export function compileTaxonomy(topics: readonly TopicData[]): CompiledTopic[] {
  return topics.map((topic) => ({ slug: topic.slug, rules: topic.match.map(compileRule) }));
}

/**
 * Topics whose rules match the text, ordered by how often they match
 * (ties keep taxonomy order). `minHits` drops topics mentioned in passing.
 */
export function matchTopics(text: string, taxonomy: readonly CompiledTopic[], minHits = 1): string[] {
  const folded = foldText(text);
  const scored: Array<{ slug: string; hits: number; order: number }> = [];
  taxonomy.forEach((topic, order) => {
    let hits = 0;
    for (const rule of topic.rules) {
      const global = new RegExp(rule.source, 'gu');
      hits += folded.match(global)?.length ?? 0;
    }
    if (hits >= minHits) scored.push({ slug: topic.slug, hits, order });
  });
  return scored.sort((a, b) => b.hits - a.hits || a.order - b.order).map((t) => t.slug);
}
