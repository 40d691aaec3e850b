import { stripVTControlCharacters } from 'node:util';

/**
 * Astro logs two events for every page it renders: the page's path
 * (`├─ /2022/01/11/slug/index.html`, without a line end), then its time
 * (`(+12ms)`, or `(cached)`, `(restored)`) to end the line. A large archive's
 * build renders hundreds of thousands of pages; `npm run build` shows those
 * lines only with `--verbose`.
 */

/** The environment variable with which a build asks Astro's log (`src/integrations/build-log.ts`) to leave the page lines out. */
export const PAGE_LINES_VARIABLE = 'ARKHIV_PAGE_LINES';
/** Its value that leaves them out. */
export const PAGE_LINES_HIDDEN = 'hidden';

const PAGE_PATH = /[├└]─/;
const PAGE_TIME = /^\s*\((?:\+[\d.]+m?s|cached|restored)\)(?:\s|$)/;
/** The label Astro gives the events it writes unformatted. */
const UNFORMATTED = 'SKIP_FORMAT';

/** One event of Astro's log, as its log destinations receive it. */
export interface LogEvent {
  label: string | null;
  message: string;
  newLine: boolean;
}

/** Whether a log event is one of the two of a rendered page. Pages render several at a time, so the two need not be adjacent: each is known by its text. */
export function isPageLogEvent({ label, message, newLine }: LogEvent): boolean {
  if (label === null) return !newLine && PAGE_PATH.test(message);
  return label === UNFORMATTED && PAGE_TIME.test(stripVTControlCharacters(message));
}
