/**
 * Ukrainian words typed in Latin letters (`Kyiv`, `Zelenskyi`, `Kharkov`),
 * read back into Cyrillic. The national transliteration of 2010 (Cabinet of
 * Ministers resolution 55) is not reversible: `y` is и or й, `i` is і, ї or
 * й, the soft sign and the apostrophe are dropped. Informal spellings add
 * more (`Zelensky`, `Zelenskiy`), and Russian-style ones carry Russian
 * sounds (`Kiev`, `Kharkov`, `Odessa`, `Dnepr`). So a Latin word gives
 * several Cyrillic spellings, cheapest first: the search page keeps the
 * first that the index holds (`query-resolution.ts`), so a spelling that
 * is no Ukrainian word costs a lookup, never a wrong result.
 *
 * Costs: 0 for the official reading of a letter, 1 for the other official
 * or common informal readings, 2 for the Russian-style correspondences
 * (Russian е and и for Ukrainian і and и, о and е for і in a closed final
 * syllable: Харков → Харків, Львов → Львів).
 */

interface Reading {
  /** Latin letters read, lower case. */
  latin: string;
  /** Cyrillic readings and their costs. */
  cyrillic: Array<[text: string, cost: number]>;
}

// Letter groups first: among spellings of equal cost, those that read a group as one letter come first.
// prettier-ignore
const READINGS: Reading[] = ([
  ['shch', [['щ', 0]]],
  ['zgh', [['зг', 0]]],
  ['kh', [['х', 0]]],
  ['zh', [['ж', 0]]],
  ['ts', [['ц', 0], ['тс', 1]]],
  ['tz', [['ц', 1]]],
  ['ch', [['ч', 0]]],
  ['sh', [['ш', 0]]],
  ['ye', [['є', 0], ['е', 1]]],
  ['yi', [['ий', 0], ['ій', 1]]],
  ['yu', [['ю', 0]]],
  ['ya', [['я', 0]]],
  ['yo', [['йо', 0], ['ьо', 1]]],
  ['ie', [['є', 0], ['іє', 0], ['ії', 1], ['иї', 2], ['иє', 2]]],
  ['iu', [['ю', 0], ['ію', 0]]],
  ['ia', [['я', 0], ['ія', 0]]],
  ['iy', [['ий', 1], ['ій', 1]]],
  ['yy', [['ий', 1]]],
  ['ii', [['ії', 0], ['ій', 0], ['ий', 1]]],
  ['a', [['а', 0]]],
  ['b', [['б', 0]]],
  ['c', [['ц', 1], ['к', 1], ['с', 1]]],
  ['d', [['д', 0]]],
  ['e', [['е', 0], ['є', 1], ['і', 2]]],
  ['f', [['ф', 0]]],
  // The system writes ґ as g, but informal and Russian-style spellings use g for г, the far more common letter.
  ['g', [['г', 0], ['ґ', 1]]],
  ['h', [['г', 0], ['х', 1]]],
  ['i', [['і', 0], ['ї', 1], ['й', 1], ['и', 2]]],
  ['j', [['й', 1], ['ж', 2]]],
  ['k', [['к', 0]]],
  ['l', [['л', 0]]],
  ['m', [['м', 0]]],
  ['n', [['н', 0]]],
  ['o', [['о', 0]]],
  ['p', [['п', 0]]],
  ['q', [['к', 1]]],
  ['r', [['р', 0]]],
  ['s', [['с', 0]]],
  ['t', [['т', 0]]],
  ['u', [['у', 0]]],
  ['v', [['в', 0]]],
  ['w', [['в', 1]]],
  ['x', [['кс', 1]]],
  ['y', [['и', 0], ['й', 0]]],
  ['z', [['з', 0]]],
  ["'", [['ʼ', 0], ['', 0]]],
] as const).map(([latin, cyrillic]) => ({ latin, cyrillic: cyrillic.map(([text, cost]) => [text, cost]) }));

const VOWEL = /[aeiouy]/;

