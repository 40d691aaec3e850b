import { HUGO_SITE_NOTE } from './hugo-site.ts';
import type { Comparison } from './run-reference.ts';
import type { SizeResult } from './run-size.ts';
import { formatBytes, formatSeconds } from './stats.ts';

const times = (ratio: number | undefined) => (ratio === undefined ? '—' : `${ratio.toFixed(2)}×`);

/**
 * The table "against Hugo + Pagefind" as Markdown, one row per archive size
 * that has a comparison: the reference's times, then Arkhiv's beside their
 * ratio to the reference's full build.
 */
export function formatComparison(rows: ReadonlyArray<SizeResult & { reference?: Comparison }>): string {
  const header = [
    'articles',
    'Hugo build',
    'Pagefind index',
    'Hugo + Pagefind',
    'their peak memory',
    'Arkhiv build + index',
    '× theirs',
    'Arkhiv ingest + build + index',
    '× theirs',
    'add one + rebuild',
    '× their full build',
    'edit one',
    'remove one',
  ];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => ' --- ').join('|')}|`];
  for (const row of rows) {
    const reference = row.reference;
    if (!reference) continue;
    lines.push(
      `| ${[
        row.articles.toLocaleString('en-US'),
        formatSeconds(reference.hugoMs),
        formatSeconds(reference.pagefindMs),
        formatSeconds(reference.totalMs),
        formatBytes(reference.peakMemory),
        formatSeconds(row.buildMs + row.indexMs),
        times(reference.buildIndexRatio),
        formatSeconds(row.totalMs),
        times(reference.totalRatio),
        row.incrementalMs === undefined ? '—' : formatSeconds(row.incrementalMs),
        times(reference.incrementalRatio),
        row.editMs === undefined ? '—' : formatSeconds(row.editMs),
        row.removeMs === undefined ? '—' : formatSeconds(row.removeMs),
      ].join(' | ')} |`,
    );
  }
  return lines.join('\n');
}

/** What the comparison measures, printed under its table. */
export function comparisonNote(hugoVersion: string, pagefindVersion: string): string {
  return [
    `Against Hugo ${hugoVersion} + Pagefind ${pagefindVersion} CLI (--force-language uk) on the same generated articles, run in turn with Arkhiv's steps;`,
    "× is Arkhiv over Hugo + Pagefind (the median of the paired runs' ratios; above 1 Arkhiv is slower).",
    HUGO_SITE_NOTE,
  ].join('\n');
}
