/**
 * Titles and summaries from the lead. A summary is the first sentence(s) of
 * the first paragraph, up to `SUMMARY_MAX_CHARS`; a derived title is the first
 * sentence, cut at a clause boundary when longer than `TITLE_MAX_CHARS`.
 */

export const SUMMARY_MAX_CHARS = 240;
export const TITLE_MAX_CHARS = 120;
/** A clause prefix shorter than this says too little to be a title. */
export const TITLE_MIN_CLAUSE_CHARS = 60;

// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS =
  /(?:^|[\s(«])(?:р|рр|ст|м|вул|просп|пл|буд|кв|обл|р-н|с|смт|ім|ін|див|т|зв|тис|млн|млрд|грн|коп|проф|акад|доц|д-р|св|напр|пор|гл|п|ч|стор|рис|табл|англ|укр|лат|нім|франц|о|т\.\s?д|т\.\s?п)\.$/iu;
// A single capital letter and a full stop is an initial (В. Зеленський).
const INITIAL = /(?:^|[\s(«])\p{Lu}\.$/u;

/** Splits text into sentences at `.`, `!`, `?`, `…` followed by a space and a capital, digit, quote or dash. */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  const boundary = /[.!?…]+[»")\]]*\s+(?=[\p{Lu}\d«„"—–(])/gu;
  let start = 0;
  for (const match of text.matchAll(boundary)) {
    const end = match.index + match[0].trimEnd().length;
    const candidate = text.slice(start, end);
    if (ABBREVIATIONS.test(candidate) || INITIAL.test(candidate)) continue;
    sentences.push(candidate.trim());
    start = match.index + match[0].length;
  }
  const rest = text.slice(start).trim();
  if (rest) sentences.push(rest);
  return sentences;
}

// A clause prefix ending in one of these needs what follows («заявив, що…», «попри те, що…»).
const DANGLING =
  /(?:^|\s)(?:те|тим|того|тому|так|такий|така|таке|заявив|заявила|заявили|повідомив|повідомила|повідомили|сказав|сказала|наголосив|наголосила|зазначив|зазначила|вважає|вважають|переконаний|каже|кажуть)$/iu;

function balanced(text: string): boolean {
  const count = (re: RegExp) => (text.match(re) ?? []).length;
  return count(/«/g) === count(/»/g) && count(/\(/g) === count(/\)/g) && count(/„/g) === count(/“/g);
}

/** Cuts text at a word boundary to at most `max` characters and marks the cut with «…». */
export function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:—–-]+$/u, '')}…`;
}

/** The lead of a paragraph: whole first sentences while they fit, at least one (cut if very long). */
export function summaryFromLead(paragraph: string, max = SUMMARY_MAX_CHARS): string {
  const sentences = splitSentences(paragraph.replace(/\s+/g, ' ').trim());
  let summary = sentences[0] ?? '';
  for (const sentence of sentences.slice(1)) {
    if (summary.length + 1 + sentence.length > max) break;
    summary += ` ${sentence}`;
  }
  return cutAtWord(summary, Math.round(max * 1.25));
}

/** A headline without a final full stop (a question or exclamation mark stays). */
export function cleanTitle(title: string): string {
  return title
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/(?<!\.)\.$/u, '');
}

/**
 * A title for an item without a headline: its first sentence; if that is
 * longer than `max`, the longest clause prefix (cut at a comma, dash, colon
 * or semicolon) of at least `TITLE_MIN_CLAUSE_CHARS` that keeps quotes
 * balanced and does not end in a word that needs its clause; else cut at a word.
 */
export function titleFromLead(paragraph: string, max = TITLE_MAX_CHARS): string {
  const first = cleanTitle(splitSentences(paragraph.replace(/\s+/g, ' ').trim())[0] ?? '');
  if (first.length <= max) return first;
  const clauses = [...first.matchAll(/[,;:](?=\s)|\s[—–](?=\s)/gu)]
    .map((m) => m.index)
    .filter((at) => at >= TITLE_MIN_CLAUSE_CHARS && at <= max);
  for (const at of clauses.reverse()) {
    const prefix = first.slice(0, at).trim();
    if (balanced(prefix) && !DANGLING.test(prefix)) return prefix;
  }
  return cutAtWord(first, max);
}