/** Letter groups that the transliteration never splits: `kh` is х, never кг (к and г are written `k` and `h`, зг is `zgh`). */
const FIRM = ['shch', 'zgh', 'kh', 'zh', 'ch', 'sh'];

/** Consonants after which Ukrainian writes a soft sign that the transliteration drops (Львів → Lviv, український → ukrainskyi). */
const SOFTENED = /^(?:s|z|l|n|t|d|ts)$/;

/** The most spellings a word gives; the cheapest are kept. */
export const MAX_SPELLINGS = 24;
/** Partial spellings kept at each letter while reading. */
const BEAM = 64;

interface Spelling {
  text: string;
  cost: number;
}

/** Whether `at` is a closed final syllable's vowel: one consonant follows, then the word ends (Kharkov, Lvov). */
function closedFinal(word: string, at: number): boolean {
  return at === word.length - 2 && !VOWEL.test(word[at + 1]!);
}

/** The readings of the letters at `at`: how many letters each consumes, its Cyrillic text and cost. */
function readingsAt(word: string, at: number): Array<{ length: number; text: string; cost: number }> {
  const out: Array<{ length: number; text: string; cost: number }> = [];
  const firm = FIRM.find((group) => word.startsWith(group, at))?.length ?? 0;
  // A word-initial `yi` is ї (Yizhakevych), as `ye`, `yu`, `ya` are є, ю, я.
  if (at === 0 && word.startsWith('yi')) out.push({ length: 2, text: 'ї', cost: 0 });
  for (const { latin, cyrillic } of READINGS) {
    if (latin.length < firm || !word.startsWith(latin, at)) continue;
    const next = word[at + latin.length];
    const softened = SOFTENED.test(latin) && next !== undefined && next !== "'" && !VOWEL.test(next);
    for (const [text, cost] of cyrillic) {
      out.push({ length: latin.length, text, cost });
      // Before k the soft sign is the rule (-ський, -цький), elsewhere a guess.
      if (softened) out.push({ length: latin.length, text: `${text}ь`, cost: next === 'k' ? 0 : 1 });
    }
    if ((latin === 'o' || latin === 'e') && closedFinal(word, at)) {
      out.push({ length: 1, text: 'і', cost: 2 });
      // After a vowel that і is written ї (Nikolaev → Миколаїв).
      if (at > 0 && VOWEL.test(word[at - 1]!)) out.push({ length: 1, text: 'ї', cost: 2 });
    }
    // A doubled consonant of a Russian-style spelling is single in Ukrainian (Odessa → Одеса).
    if (latin.length === 1 && !VOWEL.test(latin) && next === latin) out.push({ length: 2, text: cyrillic[0]![0], cost: 1 });
  }
  return out;
}

/**
 * The Cyrillic spellings a Latin word may stand for, cheapest first, at most
 * `MAX_SPELLINGS`; none for a word with anything but Latin letters and the
 * apostrophe. Spellings are lower case.
 */
export function cyrillicSpellings(word: string): string[] {
  const latin = word.toLowerCase();
  if (!/^[a-z][a-z']*$/.test(latin)) return [];
  // partials[i]: spellings of the first i letters.
  const partials: Spelling[][] = Array.from({ length: latin.length + 1 }, () => []);
  partials[0]!.push({ text: '', cost: 0 });
  for (let at = 0; at < latin.length; at++) {
    const here = partials[at]!.sort((a, b) => a.cost - b.cost).slice(0, BEAM);
    if (here.length === 0) continue;
    for (const { length, text, cost } of readingsAt(latin, at))
      for (const partial of here) partials[at + length]!.push({ text: partial.text + text, cost: partial.cost + cost });
  }
  const best = new Map<string, number>();
  for (const { text, cost } of partials[latin.length]!.sort((a, b) => a.cost - b.cost)) if (text && !best.has(text)) best.set(text, cost);
  return [...best.keys()].slice(0, MAX_SPELLINGS);
}
