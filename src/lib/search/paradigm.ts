import { isEnding, ENDINGS, VERB_ENDINGS } from './stem.ts';

/**
 * Which words are forms of a query word (its paradigm), without a
 * dictionary: a form is one of the word's roots plus one inflectional ending
 * (`stem.ts`), where the roots are the word's own and those that Ukrainian
 * inflection alternates it with:
 *
 * - the і of the last, closed syllable of the form with no ending against о
 *   (є when it is ї after a vowel; е, rarer, only read backwards) in the
 *   other forms: `Львів`/`Львова`, `Київ`/`Києві`, `рік`/`року`,
 *   `школа`/`шкіл`, `село`/`сіл`;
 * - к, г, х against ц, з, с before the dative and locative `-і`:
 *   `бібліотека`/`бібліотеці`, `нога`/`нозі`, `муха`/`мусі`, `рік`/`році`;
 * - a vowel that only the form with no ending has: `кінець`/`кінця`,
 *   `порядок`/`порядку`, `вітер`/`вітру`, `річка`/`річок`;
 * - suffixes: `-ість`/`-ості`, `-ння`/`-нь`, and the doubled consonant of
 *   the instrumental `-ю` (`зустріччю`).
 *
 * A longer word made from the root with a suffix (`львівський`, `Іванна`,
 * `бібліотекар`) is another word: its remainder after the root is no ending.
 * The rules over-generate roots that no word has (`проблім`); such a root
 * matches nothing, and `alternatingPrefixes` asks Pagefind for the likely ones only.
 *
 * Words are compared as Pagefind folds them (`foldLikePagefind`: ї → і, й → и,
 * no hyphens), since that is how both the query and the index are searched.
 */

/** Pagefind compares words without diacritics (ї → і, й → и) and without hyphens. */
export function foldLikePagefind(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').replace(/-/g, '').normalize('NFC');
}

/** One root of a paradigm and which endings it takes. */
export interface ParadigmRoot {
  root: string;
  /**
   * `any`: every inflectional ending, or none; `zero`: the word is the root
   * itself, or the root plus the soft sign (the nominative of `Львів`, `кінець`, the
   * genitive plural `шкіл`); `i`: only the ending `-і` (`бібліотеці`); `iotated`: a root that ends in a
   * vowel, only the endings after one (`врожа-ю`, `збро-єю`, `Микола-єві` of `Миколай`, never `Микола`).
   */
  takes: 'any' | 'zero' | 'i' | 'iotated';
  /** A root too rarely right to cost a Pagefind search of its own (`alternatingPrefixes`). */
  unasked?: true;
}

/** The forms of one query word: any of its roots with an ending that root takes. */
export interface Paradigm {
  word: string;
  /** Whether the word has a verb ending: only then are other verb endings its forms. */
  verb: boolean;
  roots: ParadigmRoot[];
}

const VOWELS = 'аеєиіїоуюя';
const isVowel = (letter: string | undefined) => letter !== undefined && VOWELS.includes(letter);
const vowelCount = (chars: readonly string[]) => chars.filter((c) => isVowel(c)).length;

/** Fewest letters a paradigm root keeps: two-letter roots (`дн` of `дня`) are too ambiguous to compare. */
const MIN_ROOT = 3;

const FOLDED_ENDINGS = [...new Set(ENDINGS.map(foldLikePagefind))].sort((a, b) => b.length - a.length);
const FOLDED_ENDING_SET = new Set(FOLDED_ENDINGS);

/**
 * The uncontracted adjective endings of folk songs (`сивая`, `синяя`): today
 * the tail `-ая` is a noun's in `-ай` (`Миколай`/`Миколая`, another name
 * than `Микола`), never a form of a word whose root takes endings directly.
 */
const UNCONTRACTED = new Set(['ая', 'яя']);

/** Whether `tail` is an inflectional ending (or nothing), compared as Pagefind folds words. */
function isFoldedEnding(tail: string): boolean {
  return tail === '' || ((FOLDED_ENDING_SET.has(tail) || isEnding(tail)) && !UNCONTRACTED.has(tail));
}

const letters = (text: string) => [...text].length;

/**
 * The roots a word may have: the word without its reflexive postfix and
 * without each inflectional ending it ends with, keeping at least `MIN_ROOT`
 * letters (`харкові` is `харк-ові` or `харков-і`), with the ending each leaves.
 */
