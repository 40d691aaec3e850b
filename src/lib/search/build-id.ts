/**
 * The id of the current build: the service worker's cache name and Pagefind's
 * `metaCacheTag`, so that a new build's index is never mixed with an old one.
 * Set by `src/integrations/service-worker.ts` in the build's process (an
 * environment variable, not a compile-time constant: a constant would change
 * Astro's configuration hash on every build and void the incremental build
 * cache). `dev` outside a build.
 */
export function buildId(): string {
  return process.env.ARKHIV_BUILD_ID ?? 'dev';
}
