/**
 * The one shape of a finding of `npm run check` and of the build's content
 * safety: where (file, 1-based line and column), what, how to fix it, and
 * which rule found it. Every rule module returns these; the CLI only prints.
 */
export interface Problem {
  /** Path of the file, relative to the project (or as given). */
  file: string;
  /** 1-based line; 1 when the problem concerns the whole file. */
  line: number;
  /** 1-based column. */
  column: number;
  /** What is wrong, in one sentence. */
  message: string;
  /** What to do about it. */
  fix?: string;
  /** Rule id, e.g. `unsafe-element`. */
  rule: string;
  /** `error` fails the check; `warning` is printed but does not. */
  severity: 'error' | 'warning';
  /** `npm run check -- --fix` can repair it without a person. */
  fixable?: boolean;
}

/** A position inside one file, as unist and YAML report it. */
export interface Place {
  line: number;
  column: number;
}

export const START: Place = { line: 1, column: 1 };

export function problem(file: string, place: Place | undefined, rule: string, message: string, fix?: string, extra: Partial<Problem> = {}): Problem {
  const at = place ?? START;
  return { file, line: at.line, column: at.column, message, fix, rule, severity: 'error', ...extra };
}

/** `file:line:col  message  (rule)` and the fix on the next line, indented. */
export function formatProblem(p: Problem): string {
  const head = `${p.file}:${p.line}:${p.column}  ${p.severity === 'warning' ? 'попередження: ' : ''}${p.message}  (${p.rule})`;
  return p.fix ? `${head}\n    → ${p.fix}` : head;
}

/** Orders problems by file, then position, so output is stable across runs. */
export function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)));
}
