import { styleText } from 'node:util';

/** Text painters for one output stream; each returns its text unchanged when colour is off. */
export interface Colours {
  /** Error labels. */
  error(text: string): string;
  /** Warning labels. */
  warning(text: string): string;
  /** Places in files: `file:line` and `file:line:col`. */
  place(text: string): string;
  /** Nothing is painted: colour is off for this stream. */
  readonly plain: boolean;
}

/**
 * Painters for `stream`: ANSI colours only when the stream is a terminal and
 * `NO_COLOR` is unset or empty (https://no-color.org), so pipes, files, CI
 * logs and tests get plain text. On a terminal, Node's own rules apply as
 * well (`TERM=dumb`, `FORCE_COLOR=0` turn colour off).
 */
export function colours(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): Colours {
  const on = stream.isTTY === true && !env.NO_COLOR;
  const paint = (format: Parameters<typeof styleText>[0]) => (text: string) => (on ? styleText(format, text, { stream }) : text);
  return { error: paint(['bold', 'red']), warning: paint(['bold', 'yellow']), place: paint('cyan'), plain: !on };
}
