import { normalizeText } from '#lib/text/typography.ts';

/**
 * The text of the fields readers see outside the body (title, summary,
 * source name): one line, without the controls that make text show in
 * another order than it is stored, in the archive's typography. What this
 * returns is a fixed point of `normalizeText`, which is what
 * `npm run check` asks of these fields.
 */

// Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): with them a
// title that holds «gnp.exe» shows «exe.png». Marks (U+200E, U+200F) only nudge punctuation and stay.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

function codePoint(character: string): string {
  return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

export interface ShownText {
  text: string;
  /** The bidirectional controls removed (`U+202E`…), each once, for the report. */
  removed: string[];
}

/** `value` as one line of normalised text, without bidirectional controls. */
export function shownText(value: string): ShownText {
  const removed = [...new Set(value.match(BIDI_CONTROLS) ?? [])].map(codePoint);
  const text = normalizeText(value.replace(BIDI_CONTROLS, '').replace(/\s+/g, ' '));
  return { text, removed };
}

/** The report's note on removed controls; `field` in the locative («у заголовку»). */
export function removedNote(field: string, removed: readonly string[]): string[] {
  return removed.length === 0
    ? []
    : [
        `${field} прибрано символи керування напрямком тексту (${removed.join(', ')}): вони показували б текст не в тому порядку, у якому він записаний`,
      ];
}

/** An input value as the report quotes it: one line, no control characters, at most 60 characters. */
export function quoted(value: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is replaced
  const line = value.replace(/[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g, ' ').trim();
  return line.length > 60 ? `${line.slice(0, 60)}…` : line;
}
