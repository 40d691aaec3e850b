import { EMBED_PROVIDERS } from './embed-providers.ts';

/**
 * The Content Security Policy of every page, sent as a `<meta http-equiv>`
 * tag by `BaseLayout.astro` (a static host cannot be relied on for headers).
 * Only the site's own scripts run (no inline scripts: the build keeps every
 * script external, see `src/integrations/content-safety.ts`); Pagefind needs
 * `'wasm-unsafe-eval'` to compile its WebAssembly; styles may be inline
 * (components and search UI set them); images may come from any `https:`
 * host; frames only from the players that `Embed` loads on request.
 * A meta policy cannot carry `frame-ancestors`, `report-uri` or `sandbox`,
 * and covers only pages: the build also writes the policy as HTTP headers
 * for hosts that read a `_headers` file (`src/lib/site/headers-file.ts`).
 */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'https:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'frame-src': [...new Set(EMBED_PROVIDERS.map((provider) => provider.frameOrigin))],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
};

/** The policy as one header value. */
export const CONTENT_SECURITY_POLICY = Object.entries(CSP_DIRECTIVES)
  .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
  .join('; ');

/** Directives only an HTTP header can carry: no other site may frame the archive's pages. */
export const HEADER_ONLY_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'frame-ancestors': ["'self'"],
};

/** The policy of every response, as an HTTP header value: the page policy and the header-only directives. */
export const CONTENT_SECURITY_POLICY_HEADER = [
  CONTENT_SECURITY_POLICY,
  ...Object.entries(HEADER_ONLY_DIRECTIVES).map(([directive, sources]) => `${directive} ${sources.join(' ')}`),
].join('; ');

/**
 * The policy of an SVG opened as a document: no script and nothing from
 * another origin, even if a script slipped past `npm run check`; images of
 * the site and inline styles still draw.
 */
export const SVG_CONTENT_SECURITY_POLICY = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox";
