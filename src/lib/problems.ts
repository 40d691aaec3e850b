/**
 * The one shape of a located finding: of `npm run check`, of the build's
 * content safety and of the archive validator (`validateArchive`). Where
 * (file, 1-based line and column, the front-matter field if any), what, how
 * to fix it, and which rule found it. Rule modules return these; the CLI
 * and the build only print them.
 */
export interface Problem {
  /** Path of the file, relative to the project (or as given). */
  file: string;
  /** 1-based line; 1 when the problem concerns the whole file. */
  line: number;
  /** 1-based column. */
  column: number;
  /** Front-matter field (`title`, `source.url`, `topics`), when the problem is in one. */
  field?: string;
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

/** Line and column (1-based) of an offset in `text`. */
export function placeAt(text: string, offset: number): Place {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

export function problem(
  file: string,
  place: Place | undefined,
  rule: string,
  message: string,
  fix?: string,
  extra: Partial<Problem> = {},
): Problem {
  const at = place ?? START;
  return { file, line: at.line, column: at.column, message, fix, rule, severity: 'error', ...extra };
}

/** How `formatProblem` marks the place and the severity: colours on a terminal, as is elsewhere. */
export interface ProblemStyle {
  place(text: string): string;
  error(text: string): string;
  warning(text: string): string;
}

const AS_IS = (text: string): string => text;
/** Marks nothing: the text as is. */
export const PLAIN_STYLE: ProblemStyle = { place: AS_IS, error: AS_IS, warning: AS_IS };

/**
 * `file:line:col  field: message  (rule)` (`field: ` only when set) and the
 * fix on the next line, indented. `style` marks the place, the warning label
 * and the rule (as an error or a warning); it must not change the text.
 */
export function formatProblem(p: Problem, style: ProblemStyle = PLAIN_STYLE): string {
  const severity = p.severity === 'warning' ? style.warning : style.error;
  const warning = p.severity === 'warning' ? `${style.warning('попередження:')} ` : '';
  const field = p.field ? `${p.field}: ` : '';
  const head = `${style.place(`${p.file}:${p.line}:${p.column}`)}  ${warning}${field}${p.message}  (${severity(p.rule)})`;
  return p.fix ? `${head}\n    → ${p.fix}` : head;
}

/**
 * Orders problems in place by file, line, column, then rule, so output is
 * stable across runs; the sort is stable, so ties keep the order they were
 * found in.
 */
export function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort((a, b) => byCodeUnits(a.file, b.file) || a.line - b.line || a.column - b.column || byCodeUnits(a.rule, b.rule));
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
