import { CLAUSES, DETAILS, FIRST_NAMES, OBJECTS, PLACES, SUBJECTS, SURNAMES, TIMES, TITLE_VERBS, TOPIC_HINTS, VERBS } from './lexicon.ts';
import { createRandom, type Random } from './random.ts';

/** One item in the ingest's JSON Lines input format. */
export interface GeneratedItem {
  title: string;
  body: string;
  date: string;
  source?: { name: string; url: string };
  /** A lead photo: a file of the archive and its description (`bench-photos.ts`). */
  image?: { src: string; alt: string; credit?: string };
}

export interface GenerateOptions {
  count: number;
  seed: number;
  /** Sentences of real texts to draw on instead of the built-in lexicon. */
  corpusSentences?: readonly string[];
  /** First year of the dates; 2001 by default. */
  firstYear?: number;
  /** Last year of the dates; 2025 by default, so that every date is past and the ingest, which refuses later ones, takes them all. */
  lastYear?: number;
}

/** The newest year of generated dates unless `lastYear` says otherwise. */
export const LAST_YEAR = 2025;

const GENDER_INDEX = { m: 0, f: 1, n: 2, p: 3 } as const;
const OUTLETS = ['Вісник громади', 'Регіональні новини', 'Новини Придніпровʼя', 'Голос Поділля', 'Світ економіки'];

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function lexiconSentence(random: Random): string {
  const subject = random.pick(SUBJECTS);
  const verb = random.pick(VERBS)[GENDER_INDEX[subject.gender]];
  const detail = random.pick(DETAILS).replace('{n}', String(random.int(2, 990)));
  const main = `${subject.text} ${random.pick(TIMES)} ${verb} ${random.pick(OBJECTS)} ${detail} ${random.pick(PLACES)}`;
  if (random.next() < 0.3) {
    // FIRST_NAMES alternates women's and men's names.
    const index = random.int(0, FIRST_NAMES.length - 1);
    const speaker = index % 2 === 0 ? 'розповіла речниця' : 'розповів речник';
    return `${main}, — ${speaker} ${FIRST_NAMES[index]} ${random.pick(SURNAMES)}.`;
  }
  return `${main}.`;
}

function sentence(random: Random, corpus: readonly string[] | undefined): string {
  if (corpus && corpus.length > 0) return random.pick(corpus);
  const roll = random.next();
  if (roll < 0.06) return random.pick(CLAUSES);
  if (roll < 0.12) return random.pick(TOPIC_HINTS);
  return lexiconSentence(random);
}

/** Article lengths vary like news: many short items, some long pieces. */
function paragraphCount(random: Random): number {
  const roll = random.next();
  if (roll < 0.35) return random.int(1, 3);
  if (roll < 0.85) return random.int(4, 8);
  return random.int(9, 16);
}

function isoDate(random: Random, firstYear: number, lastYear: number): string {
  const start = Date.UTC(firstYear, 0, 1);
  const end = Date.UTC(lastYear, 11, 31);
  return new Date(start + Math.floor(random.next() * (end - start))).toISOString().slice(0, 10);
}

/**
 * Generates reproducible synthetic news items: varied titles, lengths,
 * topics and dates over many years. With `corpusSentences`, bodies are
 * recombined from real sentences, so each item is new but reads like press.
 */
export function* generateArticles(options: GenerateOptions): Generator<GeneratedItem> {
  const random = createRandom(options.seed);
  const firstYear = options.firstYear ?? 2001;
  const lastYear = options.lastYear ?? LAST_YEAR;
  for (let n = 0; n < options.count; n += 1) {
    const paragraphs: string[] = [];
    const total = paragraphCount(random);
    for (let p = 0; p < total; p += 1) {
      const sentences: string[] = [];
      const length = random.int(2, 5);
      for (let s = 0; s < length; s += 1) sentences.push(sentence(random, options.corpusSentences));
      paragraphs.push(sentences.join(' '));
    }
    const title = `${capitalise(random.pick(PLACES))} ${random.pick(TITLE_VERBS)} ${random.pick(OBJECTS)}`;
    const item: GeneratedItem = { title, body: paragraphs.join('\n\n'), date: isoDate(random, firstYear, lastYear) };
    if (random.next() < 0.4) {
      const outlet = random.pick(OUTLETS);
      item.source = { name: outlet, url: `https://example.org/news/${options.seed}-${n}` };
    }
    yield item;
  }
}

/** Splits texts into sentences that can stand alone (for `corpusSentences`). */
export function splitSentences(text: string): string[] {
  return text
    .split(/\n+/)
    .flatMap((paragraph) => paragraph.match(/[^.!?…]+[.!?…]+[»"”)]?/g) ?? [])
    .map((s) => s.trim())
    .filter((s) => s.length >= 40 && s.length <= 400 && /^[А-ЯЇІЄҐ«]/.test(s));
}
