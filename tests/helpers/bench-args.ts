/**
 * The arguments of `scripts/bench.ts` for a test: `articles` generated
 * articles, one run, the figures in `json`, the archives and sites under
 * `work` (never in the project's `bench/out/`, where someone may keep theirs),
 * then `options`.
 */
export function benchArgs(articles: number, json: string, work: string, ...options: string[]): string[] {
  return ['scripts/bench.ts', '--articles', String(articles), '--runs', '1', '--json', json, '--work', work, ...options];
}
