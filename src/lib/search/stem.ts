/**
 * Query-side stemming for Ukrainian. Pagefind has no Ukrainian stemmer but
 * matches every query word as a prefix of indexed words, so cutting the
 * inflectional ending off a typed word (`Казахстані` → `казахстан`) finds
 * every form of it (`Казахстан`, `Казахстану`, `Казахстаном`).
 *
 * The rules only strip endings; they never guess a lemma. A stem keeps at
 * least `MIN_STEM` letters (one fewer after a three-letter ending), so short
 * words (`Київ`, `мир`, `рік`) stay whole instead of becoming prefixes of
 * hundreds of unrelated words.
 */

/** Fewest letters a stem keeps: shorter prefixes match too many unrelated words. */
export const MIN_STEM = 4;

/** Reflexive postfixes of verbs and participles, removed before the ending. */
const REFLEXIVE = ['ся', 'сь'];

/** Endings of verbs: infinitive, present, past, adverbial participles (after `foldText`). */
export const VERB_ENDINGS: readonly string[] = [
  'ючи',
  'учи',
  'вши',
  'ти',
  'ть',
  'ємо',
  'емо',
  'имо',
  'їмо',
  'єте',
  'ете',
  'ите',
  'їте',
  'еш',
  'єш',
  'иш',
  'їш',
  'уть',
  'ють',
  'ать',
  'ять',
  'ить',
  'їть',
];

/**
 * Inflectional endings of nouns, adjectives, pronouns, participles and verbs,
 * after `foldText` (lower case). The longest ending that leaves a long enough stem wins.
 */
export const ENDINGS = [
  // adjectives and participles
  'ього',
  'ьому',
  'ого',
  'ому',
  'ими',
  'іми',
  'ий',
  'ій',
  'ї',
  'им',
  'ім',
  'их',
  'іх',
  'ої',
  'ою',
  'ую',
  'юю',
  'ая',
  'яя',
  'еє',
  // nouns
  'ами',
  'ями',
  'ові',
  'еві',
  'єві',
  'ах',
  'ях',
  'ам',
  'ям',
  'ом',
  'ем',
  'єм',
  'ею',
  'єю',
  'ів',
  'їв',
  'ей',
  // the instrumental plural of люди, діти, гроші, коні: людьми, дітьми, грошима, кіньми
  'ьми',
  'има',
  // verbs: infinitive, present, past, adverbial participles
  ...VERB_ENDINGS,
  // single vowels and the soft sign
  'а',
  'я',
  'о',
  'е',
  'є',
  'у',
  'ю',
  'і',
  'и',
  'ь',
].sort((a, b) => b.length - a.length);

const ENDING_SET = new Set(ENDINGS);

/** Whether `tail` is one inflectional ending (or nothing), as a word's remainder after its stem. */
export function isEnding(tail: string): boolean {
  return tail === '' || ENDING_SET.has(tail);
}

/**
 * Before the dative and locative `-і`, г alternates with з (допомога → допомозі),
 * so the prefix stops before the з. к → ц and х → с alternate too, but ц and с
 * before `-і` are far more often the word's own (вулиці, класі): measured, cutting
 * them costs more precision than it gains recall.
 */
const ALTERNATING_BEFORE_I = /з$/;

const CYRILLIC_WORD = /^[\u0400-\u04FF\u02BC]+$/;

function letters(text: string): number {
  return [...text].length;
}

/**
 * The prefix to search for one folded word. Words with digits or Latin letters,
 * and words too short to lose an ending, come back unchanged.
 */
export function stemWord(word: string, minStem = MIN_STEM): string {
  if (!CYRILLIC_WORD.test(word)) return word;
  let stem = word;
  const postfix = REFLEXIVE.find((p) => stem.endsWith(p));
  if (postfix && letters(stem) - postfix.length > minStem) stem = stem.slice(0, -postfix.length);
  // Only the longest ending counts: a shorter one would cut a word in the middle of its ending (водою → водо).
  const ending = ENDINGS.find((e) => stem.endsWith(e));
  if (!ending) return stem;
  let rest = stem.slice(0, -ending.length);
  // A word long enough to carry a three-letter ending has a real root of three letters (учнями → учн).
  if (letters(rest) < minStem - (ending.length >= 3 ? 1 : 0)) return stem;
  // Alternating consonants are ambiguous, so the prefix stops before them.
  if (ending === 'і' && ALTERNATING_BEFORE_I.test(rest) && letters(rest) > minStem) rest = rest.slice(0, -1);
  // -нн- of the singular loses one н in the genitive plural (відключення → відключень).
  if (/нн$/.test(rest)) rest = rest.slice(0, -1);
  return rest;
}
