/** Replaced at build time by `src/integrations/service-worker.ts`. */
declare const __ARKHIV_BUILD_ID__: string | undefined;

/**
 * The id of the current build: the service worker's cache name and Pagefind's
 * `metaCacheTag`, so that a new build's index is never mixed with an old one.
 * `dev` outside a build (dev server without the integration, unit tests).
 */
export const BUILD_ID: string = typeof __ARKHIV_BUILD_ID__ === 'string' ? __ARKHIV_BUILD_ID__ : 'dev';
