import type { APIRoute } from 'astro';
import { absoluteUrl, urls } from '#lib/site/urls.ts';

/** Allows every crawler and points at the sitemap under the configured site and base. */
export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(urls.sitemap(), site)}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
