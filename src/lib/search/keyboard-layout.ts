/**
 * Text typed on a US QWERTY keyboard by a reader who meant the Ukrainian
 * ЙЦУКЕН layout (`rb]d` for «київ»): each key gives the letter the Ukrainian
 * layout has on it. The search page tries this reading only when the typed
 * word itself is not found (`query-resolution.ts`).
 */

/** The keys of the US layout, unshifted, and the letter of the Ukrainian layout on each (` gives the apostrophe, \ gives ґ). */
// prettier-ignore
const KEYS: Record<string, string> = {
  q: 'й', w: 'ц', e: 'у', r: 'к', t: 'е', y: 'н', u: 'г', i: 'ш', o: 'щ', p: 'з', '[': 'х', ']': 'ї', '\\': 'ґ',
  a: 'ф', s: 'і', d: 'в', f: 'а', g: 'п', h: 'р', j: 'о', k: 'л', l: 'д', ';': 'ж', "'": 'є',
  z: 'я', x: 'ч', c: 'с', v: 'м', b: 'и', n: 'т', m: 'ь', ',': 'б', '.': 'ю', '`': 'ʼ',
};

/** The shifted punctuation keys that carry letters on the Ukrainian layout. */
// prettier-ignore
const SHIFTED: Record<string, string> = { '{': 'Х', '}': 'Ї', '|': 'Ґ', ':': 'Ж', '"': 'Є', '<': 'Б', '>': 'Ю' };

function key(char: string): string | undefined {
  const lower = char.toLowerCase();
  const letter = KEYS[lower];
  if (letter !== undefined) return char === lower ? letter : letter.toUpperCase();
  return SHIFTED[char];
}

/**
 * What a token typed on the US layout says on the Ukrainian one, or `null`
 * when the token holds a character of neither (a digit, `@`, `/`, Cyrillic)
 * or no Latin letter at all: such a token was not typed in the wrong layout.
 */
export function fromUsLayout(token: string): string | null {
  if (!/[a-z]/i.test(token)) return null;
  let out = '';
  for (const char of token) {
    const letter = key(char);
    if (letter === undefined) return null;
    out += letter;
  }
  return out;
}
