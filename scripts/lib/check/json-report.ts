import type { Problem } from '#lib/problems.ts';

/** One problem as `npm run check -- --format json` prints it. */
export interface JsonProblem {
  /** Path of the file as the human format shows it. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  rule: string;
  severity: 'error' | 'warning';
  message: string;
  /** How to fix it, when the rule knows. */
  fix?: string;
  /** The front-matter field, when the problem is in one. */
  field?: string;
}

/** The one document `--format json` prints on stdout. */
export interface JsonReport {
  problems: JsonProblem[];
  /** Problems that fail the check (exit code 1). */
  errors: number;
  warnings: number;
}

/**
 * The machine-readable report of a check, for editors and bots: the problems
 * in the order the human format prints them, with a fixed set of fields.
 */
export function jsonReport(problems: readonly Problem[]): JsonReport {
  const list = problems.map((p): JsonProblem => ({
    file: p.file,
    line: p.line,
    column: p.column,
    rule: p.rule,
    severity: p.severity,
    message: p.message,
    ...(p.fix !== undefined ? { fix: p.fix } : {}),
    ...(p.field !== undefined ? { field: p.field } : {}),
  }));
  const errors = list.filter((p) => p.severity === 'error').length;
  return { problems: list, errors, warnings: list.length - errors };
}
