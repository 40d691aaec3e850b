import { foldText } from '#lib/text/typography.ts';

/**
 * Signals that decide whether paragraphs of one-paragraph-per-line text
 * tell one story: key words (crudely stemmed content words and acronyms),
 * anaphoric openings («Він», «Президент також»), and headline shape.
 * See docs/ingest.md for the rule built on them.
 */

/** Longest line still read as a headline or subheading. */
export const HEADLINE_MAX_CHARS = 160;
export const HEADLINE_MAX_WORDS = 20;

const VOWEL_ENDING = /[аеєиіїоуюяйь]+$/u;
const ACRONYM = /^[A-ZА-ЩЬЮЯЄІЇҐ]{2,6}$/u;

/** Inflected forms share a stem: endings (vowels, й, ь) are cut, then the first six letters kept. */
function stem(word: string): string {
  return word.replace(VOWEL_ENDING, '').slice(0, 6);
}

// Words that every kind of news shares; they say nothing about which story a paragraph belongs to.
const COMMON_WORDS = `україна україни україні україну українці українців український українська українські
  країна країни країні країну державі держава року році роки років також тільки більше після через
  може можуть можна потрібно серед проти коли завдяки однак раніше сьогодні зараз наразі нині тепер
  заявив заявила заявили повідомив повідомила повідомили повідомляє зазначив зазначила наголосив сказав
  говорить кажуть вважає вважають щодо навіть лише вони своїх свої свою своїм його буде будуть були було
  бути цього цьому цієї тому який яка яке які якого яких якій тисяч тисячі мільйон мільйонів гривень
  області регіону міста місті людей людина час часу питання питань роботи роботу процес частина
  понад майже близько деякі інших інші іншим перший перша першого новий нова нового великий велика
  зокрема особливо активно разом окрім крім ніж також`;
const COMMON_STEMS = new Set(COMMON_WORDS.split(/\s+/).filter(Boolean).map(stem));

/** Content words of a text as stems, plus acronyms (ОДКБ, РФ) as they are. */
export function keyWords(text: string): Set<string> {
  const words = new Set<string>();
  for (const token of text.normalize('NFC').split(/[^\p{L}\p{N}'ʼ’]+/u)) {
    if (ACRONYM.test(token)) {
      words.add(token.toLowerCase());
      continue;
    }
    const word = foldText(token).replace(/['ʼ’]/g, '');
    if (word.length < 5 || !/^\p{L}+$/u.test(word)) continue;
    const key = stem(word);
    if (key.length >= 4 && !COMMON_STEMS.has(key)) words.add(key);
  }
  return words;
}

// Pronouns and demonstratives point back to something said before, wherever they stand in the first words.
const ANAPHORS = new Set(
  `він вона воно вони його її їх їхній їхня їхнє їхні їхню їхнього їхньої їхніх йому їй їм ним нею ними
  це ця цей ці цього цієї цьому цим цією цих цю той те ті`
    .split(/\s+/)
    .filter(Boolean),
);
// Connectives continue a story only as the first word; «також» also after the subject («Президент також…»).
const CONNECTIVES = new Set(
  `також тому тоді там тут водночас натомість однак проте втім але отже відтак згодом пізніше
  нагадаємо зазначимо додамо зокрема причому а і й та`
    .split(/\s+/)
    .filter(Boolean),
);
// «Цього тижня» and «цей рік» point at the calendar, not at the previous paragraph.
const TIME_WORDS = /^(?:тижн|рок|рік|дня|день|місяц|вечор|ранк|раз|понеділ|вівтор|серед|четвер|пʼятниц|субот|неділ)/u;

/**
 * True when a paragraph cannot stand alone because its first words refer
 * back: a dialogue dash, a pronoun or demonstrative among the first three words («Він…»,
 * «Їхню місію…», «Про це…»), a connective as the first word («Однак…»), or
 * «також» after the subject («Президент також…»).
 */
export function startsWithReference(paragraph: string): boolean {
  // Direct speech (a dialogue dash) belongs to the story that quotes it.
  if (/^[—–-]\s/u.test(paragraph.trim())) return true;
  const words = foldText(paragraph)
    .replace(/^[«„"'(—–\-\s]+/u, '')
    .split(/[^\p{L}ʼ]+/u)
    .filter(Boolean)
    .slice(0, 3);
  return words.some((word, index) => {
    if (ANAPHORS.has(word)) return !TIME_WORDS.test(words[index + 1] ?? '');
    if (word === 'також') return true;
    return index === 0 && CONNECTIVES.has(word);
  });
}

/**
 * A line shaped like a headline: short, with letters, not a dialogue or list
 * line, and no final full stop, ellipsis, colon, semicolon or comma (a
 * question or exclamation mark may end a headline).
 */
export function isHeadlineLike(line: string): boolean {
  const text = line.trim();
  if (text.length === 0 || text.length > HEADLINE_MAX_CHARS) return false;
  if (!/\p{L}/u.test(text) || /^[—–\-•*]|^\d+[.)]\s/u.test(text)) return false;
  if (text.split(/\s+/).length > HEADLINE_MAX_WORDS) return false;
  const last = text.replace(/[»“"')\]\s]+$/u, '').at(-1) ?? '';
  return !/[.…:;,]/u.test(last);
}

/** The key words of a story so far: the headline's weigh double. */
export interface StoryWords {
  headline: Set<string>;
  body: Set<string>;
}

/** Score at which a paragraph continues a story by shared key words alone. */
export const CONTINUATION_SCORE = 3;

/** Shared key words, a headline word counting twice. */
export function storyScore(story: StoryWords, text: string): number {
  let score = 0;
  for (const word of keyWords(text)) {
    if (story.headline.has(word)) score += 2;
    else if (story.body.has(word)) score += 1;
  }
  return score;
}
