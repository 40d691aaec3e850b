import { formatBytes, formatSeconds, growthExponent } from './stats.ts';
import type { SizeResult } from './run-size.ts';
import type { SearchTiming } from './search-timing.ts';

const optionalSeconds = (value: number | undefined) => (value === undefined ? '—' : formatSeconds(value));
const ms = (value: number | undefined) => (value === undefined || Number.isNaN(value) ? '—' : `${Math.round(value)} ms`);

/** The benchmark table as Markdown, one row per archive size. */
export function formatTable(rows: readonly SizeResult[]): string {
  const header = [
    'articles',
    'ingest',
    'articles/s',
    'build (site + index)',
    'total',
    'peak memory',
    'output (files)',
    'index size',
    'add one + rebuild',
    'edit one',
    'remove one',
    'cold query: bytes',
    'cold query: time',
    'warm query (median)',
  ];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => ' --- ').join('|')}|`];
  for (const row of rows) {
    lines.push(
      `| ${[
        row.articles.toLocaleString('en-US'),
        formatSeconds(row.ingestMs),
        Math.round(row.articles / (row.ingestMs / 1000)).toLocaleString('en-US'),
        formatSeconds(row.buildMs),
        formatSeconds(row.totalMs),
        formatBytes(row.peakMemory),
        `${formatBytes(row.outputBytes)} (${row.outputFiles.toLocaleString('en-US')})`,
        formatBytes(row.indexBytes),
        row.incrementalMs === undefined
          ? '—'
          : `${formatSeconds(row.incrementalMs)} (${Math.round((100 * row.incrementalMs) / row.totalMs)}% of total)`,
        optionalSeconds(row.editMs),
        optionalSeconds(row.removeMs),
        row.search ? formatBytes(row.search.coldBytes) : '—',
        ms(row.search?.coldMs),
        ms(row.search?.warmMedianMs),
      ].join(' | ')} |`,
    );
  }
  return lines.join('\n');
}

/**
 * Search on Arkhiv's page beside Pagefind's default UI on the same index, as
 * Markdown, one row per size measured with both (`SearchTiming`).
 */
export function formatSearchTable(rows: readonly SizeResult[]): string {
  const figures = [
    ['cold query: bytes', (t: SearchTiming) => formatBytes(t.coldBytes)],
    ['bytes at first results', (t: SearchTiming) => formatBytes(t.coldBytesAtResults)],
    ['cold query: time', (t: SearchTiming) => ms(t.coldMs)],
    ['warm query (median)', (t: SearchTiming) => ms(t.warmMedianMs)],
  ] as const;
  const header = ['articles', ...figures.flatMap(([name]) => [`${name}, Arkhiv`, `${name}, Pagefind UI`])];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => ' --- ').join('|')}|`];
  for (const row of rows) {
    const { search, pagefindUi } = row;
    if (!search || !pagefindUi) continue;
    lines.push(
      `| ${[row.articles.toLocaleString('en-US'), ...figures.flatMap(([, format]) => [format(search), format(pagefindUi)])].join(' | ')} |`,
    );
  }
  return lines.join('\n');
}

/** A size's figures with a lead photo in every article, beside the same articles without. */
export interface PhotoFigures {
  /** The first full build: every photo resized. */
  firstBuildMs: number;
  /** A full build from empty caches but the resized photos'. */
  cachedBuildMs: number;
  /** `cachedBuildMs` over the full build without photos. */
  overhead: number;
  incrementalMs?: number;
  outputFiles: number;
  outputBytes: number;
}

/** The photo table as Markdown, one row per size measured with `--photos`. */
export function formatPhotoTable(rows: ReadonlyArray<SizeResult & { photos?: PhotoFigures }>): string {
  const header = [
    'articles',
    'build without photos',
    'first build with photos (resizing)',
    'build with photos resized',
    'photo overhead',
    'add one with a photo + rebuild',
    'output (files)',
  ];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => ' --- ').join('|')}|`];
  for (const row of rows) {
    const photos = row.photos;
    if (!photos) continue;
    lines.push(
      `| ${[
        row.articles.toLocaleString('en-US'),
        formatSeconds(row.buildMs),
        formatSeconds(photos.firstBuildMs),
        formatSeconds(photos.cachedBuildMs),
        `${photos.overhead >= 1 ? '+' : '−'}${Math.abs(Math.round((photos.overhead - 1) * 100))}%`,
        optionalSeconds(photos.incrementalMs),
        `${formatBytes(photos.outputBytes)} (${photos.outputFiles.toLocaleString('en-US')})`,
      ].join(' | ')} |`,
    );
  }
  return lines.join('\n');
}

export interface Growth {
  time: number | null;
  memory: number | null;
  build: number | null;
  ingest: number | null;
}

/** Growth exponents (log–log slopes) of time and memory against archive size. */
export function growth(rows: readonly SizeResult[]): Growth {
  const of = (pick: (row: SizeResult) => number) => growthExponent(rows.map((row) => ({ x: row.articles, y: pick(row) })));
  return {
    time: of((r) => r.totalMs),
    memory: of((r) => r.peakMemory),
    ingest: of((r) => r.ingestMs),
    build: of((r) => r.buildMs),
  };
}

export function formatGrowth(g: Growth): string {
  const f = (value: number | null) => (value === null ? 'n/a' : value.toFixed(2));
  return `Growth exponents (slope on log–log; 1.00 = linear): total time ${f(g.time)}, peak memory ${f(g.memory)}; ingest ${f(g.ingest)}, build ${f(g.build)}.`;
}
