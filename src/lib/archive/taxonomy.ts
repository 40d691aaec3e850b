import { parse as parseYaml } from 'yaml';
import { foldText } from '../text/typography.ts';
import type { TopicData } from './topic-schema.ts';

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
 * The rules whose first word starts with one pair of letters (see `keyOf`),
 * longer rules first: `short` are those whose first stem has at most two
 * letters, `byThird` the whole list narrowed to the rules a word with that
 * third letter can match (same order), so most words check one rule or none.
 */
interface RuleGroup {
  short: readonly CompiledRule[];
  byThird: ReadonlyMap<number, readonly CompiledRule[]>;
}

/**
 * A taxonomy ready for matching: rules indexed by the first letters of
 * their first word, so a text is read once, word by word, whatever the
 * number of topics.
 */
export interface CompiledTaxonomy {
  topics: ReadonlyArray<{ slug: string; name: string }>;
  /** Rules by the first two letters of their first word (see `keyOf`). */
  byKey: ReadonlyMap<number, RuleGroup>;
}

// Words of folded text: letters, digits and the apostrophe letter; rule words may be separated only by spaces, hyphens and dashes.
const WORD_CHARACTER = /^[\p{L}\p{N}\u02BC]$/u;
const RULE_GAP = /^[\s\-–—]+$/u;

/** The first two UTF-16 units of a word as one number (one unit for a one-unit word): the index key of a rule or a word. */
function keyOf(text: string, start = 0, end = text.length): number {
  if (end <= start) return -1;
  return end - start === 1 ? text.charCodeAt(start) : text.charCodeAt(start) * 0x10000 + text.charCodeAt(start + 1);
}

// Whether each UTF-16 unit is a word character (1) or not (2), filled in as units are met (0: not yet known).
const wordUnits = new Uint8Array(0x10000);

function isWordUnit(unit: number): boolean {
  let known = wordUnits[unit]!;
  if (known === 0) {
    known = WORD_CHARACTER.test(String.fromCharCode(unit)) ? 1 : 2;
    wordUnits[unit] = known;
  }
  return known === 1;
}

/**
 * Start and end offsets of the words of `text` (the matches of
 * `[\p{L}\p{N}\u02BC]+` with the `u` flag): a surrogate pair counts as
 * the one character it encodes, a lone surrogate as no letter.
 */
function wordBounds(text: string): { starts: number[]; ends: number[] } {
  const starts: number[] = [];
  const ends: number[] = [];
  let inWord = false;
  for (let i = 0; i < text.length;) {
    const unit = text.charCodeAt(i);
    let size = 1;
    let word: boolean;
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      size = 2;
      word = WORD_CHARACTER.test(text.slice(i, i + 2));
    } else word = unit < 0xd800 || unit > 0xdfff ? isWordUnit(unit) : false;
    if (word !== inWord) {
      (word ? starts : ends).push(i);
      inWord = word;
    }
    i += size;
  }
  if (inWord) ends.push(text.length);
  return { starts, ends };
}

/** The words of `text` as the matcher reads them (`wordBounds`), in order. */
export function taxonomyWords(text: string): string[] {
  const { starts, ends } = wordBounds(text);
  return starts.map((start, i) => text.slice(start, ends[i]));
}

/** Compiles match rules once; reuse the result for many articles. */
export function compileTaxonomy(topics: readonly TopicData[]): CompiledTaxonomy {
  const byKey = new Map<number, CompiledRule[]>();
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
  const groups = new Map<number, RuleGroup>();
  for (const [key, rules] of byKey) {
    rules.sort((a, b) => b.words.length - a.words.length || length(b) - length(a));
    const thirds = new Set(rules.filter((rule) => rule.words[0]!.stem.length > 2).map((rule) => rule.words[0]!.stem.charCodeAt(2)));
    const byThird = new Map(
      [...thirds].map(
        (third) => [third, rules.filter((rule) => rule.words[0]!.stem.length <= 2 || rule.words[0]!.stem.charCodeAt(2) === third)] as const,
      ),
    );
    groups.set(key, { short: rules.filter((rule) => rule.words[0]!.stem.length <= 2), byThird });
  }
  return { topics: topics.map(({ slug, name }) => ({ slug, name })), byKey: groups };
}

export interface TopicScore {
  slug: string;
  /** Matches of all the topic's rules in the text. */
  hits: number;
}

/** Whether the word of `text` between `start` and `end` matches a rule word. */
function wordMatches(word: RuleWord, text: string, start: number, end: number): boolean {
  const { stem } = word;
  if (word.prefix ? stem.length > end - start : stem.length !== end - start) return false;
  for (let k = 0; k < stem.length; k += 1) if (text.charCodeAt(start + k) !== stem.charCodeAt(k)) return false;
  return true;
}

/**
 * Every topic that matches the text at least once, with its number of
 * matches, most first (ties keep taxonomy order). A word counts once per
 * topic even when several of its rules match it (`військ*`, `військов*`);
 * a rule of several words («міністр* оборон*») takes its words together.
 */
export function scoreTopics(text: string, taxonomy: CompiledTaxonomy): TopicScore[] {
  const folded = foldText(text);
  const { starts, ends } = wordBounds(folded);
  const count = starts.length;
  const hits = new Array<number>(taxonomy.topics.length).fill(0);
  // Per topic, the first word not yet taken by one of its matches.
  const free = new Array<number>(taxonomy.topics.length).fill(0);
  for (let i = 0; i < count; i += 1) {
    const start = starts[i]!;
    const group = taxonomy.byKey.get(keyOf(folded, start, ends[i]!));
    if (!group) continue;
    // A first stem of three letters or more matches only a word with its third letter.
    const rules = (ends[i]! - start > 2 ? group.byThird.get(folded.charCodeAt(start + 2)) : undefined) ?? group.short;
    for (const rule of rules) {
      const { words } = rule;
      if (i < free[rule.topic]! || i + words.length > count) continue;
      let matched = true;
      for (let k = 0; k < words.length && matched; k += 1) {
        const at = i + k;
        matched =
          wordMatches(words[k]!, folded, starts[at]!, ends[at]!) && (k === 0 || RULE_GAP.test(folded.slice(ends[at - 1]!, starts[at]!)));
      }
      if (!matched) continue;
      hits[rule.topic]! += 1;
      free[rule.topic] = i + words.length;
    }
  }
  return taxonomy.topics
    .map((topic, order) => ({ slug: topic.slug, hits: hits[order]!, order }))
    .filter((topic) => topic.hits > 0)
    .sort((a, b) => b.hits - a.hits || a.order - b.order)
    .map(({ slug, hits: total }) => ({ slug, hits: total }));
}