function ownRoots(word: string): Array<{ root: string; ending: string; iotated?: true }> {
  let rest = word;
  for (const postfix of ['ся', 'сь']) {
    if (rest.endsWith(postfix) && letters(rest) - 2 > MIN_ROOT) rest = rest.slice(0, -2);
  }
  // A root ends in a consonant, or in the і of -ія nouns (організаці-я): водо-ю is no reading of водою.
  const readings: Array<{ root: string; ending: string; iotated?: true }> = FOLDED_ENDINGS.filter(
    (e) => rest.endsWith(e) && letters(rest) - letters(e) >= MIN_ROOT && !/[аеєиоуюя]$/.test(rest.slice(0, -e.length)),
  ).map((ending) => ({ root: rest.slice(0, -ending.length), ending }));
  // A stem in -й (врожай, Китай, музей) or a noun in -я after a vowel (зброя, мрія): after the vowel the endings begin
  // with я, ю, є, ї (і when folded), and the form with no ending ends in й (и when folded): врожа-ю, врожа-єм, врожа-ї,
  // врожа-й, збро-я, збро-єю. Read beside a reading with a consonant stem (`зброї` is no adjective збр-ої), except the
  // folded й of the form with no ending, which the consonant readings' endings already hold (люд-ей, not люде-й).
  const iotated = IOTATED_ENDINGS.find(
    (e) =>
      rest.endsWith(e) &&
      letters(rest) - letters(e) >= MIN_ROOT &&
      /[аеоуі]$/.test(rest.slice(0, -e.length)) &&
      (e !== 'и' || readings.length === 0),
  );
  if (iotated) readings.push({ root: rest.slice(0, -iotated.length), ending: iotated, iotated: true });
  return readings.length > 0 ? readings : [{ root: rest, ending: '' }];
}

/** Endings after a root that ends in a vowel, as Pagefind folds them (ї → і, й → и), longest first. */
const IOTATED_ENDINGS = ['ями', 'єві', 'ям', 'ях', 'єм', 'єю', 'ів', 'ю', 'я', 'є', 'і', 'и'];
const IOTATED_ENDING_SET = new Set(IOTATED_ENDINGS);

/** Consonants that alternate before the dative and locative `-і`, both ways. */
const BEFORE_I: Record<string, string> = { к: 'ц', г: 'з', х: 'с', ц: 'к', з: 'г', с: 'х' };

/**
 * `-ець`, `-ок`, `-ень`, `-ер`, `-ель` lose their vowel before an ending, and the genitive plural of
 * `-ка`, `-на`, `-ра`, `-ля` gains one (`річок`, `весен`, `сестер`, `земель`): the consonant that follows
 * the vowel, and the vowel.
 */
const FLEETING: Record<string, string> = { ц: 'е', к: 'о', н: 'е', р: 'е', л: 'е' };

/** Adjective endings: adjectives keep к, г, х before `-і` (`дорогий`: `дорогій`, not `дорозі`). */
const ADJECTIVE_ENDINGS = new Set(['ии', 'іи', 'ого', 'ому', 'им', 'ім', 'их', 'іх', 'ими', 'іми', 'ої', 'ую', 'ая']);

/** Verb endings: a noun or adjective query accepts none of them (`місті` is not `містить`). */
const VERB_ENDING_SET = new Set(VERB_ENDINGS.map(foldLikePagefind));

/**
 * Nouns of persons in `-ник`, `-чик`, `-щик` take `-ові`, `-у` in the
 * locative, never `-ці`: `учасниці` is the feminine `учасниця`, another word.
 */
const PERSON_SUFFIX = /(?:ник|чик|щик)$/;

/** Endings of the soft masculine stems (`Тернополя`, `Тернополю`, `Тернополі`, `Тернополем`). */
const SOFT_ENDINGS = new Set(['я', 'ю', 'і', 'ем']);

/**
 * Whether the о, є or е at `v` of a stem read off a form with an ending may be
 * the і of the form with none. In stems of up to two syllables, always
 * (`Львова`, `школа`); longer stems rarely alternate (допомога/допомог, not
 * допоміг, a verb), and each root costs a search, except where the rule is
 * the word's own: є after a vowel is the ї of `Миколаїв`/`Миколаєва` (as of
 * `Київ`/`Києва`), and the place names in `-піль` have `-пол-` before a soft
 * ending (`Тернопіль`/`Тернополя`, `Бориспіль`/`Борисполі`); `Маріуполь` keeps its о, and the root
 * `маріупіл` it is given matches no word.
 */
