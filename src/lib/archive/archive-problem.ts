/**
 * One problem found in the archive by `validateArchive`: where (file relative
 * to the project, 1-based line and column), which front-matter field, what is
 * wrong, how to fix it, and the rule that found it. The shape matches the
 * problems of `npm run check`, with the field added.
 */
export interface ArchiveProblem {
  file: string;
  line: number;
  column: number;
  /** Front-matter field (`title`, `source.url`, `topics`), when the problem is in one. */
  field?: string;
  message: string;
  fix?: string;
  /** Rule id: `front-matter`, `schema`, `unknown-topic`, `date-path`, `duplicate-id`… */
  rule: string;
  /** `error` fails the build; `warning` is printed. */
  severity: 'error' | 'warning';
}

/** Problems in a stable order: by file, then line, then rule. */
export function sortArchiveProblems(problems: ArchiveProblem[]): ArchiveProblem[] {
  return problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)));
}

/** `file:line  field: message  (rule)` and the fix on the next line. */
export function formatArchiveProblem(p: ArchiveProblem): string {
  const head = `${p.file}:${p.line}:${p.column}  ${p.severity === 'warning' ? 'попередження: ' : ''}${p.field ? `${p.field}: ` : ''}${p.message}  (${p.rule})`;
  return p.fix ? `${head}\n    → ${p.fix}` : head;
}

function plural(n: number, one: string, few: string, many: string): string {
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (mod10 === 1 && mod100 !== 11) return one;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return few;
  return many;
}

/** The whole report: a count line, then every problem (as the build error and `npm run check` print it). */
export function formatArchiveProblems(problems: readonly ArchiveProblem[]): string {
  const files = new Set(problems.map((p) => p.file)).size;
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const counts = [
    ...(errors > 0 ? [`${errors} ${plural(errors, 'помилку', 'помилки', 'помилок')}`] : []),
    ...(warnings > 0 ? [`${warnings} ${plural(warnings, 'попередження', 'попередження', 'попереджень')}`] : []),
  ].join(' і ');
  const head = `Архів містить ${counts} у ${files} ${plural(files, 'файлі', 'файлах', 'файлах')}:`;
  return [head, ...problems.map(formatArchiveProblem)].join('\n');
}

/** Thrown by the build when the archive is invalid; the message lists every problem. */
export class InvalidArchiveError extends Error {
  override name = 'InvalidArchiveError';
  readonly problems: readonly ArchiveProblem[];

  constructor(problems: readonly ArchiveProblem[]) {
    super(`${formatArchiveProblems(problems)}\nВиправте ці файли (або запустіть npm run check) і зберіть сайт знову.`);
    this.problems = problems;
  }
}
