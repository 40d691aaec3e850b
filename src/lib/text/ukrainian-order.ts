const collator = new Intl.Collator('uk');

/** Ukrainian alphabetical order, for `sort`: the order of every index of names on the site. */
export function compareUkrainian(a: string, b: string): number {
  return collator.compare(a, b);
}
