/**
 * The pages of several Pagefind searches as one list, best score first: the
 * union of a query's term and its alternative terms (`SearchPlan.alternatives`).
 * A page found by several terms keeps its best score; equal scores keep the
 * order of the lists, the first list first. Scores of one index compare across
 * searches: Pagefind computes each from the same word statistics.
 */
export function mergeByScore<T extends { id: string; score: number }>(lists: ReadonlyArray<readonly T[]>): T[] {
  const found = lists.filter((list) => list.length > 0);
  // One list keeps Pagefind's own order.
  if (found.length <= 1) return [...(found[0] ?? [])];
  const best = new Map<string, { result: T; order: number }>();
  let order = 0;
  for (const list of found) {
    for (const result of list) {
      const known = best.get(result.id);
      if (!known) best.set(result.id, { result, order: order++ });
      else if (result.score > known.result.score) known.result = result;
    }
  }
  return [...best.values()].sort((a, b) => b.result.score - a.result.score || a.order - b.order).map(({ result }) => result);
}
