import { unsafeScheme } from '#lib/safety/url-policy.ts';
import { joinBase } from '#lib/site/urls.ts';

/**
 * An address given to an article component, ready for `href`/`src`: a site
 * path (`/images/a.jpg`) gets the base, an `http(s):` address stays as is.
 * Any other scheme stops the build: `npm run check` reports it first, this is
 * the last line of defence for content that skipped the check.
 */
export function articleAddress(address: string, component: string, attribute: string): string {
  const scheme = unsafeScheme(address);
  if (scheme)
    throw new Error(
      `<${component} ${attribute}="${address.slice(0, 60)}">: the "${scheme}:" scheme is not allowed in articles; use https:// or a site path.`,
    );
  if (address.startsWith('/') && !address.startsWith('//')) return joinBase(import.meta.env.BASE_URL ?? '/', address);
  return address;
}
