import { parse as parseYaml } from 'yaml';
import { foldText } from './typography.ts';
import type { TopicData } from '../schemas/topic.ts';

/** Reads `content/topics.yaml`: a YAML list of topics. Validation is the schema's job. */
export function parseTaxonomy(text: string): TopicData[] {
  const list: unknown = parseYaml(text);
  if (!Array.isArray(list)) throw new Error('topics.yaml: очікується список тем (YAML-послідовність).');
  return list as TopicData[];
}

/** One word of a match rule: a stem that must start (`*`) or equal a word of the text. */
interface RuleWord {
  stem: string;
  prefix: boolean;
}

interface CompiledRule {
  topic: number;
  words: RuleWord[];
}

/**
 * A taxonomy ready for matching: rules indexed by the first two letters of
 * their first word, so a text is read once, word by word, whatever the
 * number of topics.
 */
export interface CompiledTaxonomy {
  topics: ReadonlyArray<{ slug: string; name: string }>;
  /** Rules by the first two letters of their first word; longer rules first. */
  byKey: ReadonlyMap<string, readonly CompiledRule[]>;
}

// Words of folded text: letters, digits and the apostrophe letter; rule words may be separated only by spaces, hyphens and dashes.
const WORD = /[\p{L}\p{N}\u02BC]+/gu;
const RULE_GAP = /^[\s\-–—]+$/u;

function keyOf(stem: string): string {
  return stem.slice(0, 2);
}

/** Compiles match rules once; reuse the result for many articles. */
export function compileTaxonomy(topics: readonly TopicData[]): CompiledTaxonomy {
  const byKey = new Map<string, CompiledRule[]>();
  topics.forEach((topic, index) => {
    for (const rule of topic.match) {
      const words = foldText(rule)
        .split(/\s+/)
        .filter(Boolean)
        .map((word) => ({ stem: word.replace(/\*$/, ''), prefix: word.endsWith('*') }));
      if (words.length === 0) continue;
      const key = keyOf(words[0]!.stem);
      byKey.set(key, [...(byKey.get(key) ?? []), { topic: index, words }]);
    }
  });
  const length = (rule: CompiledRule) => rule.words.reduce((sum, word) => sum + word.stem.length + 1, 0);
  for (const rules of byKey.values()) rules.sort((a, b) => b.words.length - a.words.length || length(b) - length(a));
  return { topics: topics.map(({ slug, name }) => ({ slug, name })), byKey };
}

export interface TopicScore {
  slug: string;
  /** Matches of all the topic's rules in the text. */
  hits: number;
}

function wordMatches(word: RuleWord, token: string): boolean {
  return word.prefix ? token.startsWith(word.stem) : token === word.stem;
}

/**
 * Every topic that matches the text at least once, with its number of
 * matches, most first (ties keep taxonomy order). A word counts once per
 * topic even when several of its rules match it (`військ*`, `військов*`);
 * a rule of several words («міністр* оборон*») takes its words together.
 */
export function scoreTopics(text: string, taxonomy: CompiledTaxonomy): TopicScore[] {
  const folded = foldText(text);
  const tokens = [...folded.matchAll(WORD)];
  const hits = new Array<number>(taxonomy.topics.length).fill(0);
  // Per topic, the first token not yet taken by one of its matches.
  const free = new Array<number>(taxonomy.topics.length).fill(0);
  tokens.forEach((token, i) => {
    for (const rule of taxonomy.byKey.get(keyOf(token[0])) ?? []) {
      if (i < free[rule.topic]! || i + rule.words.length > tokens.length) continue;
      const matched = rule.words.every((word, k) => {
        const at = tokens[i + k]!;
        if (!wordMatches(word, at[0])) return false;
        if (k === 0) return true;
        const previous = tokens[i + k - 1]!;
        return RULE_GAP.test(folded.slice(previous.index + previous[0].length, at.index));
      });
      if (!matched) continue;
      hits[rule.topic]! += 1;
      free[rule.topic] = i + rule.words.length;
    }
  });
  return taxonomy.topics
    .map((topic, order) => ({ slug: topic.slug, hits: hits[order]!, order }))
    .filter((topic) => topic.hits > 0)
    .sort((a, b) => b.hits - a.hits || a.order - b.order)
    .map(({ slug, hits: count }) => ({ slug, hits: count }));
}

/**
 * Topics whose rules match the text, ordered by how often they match
 * (ties keep taxonomy order). `minHits` drops topics mentioned in passing.
 */
export function matchTopics(text: string, taxonomy: CompiledTaxonomy, minHits = 1): string[] {
  return scoreTopics(text, taxonomy)
    .filter((topic) => topic.hits >= minHits)
    .map((topic) => topic.slug);
}
