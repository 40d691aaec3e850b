/**
 * One command line for every CLI in scripts/: a declarative table of options
 * over node:util `parseArgs` that also writes the `--help` text, so the help
 * can never omit an option. Usage errors (an unknown option, a missing or
 * unwanted value, a bad value) are one line on stderr and exit code 2.
 */
import { parseArgs } from 'node:util';
import { calendarDate } from '#lib/text/dates.ts';
import { colours } from './colours.ts';

export interface OptionSpec {
  type: 'string' | 'boolean';
  /** One-letter alias, e.g. `h` for `-h`. */
  short?: string;
  /** Placeholder for the value in the help, e.g. `<тека>`; `<значення>` when absent. */
  value?: string;
  /** What the option does, in one line of the help. */
  description: string;
  /** Value of a string option that is not given. */
  default?: string;
  /** The default as the help shows it, when `default` is computed (an environment variable) or absent. */
  defaultText?: string;
  /** Says what is wrong with a given value and how to fix it; `undefined` when the value is fine. */
  check?: (value: string) => string | undefined;
}

export interface CliSpec<O extends Record<string, OptionSpec>> {
  /** The command as typed, e.g. `npm run check --`; the help and the usage errors name it. */
  command: string;
  /** Short name that starts every error line, e.g. `check`. */
  name: string;
  /** What follows the command in the usage line, e.g. `[параметри] <файл|тека>…`. */
  usage: string;
  /** What the command does, a few lines. */
  summary: string;
  options: O;
  /** Accepts arguments that are not options (files, folders); they are refused otherwise. */
  positionals?: boolean;
  /** Text after the options: input formats, examples, environment variables. */
  notes?: string;
  /** Exit codes and their meaning, in order. */
  exitCodes: ReadonlyArray<readonly [number, string]>;
}

type ValueOf<S extends OptionSpec> = S['type'] extends 'boolean' ? boolean : S extends { default: string } ? string : string | undefined;

export type OptionValues<O extends Record<string, OptionSpec>> = { [K in keyof O]: ValueOf<O[K]> };

export type ParsedCommandLine<O extends Record<string, OptionSpec>> =
  { kind: 'help'; text: string } | { kind: 'error'; message: string } | { kind: 'ok'; values: OptionValues<O>; positionals: string[] };

const HELP: OptionSpec = { type: 'boolean', short: 'h', description: 'ця довідка' };

/** The spec as given, with its option names and types kept for `OptionValues`. */
export function defineCli<O extends Record<string, OptionSpec>>(spec: CliSpec<O>): CliSpec<O> {
  return spec;
}

function withHelp(options: Record<string, OptionSpec>): Record<string, OptionSpec> {
  return { ...options, help: HELP };
}

/** The text `--help` prints: usage, summary, every option with its default, notes and exit codes. */
export function helpText<O extends Record<string, OptionSpec>>(spec: CliSpec<O>): string {
  const rows = Object.entries(withHelp(spec.options)).map(([name, option]) => {
    const flag = `${option.short ? `-${option.short}, ` : ''}--${name}`;
    const left = option.type === 'string' ? `${flag} ${option.value ?? '<значення>'}` : flag;
    const shown = option.defaultText ?? option.default;
    return [left, shown === undefined ? option.description : `${option.description} (типово ${shown})`] as const;
  });
  const width = Math.max(...rows.map(([left]) => left.length)) + 2;
  return [
    `Використання: ${spec.command} ${spec.usage}`,
    '',
    spec.summary,
    '',
    'Параметри:',
    ...rows.map(([left, right]) => `  ${left.padEnd(width)}${right}`),
    ...(spec.notes ? ['', spec.notes] : []),
    '',
    'Коди виходу:',
    ...spec.exitCodes.map(([code, meaning]) => `  ${code}  ${meaning}`),
  ].join('\n');
}

/** A usage error's one line: what is wrong, then where the help is. */
export function withHelpHint(spec: Pick<CliSpec<Record<string, OptionSpec>>, 'command'>, message: string): string {
  return `${message}; див. ${spec.command} --help`;
}

/**
 * Reads `argv` against `spec` without printing or exiting: the help text
 * when `-h`/`--help` is among the arguments, a one-line error message for
 * any usage error, or the values (defaults filled in) and positionals.
 */