function alternatesBack(chars: readonly string[], v: number, ending: string): boolean {
  if (vowelCount(chars) <= 2) return true;
  if (chars[v] === 'є') return isVowel(chars[v - 1]);
  return chars[v] === 'о' && chars[v - 1] === 'п' && chars[v + 1] === 'л' && SOFT_ENDINGS.has(ending);
}

/**
 * The stem of the forms with an ending, read off a form with no ending
 * (`zeroForm`), and the root a form with an ending gives to the form with
 * none (`ending`: the ending it was read off). The і of a last closed
 * syllable that only the form with no ending has alternates with о (є when
 * it is ї after a vowel: Київ/Києва). Read forwards its partner е (піч/печі)
 * is left out: a prefix such as `рек` (of `рік`) would fill the results with
 * unrelated words. A vowel between the last two consonants may be fleeting:
 * `кінець`/`кінця`, `порядок`/`порядку`.
 */
function vowelAlternations(root: string, zeroForm: boolean, ending = ''): ParadigmRoot[] {
  const found: ParadigmRoot[] = [];
  const chars = [...root];
  const last = chars.length - 1;
  let v = last;
  while (v >= 0 && !isVowel(chars[v])) v--;
  if (v > 0 && v < last) {
    const head = chars.slice(0, v).join('');
    const tail = chars.slice(v + 1).join('');
    const vowel = chars[v]!;
    if (zeroForm && vowel === 'і') {
      found.push({ root: head + (isVowel(chars[v - 1]) ? 'є' : 'о') + tail, takes: 'any' });
    } else if (zeroForm && tail.length === 1 && FLEETING[tail] === vowel && !isVowel(chars[v - 1])) {
      found.push({ root: head + tail, takes: 'any' });
    } else if (!zeroForm && tail.length === 1 && (vowel === 'о' || vowel === 'є' || vowel === 'е') && alternatesBack(chars, v, ending)) {
      // Львов- → Львів, школ- → шкіл: the і stands only in the form with no ending.
      // е → і (села/сіл, печі/піч) is rarer, and read backwards it makes a word of every -ем, -ет (проблем/проблім):
      // it counts as a form but is not asked of Pagefind.
      found.push({ root: `${head}і${tail}`, takes: 'zero', ...(vowel === 'е' ? { unasked: true } : {}) });
    }
  }
  const end = chars[last]!;
  // кінц- → кінець, порядк- → порядок, річк- → річок: the form with no ending has the fleeting vowel.
  if (!zeroForm && FLEETING[end] && !(end === 'ц' && ending === 'і') && last > 0 && !isVowel(chars[last - 1]) && chars[last - 1] !== 'ь') {
    found.push({ root: chars.slice(0, last).join('') + FLEETING[end] + end, takes: 'zero' });
  }
  return found;
}

/**
 * к, г, х of a stem turn into ц, з, с before `-і` (бібліотека/бібліотеці,
 * рік/році); a stem read off such a form (`ending` `-і`) has к, г, х in every
 * other form. Before any other ending ц, з, с are the word's own (танцю).
 */
function consonantAlternation(stem: string, ending: string): ParadigmRoot | null {
  const end = stem.at(-1)!;
  const partner = BEFORE_I[end];
  if (!partner || PERSON_SUFFIX.test(stem)) return null;
  if ('кгх'.includes(end)) return { root: stem.slice(0, -1) + partner, takes: 'i' };
  return ending === 'і' ? { root: stem.slice(0, -1) + partner, takes: 'any' } : null;
}

/**
 * Alternations of noun suffixes: `-ість` has о in the forms with `-і` and
 * plural endings (незалежність/незалежності), and a doubled consonant before
 * `-я` is single before the `-ь` of the genitive plural (рішення/рішень,
 * століття/століть).
 */
function suffixAlternations(root: string, ending: string): ParadigmRoot[] {
  const found: ParadigmRoot[] = [];
  // Only from the forms that show the suffix: -ість, -істю (журналіст-ів is another suffix), -ості, -остей, -остям.
  const long = letters(root) > 4;
  if (long && root.endsWith('іст') && (ending === 'ь' || ending === 'ю')) found.push({ root: `${root.slice(0, -3)}ост`, takes: 'any' });
  if (long && root.endsWith('ост') && ending !== '') found.push({ root: `${root.slice(0, -3)}іст`, takes: 'any' });
  const chars = [...root];
  const last = chars.at(-1)!;
  // Nouns of the -ння, -ття kind have two syllables before the doubled consonant at least (рішення; Ганна/Ганн is no such noun).
  if (last === chars.at(-2) && !isVowel(last) && vowelCount(chars) >= 2)
    found.push({ root: `${chars.slice(0, -1).join('')}ь`, takes: 'zero' });
  return found;
}

