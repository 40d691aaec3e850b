/**
 * The ingest's account of every input item: one entry per item with its
 * outcome, so nothing in the input is silently lost. Written as JSON with
 * `--report` and summarised for people at the end of a run.
 */
import { PLAIN_STYLE, type ProblemStyle } from '#lib/problems.ts';

export type Outcome = 'written' | 'duplicate' | 'unchanged' | 'error';

export interface ReportItem {
  /** `file:line` of the item in the input. */
  source: string;
  outcome: Outcome;
  /** Archive path written, or the existing article this item matches (relative to the content folder). */
  path?: string;
  /** Why the outcome, and anything worth a look (date from `--date`, renamed slug, removed markup). */
  reason?: string;
  title?: string;
  id?: string;
  date?: string;
  topics?: string[];
  /** For duplicates: the earlier item or article it repeats, and how similar (5-gram Jaccard). */
  duplicateOf?: string;
  similarity?: number;
  /** True when a person should look at a written item (its `reason` says why). */
  attention?: boolean;
}

export interface IngestReport {
  contentDir: string;
  dryRun: boolean;
  counts: { read: number; written: number; unchanged: number; duplicate: number; error: number; attention: number };
  items: ReportItem[];
}

export function countOutcomes(items: readonly ReportItem[]): IngestReport['counts'] {
  const counts = { read: items.length, written: 0, unchanged: 0, duplicate: 0, error: 0, attention: 0 };
  for (const item of items) {
    counts[item.outcome] += 1;
    if (item.attention) counts.attention += 1;
  }
  return counts;
}

/**
 * The human summary: totals, then every error and every item that needs
 * attention, with its `file:line`. `style` marks the section labels and the
 * places; it must not change the text.
 */
export function formatSummary(report: IngestReport, style: ProblemStyle = PLAIN_STYLE): string {
  const { counts } = report;
  const lines: string[] = [];
  const errors = report.items.filter((item) => item.outcome === 'error');
  const attention = report.items.filter((item) => item.attention);
  if (errors.length > 0) {
    lines.push(style.error('Помилки (ці новини не записано):'));
    for (const item of errors) lines.push(`  ${style.place(item.source)}: ${item.reason}`);
  }
  if (attention.length > 0) {
    lines.push(style.warning('Потребують уваги:'));
    for (const item of attention) lines.push(`  ${style.place(item.source)} → ${item.path}: ${item.reason}`);
  }
  const duplicates = report.items.filter((item) => item.outcome === 'duplicate');
  if (duplicates.length > 0) {
    lines.push('Дублікати (не записано):');
    for (const item of duplicates) lines.push(`  ${style.place(item.source)} повторює ${item.duplicateOf}`);
  }
  const verb = report.dryRun ? 'було б записано' : 'записано';
  lines.push(
    `Прочитано новин: ${counts.read}; ${verb}: ${counts.written}; без змін (уже в архіві): ${counts.unchanged}; дублікатів: ${counts.duplicate}; помилок: ${counts.error}; потребують уваги: ${counts.attention}.`,
  );
  if (report.dryRun) lines.push('Пробний запуск (--dry-run): жодного файлу не змінено.');
  return lines.join('\n');
}
