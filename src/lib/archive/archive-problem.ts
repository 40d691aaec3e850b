/**
 * The archive's report, as the build fails with it: a count line, then every
 * problem `validateArchive` found, each printed by `formatProblem`.
 */
import { plural, type PluralForms } from '../../i18n/uk.ts';
import { formatProblem, type Problem } from '../problems.ts';

const ERRORS: PluralForms = { one: 'помилку', few: 'помилки', many: 'помилок' };
const WARNINGS: PluralForms = { one: 'попередження', few: 'попередження', many: 'попереджень' };
// After «у»: the locative has one form for every plural.
const IN_FILES: PluralForms = { one: 'файлі', few: 'файлах', many: 'файлах' };

/** The whole report: a count line, then every problem (as the build error and `npm run check` print it). */
export function formatArchiveProblems(problems: readonly Problem[]): string {
  const files = new Set(problems.map((p) => p.file)).size;
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const counts = [
    ...(errors > 0 ? [`${errors} ${plural(errors, ERRORS)}`] : []),
    ...(warnings > 0 ? [`${warnings} ${plural(warnings, WARNINGS)}`] : []),
  ].join(' і ');
  const head = `Архів містить ${counts} у ${files} ${plural(files, IN_FILES)}:`;
  return [head, ...problems.map((p) => formatProblem(p))].join('\n');
}

/**
 * Thrown by the build (and by the ingest, which reads the archive the same
 * way) when the archive is invalid; the message lists every problem, then
 * what to do: fix the files, then `next` (by default, build the site again).
 */
export class InvalidArchiveError extends Error {
  override name = 'InvalidArchiveError';
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[], next = 'зберіть сайт знову') {
    super(`${formatArchiveProblems(problems)}\nВиправте ці файли (або запустіть npm run check) і ${next}.`);
    this.problems = problems;
  }
}