/** Consonants doubled before the instrumental `-ю` of a noun with no ending in the nominative (зустріччю, галуззю). */
const DOUBLING = 'жчшщзсцдтлнр';

/** The paradigm of one query word (any case, as typed or as `foldText` leaves it). */
export function paradigmOf(word: string): Paradigm {
  const folded = foldLikePagefind(word.toLowerCase());
  const readings = ownRoots(folded);
  // A word that ends in a consonant may be the zero-ending form whatever its end looks like (Львів, not Льв-ів).
  if (!isVowel([...folded].at(-1)) && folded.at(-1) !== 'ь' && !readings.some((r) => r.ending === '')) {
    readings.push({ root: folded, ending: '' });
  }
  const roots: ParadigmRoot[] = [];
  let verb = false;
  for (const { root, ending, iotated } of readings) {
    verb ||= VERB_ENDING_SET.has(ending);
    if (iotated) {
      roots.push({ root, takes: 'iotated' });
      continue;
    }
    roots.push({ root, takes: 'any' });
    const alternates = !ADJECTIVE_ENDINGS.has(ending) && !VERB_ENDING_SET.has(ending);
    if (ending === '' || ending === 'ь') {
      const vowels = vowelAlternations(root, true);
      roots.push(...vowels);
      // The forms with an ending are built on the alternated stem (рік → рок- → році), or on the root itself.
      const consonant = alternates ? consonantAlternation(vowels[0]?.root ?? root, '') : null;
      if (consonant) roots.push(consonant);
      if (alternates) roots.push(...suffixAlternations(root, ending));
    } else {
      // році → рок- → рік: the consonant first, then the vowel of the form with no ending.
      const consonant = alternates ? consonantAlternation(root, ending) : null;
      if (consonant) roots.push(consonant);
      roots.push(...vowelAlternations(root, false, ending), ...(alternates ? suffixAlternations(root, ending) : []));
      if (consonant?.takes === 'any') roots.push(...vowelAlternations(consonant.root, false));
    }
  }
  const seen = new Set<string>();
  return {
    word: folded,
    verb,
    roots: roots.filter((r) => letters(r.root) >= MIN_ROOT && !seen.has(`${r.root} ${r.takes}`) && seen.add(`${r.root} ${r.takes}`)),
  };
}

/** Whether a word (any case) is a form of the paradigm's word. */
export function inParadigm(word: string, paradigm: Paradigm): boolean {
  const folded = foldLikePagefind(word.toLowerCase());
  if (folded === paradigm.word) return true;
  return paradigm.roots.some(({ root, takes }) => {
    if (!folded.startsWith(root)) return false;
    const tail = folded.slice(root.length);
    if (tail === `${root.at(-1)}ю` && DOUBLING.includes(root.at(-1)!)) return true;
    if (takes === 'zero') return tail === '' || tail === 'ь';
    if (takes === 'i') return tail === 'і';
    if (takes === 'iotated') return IOTATED_ENDING_SET.has(tail);
    return isFoldedEnding(tail) && (paradigm.verb || !VERB_ENDING_SET.has(tail));
  });
}

/**
 * Fewest letters of a prefix asked besides the stem: a root of three letters
 * (`рук` of `руці`, `рок` of `року`) is asked, but a word of three letters with
 * no ending (`від` of `водою`, `ніг` of `нозі`) is not, since as a prefix it
 * finds far more unrelated words than forms.
 */
const MIN_PREFIX = 3;
const MIN_ZERO_PREFIX = 4;

/**
 * Prefixes that Pagefind must be asked for besides the word's stem, so that
 * the forms with an alternating root are found (`Львова` does not begin with
 * `львів`; `Києві`, kept whole, does not find `Києва`): the roots that do not
 * begin with `stem`. A root that takes only `-і` is asked with it
 * (`бібліотеці`): its prefix alone finds no other form.
 */
export function alternatingPrefixes(word: string, stem: string): string[] {
  const folded = foldLikePagefind(stem);
  const prefixes = paradigmOf(word)
    .roots.filter(({ root, takes, unasked }) => !unasked && letters(root) >= (takes === 'zero' ? MIN_ZERO_PREFIX : MIN_PREFIX))
    .map(({ root, takes }) => (takes === 'i' ? `${root}і` : root))
    .filter((prefix) => !prefix.startsWith(folded));
  return [...new Set(prefixes)];
}
