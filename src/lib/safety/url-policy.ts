/**
 * Which addresses an article may carry. Links, images and the addresses of
 * article components may be web, mail or phone addresses, or relative to the
 * site; any other scheme (`javascript:`, `data:`, `vbscript:`…) can run code
 * or smuggle content and is refused. The ingest, `npm run check` and the
 * build all ask this module, so they never disagree about an address.
 *
 * Addresses are judged as the parser hands them over: character references
 * are already decoded in mdast and MDX attribute values, and Astro escapes
 * `&` when it writes an attribute, so `javascript&#58;` stays inert text.
 */

const SAFE_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);

/** The source of an article must be a web page: an absolute `http(s)://` address. */
export const WEB_ADDRESS = /^https?:\/\//i;

/** The scheme of an address if it is not one an article may link to (`javascript`, `data`…), else `null`. */
export function unsafeScheme(address: string): string | null {
  // Browsers ignore control characters and whitespace inside a scheme (`java\tscript:`).
  // eslint-disable-next-line no-control-regex -- control characters are what is removed
  const squeezed = address.replace(/[\u0000-\u0020\u007F-\u009F]/g, '').toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(squeezed)?.[1];
  return scheme && !SAFE_SCHEMES.has(scheme) ? scheme : null;
}

/** Addresses an article may point to: web, mail, phone, or relative to the site. */
export function isSafeUrl(address: string): boolean {
  return unsafeScheme(address) === null;
}

/** Whether an address may be a remote lead photo (`image.src`): an `https://` address that parses; a photo over plain HTTP would be mixed content. */
export function isSecureWebAddress(address: string): boolean {
  return /^https:\/\/[^\s]+$/i.test(address) && URL.canParse(address);
}

/** Whether an address may be an article's `source.url`: an `http(s)://` address (see `WEB_ADDRESS`) that parses, as the schema requires. */
export function isWebAddress(address: string): boolean {
  return WEB_ADDRESS.test(address) && URL.canParse(address);
}
