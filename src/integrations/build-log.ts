import type { AstroLoggerDestination, AstroLoggerMessage } from 'astro';
import nodeLog, { type NodeHandlerConfig } from 'astro/logger/node';
import { isPageLogEvent, PAGE_LINES_HIDDEN, PAGE_LINES_VARIABLE } from '#lib/build/page-lines.ts';

/**
 * Astro's log destination (the `logger` entry of astro.config.mjs): its
 * console log, without the two events it logs for every rendered page when
 * the build asks for none (`ARKHIV_PAGE_LINES=hidden`, as `npm run build`
 * does without `--verbose`). Dropped here, before they are formatted and
 * written, they cost a large archive's build nothing; `astro build` run
 * directly prints them as Astro does.
 */
export default function buildLog(config?: NodeHandlerConfig): AstroLoggerDestination {
  const console = nodeLog(config);
  if (process.env[PAGE_LINES_VARIABLE] !== PAGE_LINES_HIDDEN) return console;
  return {
    ...console,
    write(event: AstroLoggerMessage) {
      if (event.level !== 'info' || !isPageLogEvent(event)) console.write(event);
    },
  };
}
