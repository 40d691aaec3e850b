import CyrillicToTranslit from 'cyrillic-to-translit-js';

/** The shape of every slug of the archive (articles, topics, authors): lower-case ASCII words joined by hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Longest slug kept; longer titles are cut at a word boundary. */
export const SLUG_MAX_LENGTH = 80;

const translit = CyrillicToTranslit({ preset: 'uk' });

/**
 * Turns Ukrainian text into a URL slug with the official transliteration
 * (Cabinet of Ministers resolution No. 55, 2010): lowercase ASCII words
 * joined by hyphens. Deterministic, so slugs are stable across runs.
 */
export function slugify(text: string, maxLength = SLUG_MAX_LENGTH): string {
  // The transliterator sees word starts only after spaces, so every
  // separator becomes a space first; apostrophes vanish inside words.
  const spaced = text
    .normalize('NFC')
    .replace(/['\u2019\u02BC\u0060\u00B4]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  const ascii = translit
    .transform(spaced, ' ')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (ascii.length <= maxLength) return ascii;
  const cut = ascii.slice(0, maxLength + 1);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > maxLength / 2 ? cut.slice(0, lastHyphen) : ascii.slice(0, maxLength)).replace(/-+$/, '');
}