export function parseCommandLine<O extends Record<string, OptionSpec>>(spec: CliSpec<O>, argv: readonly string[]): ParsedCommandLine<O> {
  const options = withHelp(spec.options);
  const config = Object.fromEntries(
    Object.entries(options).map(([name, o]) => [name, { type: o.type, ...(o.short ? { short: o.short } : {}) }]),
  );
  // Not strict: unknown options come back as tokens, so the error can be worded here, in Ukrainian and on one line.
  const { tokens } = parseArgs({ args: [...argv], options: config, strict: false, allowPositionals: true, tokens: true });
  if (tokens.some((token) => token.kind === 'option' && token.name === 'help')) return { kind: 'help', text: helpText(spec) };
  const values: Record<string, string | boolean | undefined> = {};
  for (const [name, option] of Object.entries(spec.options)) values[name] = option.type === 'boolean' ? false : option.default;
  const positionals: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') {
      if (!spec.positionals) return { kind: 'error', message: withHelpHint(spec, `зайвий аргумент «${token.value}»`) };
      positionals.push(token.value);
      continue;
    }
    if (token.kind !== 'option') continue;
    const option = Object.hasOwn(options, token.name) ? options[token.name] : undefined;
    if (!option) return { kind: 'error', message: withHelpHint(spec, `невідомий параметр ${token.rawName}`) };
    if (option.type === 'boolean') {
      if (token.value !== undefined) return { kind: 'error', message: withHelpHint(spec, `параметр ${token.rawName} не приймає значення`) };
      values[token.name] = true;
      continue;
    }
    const missing = `параметру ${token.rawName} бракує значення ${option.value ?? '<значення>'}`;
    if (token.value === undefined) return { kind: 'error', message: withHelpHint(spec, missing) };
    // The non-strict parser takes a following option for a value; a forgotten value is the likelier mistake.
    if (!token.inlineValue && token.value.startsWith('-')) {
      const hint = `значення, що починається з «-», пишіть через =: ${token.rawName}=${token.value}`;
      return { kind: 'error', message: withHelpHint(spec, `${missing} (${hint})`) };
    }
    const complaint = option.check?.(token.value);
    if (complaint !== undefined) return { kind: 'error', message: complaint };
    values[token.name] = token.value;
  }
  return { kind: 'ok', values: values as OptionValues<O>, positionals };
}

/** Prints `${name}: message` on stderr (the label coloured on a terminal) and exits with 2. */
export function exitWithUsageError(spec: Pick<CliSpec<Record<string, OptionSpec>>, 'name'>, message: string): never {
  console.error(`${colours(process.stderr).error(`${spec.name}:`)} ${message}`);
  process.exit(2);
}

/**
 * The command line of this process, for CLIs that run top to bottom: prints
 * the help and exits 0 on `--help`, prints one line and exits 2 on a usage
 * error, and returns the values otherwise.
 */
export function readCommandLine<O extends Record<string, OptionSpec>>(
  spec: CliSpec<O>,
  argv: readonly string[] = process.argv.slice(2),
): { values: OptionValues<O>; positionals: string[] } {
  const parsed = parseCommandLine(spec, argv);
  if (parsed.kind === 'help') {
    console.log(parsed.text);
    process.exit(0);
  }
  if (parsed.kind === 'error') exitWithUsageError(spec, parsed.message);
  return parsed;
}

/** A `check` for whole numbers from 1 up, e.g. `--runs`. */
export function positiveInteger(flag: string): (value: string) => string | undefined {
  return (value) => (/^[1-9]\d*$/.test(value) ? undefined : `${flag} приймає ціле число від 1, наприклад ${flag} 3 (отримано «${value}»)`);
}

/** A `check` for one of a few fixed words, e.g. `--format human|json`. */
export function oneOf(flag: string, choices: readonly string[]): (value: string) => string | undefined {
  return (value) => (choices.includes(value) ? undefined : `${flag} приймає ${choices.join(' або ')} (отримано «${value}»)`);
}

/** A `check` for a calendar date written `YYYY-MM-DD`, e.g. `--date 2026-01-26`. */
export function isoDate(flag: string): (value: string) => string | undefined {
  return (value) => {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (match && calendarDate(Number(match[1]), Number(match[2]), Number(match[3]))) return undefined;
    return `${flag} «${value}» не є датою. Запишіть її як РРРР-ММ-ДД, наприклад ${flag} 2026-01-26.`;
  };
}
