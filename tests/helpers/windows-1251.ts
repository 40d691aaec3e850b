// The Ukrainian letters outside А–я, where Windows-1251 puts them.
const OUTSIDE_RANGE: Record<string, number> = { і: 0xb3, І: 0xb2, ї: 0xbf, Ї: 0xaf, є: 0xba, Є: 0xaa, ґ: 0xb4, Ґ: 0xa5 };

/** `text` in Windows-1251, as an old Windows editor saves Ukrainian text (ASCII and Ukrainian letters only). */
export function windows1251(text: string): Buffer {
  return Buffer.from(
    [...text].map((char) => OUTSIDE_RANGE[char] ?? (char >= 'А' && char <= 'я' ? char.charCodeAt(0) - 0x410 + 0xc0 : char.charCodeAt(0))),
  );
}
