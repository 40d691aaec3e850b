/**
 * The ingest's account of every input item: one entry per item with its
 * outcome, so nothing in the input is silently lost. Written as JSON with
 * `--report` and summarised for people at the end of a run.
 */
import { PLAIN_STYLE, type ProblemStyle } from '#lib/problems.ts';
import { formatPlace, type SkippedItem } from './types.ts';
import type { NewAuthor } from './authors.ts';

export type Outcome = 'written' | 'updated' | 'unchanged' | 'duplicate' | 'possible-update' | 'error' | 'skipped';

export interface ReportItem {
  /** `file:line` of the item in the input. */
  source: string;
  outcome: Outcome;
  /** Archive path written or updated, or the existing article this item matches (relative to the content folder). */
  path?: string;
  /** Why the outcome, and anything worth a look (date from `--date`, renamed slug, removed markup). */
  reason?: string;
  title?: string;
  id?: string;
  date?: string;
  topics?: string[];
  /** For duplicates: the earlier item or article it repeats, and how similar (5-gram Jaccard; also for updates). */
  duplicateOf?: string;
  similarity?: number;
  /** For possible and applied updates: the article (or earlier item of the input) this item updates. */
  updateOf?: string;
  /** For possible and applied updates: what the item changes, one line per change (see text-diff.ts). */
  changes?: string[];
  /** True when a person should look at a written item (its `reason` says why). */
  attention?: boolean;
  /** For skipped items: what the item is (a page, a draft…); the summary counts skipped items by it. */
  kind?: string;
}

export interface IngestReport {
  contentDir: string;
  dryRun: boolean;
  counts: {
    read: number;
    written: number;
    updated: number;
    unchanged: number;
    duplicate: number;
    possibleUpdate: number;
    error: number;
    /** Input items that are deliberately not articles (pages, drafts…), each with its `kind` and `reason`. */
    skipped: number;
    attention: number;
  };
  items: ReportItem[];
  /** What was left out of whole files (such as comments), said once each. */
  notices?: string[];
  /** Authors the written articles name that authors.yaml lacked: added to it (in a dry run, would be). */
  newAuthors?: NewAuthor[];
  /** Topics the written articles name that topics.yaml lacked (`--create-topics`): added to it (in a dry run, would be). */
  newTopics?: Array<{ slug: string; name: string }>;
}

/** The report entry of an input item its reader skipped (see `SkippedItem`). */
export function skippedEntry(item: SkippedItem): ReportItem {
  return {
    source: formatPlace(item.place),
    outcome: 'skipped',
    kind: item.kind,
    reason: item.reason,
    ...(item.title ? { title: item.title } : {}),
  };
}

export function countOutcomes(items: readonly ReportItem[]): IngestReport['counts'] {
  const counts = {
    read: items.length,
    written: 0,
    updated: 0,
    unchanged: 0,
    duplicate: 0,
    possibleUpdate: 0,
    error: 0,
    skipped: 0,
    attention: 0,
  };
  for (const item of items) {
    counts[item.outcome === 'possible-update' ? 'possibleUpdate' : item.outcome] += 1;
    if (item.attention) counts.attention += 1;
  }
  return counts;
}

/**
 * The human summary: totals, then every error and every item that needs
 * attention, with its `file:line`, and every update, possible or applied,
 * with what it changes. `style` marks the section labels and the places; it
 * must not change the text.
 */
export function formatSummary(report: IngestReport, style: ProblemStyle = PLAIN_STYLE): string {
  const { counts } = report;
  const lines: string[] = [];
  const errors = report.items.filter((item) => item.outcome === 'error');
  const attention = report.items.filter((item) => item.attention && item.outcome !== 'possible-update');
  if (errors.length > 0) {
    lines.push(style.error('Помилки (ці новини не записано):'));
    for (const item of errors) lines.push(`  ${style.place(item.source)}: ${item.reason}`);
  }
  if (attention.length > 0) {
    lines.push(style.warning('Потребують уваги:'));
    for (const item of attention) lines.push(`  ${style.place(item.source)} → ${item.path}: ${item.reason}`);
  }
  const possible = report.items.filter((item) => item.outcome === 'possible-update');
  if (possible.length > 0) {
    lines.push(
      style.warning(
        'Можливі оновлення (не записано; перегляньте зміни, а щоб замінити ними текст статті, запустіть імпорт ще раз з --update):',
      ),
    );
    for (const item of possible) lines.push(...updateLines(item, style));
  }
  const updated = report.items.filter((item) => item.outcome === 'updated');
  if (updated.length > 0) {
    lines.push(report.dryRun ? 'Було б оновлено:' : 'Оновлено:');
    for (const item of updated) lines.push(...updateLines(item, style));
  }
  const duplicates = report.items.filter((item) => item.outcome === 'duplicate');
  if (duplicates.length > 0) {
    lines.push('Дублікати (не записано):');
    for (const item of duplicates) lines.push(`  ${style.place(item.source)} повторює ${item.duplicateOf}`);
  }
  const skipped = report.items.filter((item) => item.outcome === 'skipped');
  if (skipped.length > 0) {
    lines.push('Пропущено (не статті, не записано; кожен запис із причиною — у звіті --report):');
    const byKind = new Map<string, number>();
    for (const item of skipped) byKind.set(item.kind ?? '', (byKind.get(item.kind ?? '') ?? 0) + 1);
    for (const [kind, count] of byKind) lines.push(`  ${kind}: ${count}`);
  }
  for (const notice of report.notices ?? []) lines.push(notice);
  if (report.newTopics) {
    lines.push(report.dryRun ? 'Нові теми (було б додано до topics.yaml):' : 'Нові теми (додано до topics.yaml):');
    for (const topic of report.newTopics) lines.push(`  ${topic.name} (${topic.slug})`);
  }
  if (report.newAuthors) {
    lines.push(report.dryRun ? 'Нові автори (було б додано до authors.yaml):' : 'Нові автори (додано до authors.yaml):');
    for (const author of report.newAuthors) lines.push(`  ${author.name} (${author.slug})`);
  }
  const [written, updatedVerb] = report.dryRun ? ['було б записано', 'було б оновлено'] : ['записано', 'оновлено'];
  lines.push(
    `Прочитано новин: ${counts.read}; ${written}: ${counts.written}; ${updatedVerb}: ${counts.updated}; без змін (уже в архіві): ${counts.unchanged}; дублікатів: ${counts.duplicate}; можливих оновлень: ${counts.possibleUpdate}; помилок: ${counts.error}; потребують уваги: ${counts.attention}${counts.skipped > 0 ? `; пропущено: ${counts.skipped}` : ''}.`,
  );
  if (report.dryRun) lines.push('Пробний запуск (--dry-run): жодного файлу не змінено.');
  return lines.join('\n');
}

/** An update, possible or applied: the item, the article, why (for a possible one), then what changes. */
function updateLines(item: ReportItem, style: ProblemStyle): string[] {
  const why = item.outcome === 'possible-update' && item.reason ? `: ${item.reason}` : '';
  return [`  ${style.place(item.source)} → ${item.path}${why}`, ...(item.changes ?? []).map((change) => `      ${change}`)];
}
