/**
 * The archive's service worker (plain JavaScript, no imports). The build
 * (`src/integrations/service-worker.ts`) writes it to `<base>sw.js` with
 * `self.ARKHIV_SW = { buildId, base, precache }` in front of this code.
 *
 * - Install: caches the shell (home and search pages, scripts and styles,
 *   Pagefind's code, WebAssembly, entry and metadata files, filter chunks).
 * - Index chunks and fragments (content-addressed, never change within a
 *   build): served from the cache, fetched and cached on first use.
 * - Pages and other files: from the network, cached as they are visited,
 *   served from the cache when the network fails.
 * - Activate: deletes the caches of the other builds of the same base only;
 *   archives published under other bases of the origin keep theirs.
 *
 * A cache is named `arkhiv:<base>:<buildId>`.
 */
const { buildId, base, precache } = self.ARKHIV_SW;
const SCOPE = `arkhiv:${base}:`;
const CACHE = `${SCOPE}${buildId}`;
const IMMUTABLE = [`${base}pagefind/index/`, `${base}pagefind/fragment/`, `${base}pagefind/filter/`, `${base}_astro/`];

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(precache))
      .then(() => self.skipWaiting()),
  );
});

/**
 * Whether a cache belongs to another build of this base: a name scoped to
 * this base, or an unscoped `arkhiv-<buildId>` name whose cache holds this
 * base's home page (every build precaches it); an unscoped cache of another
 * archive on the origin stays.
 */
async function isOtherBuildOfThisBase(key) {
  if (key === CACHE) return false;
  // Bases end in `/`, so the name of a longer base (`/a/:b/` beside `/a/`) keeps a `/` after the prefix.
  if (key.startsWith(SCOPE)) return !key.slice(SCOPE.length).includes('/');
  if (!key.startsWith('arkhiv-')) return false;
  return (await (await caches.open(key)).match(new URL(base, self.location.origin).href)) !== undefined;
}

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.map(async (key) => ((await isOtherBuildOfThisBase(key)) ? caches.delete(key) : false))))
      .then(() => self.clients.claim()),
  );
});

/** Pages are stored without their query (`?pagefind-highlight=…` marks words, it is the same page). */
function cacheKey(request) {
  const url = new URL(request.url);
  if (request.mode === 'navigate') url.search = '';
  return url.href;
}

/** Stores a complete (200) response while the page already gets it; a full or failing cache never breaks the page. */
function store(event, cache, key, response) {
  if (response.status !== 200 || response.type !== 'basic') return;
  event.waitUntil(cache.put(key, response.clone()).catch(() => {}));
}

async function fromCacheFirst(event) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(event.request);
  if (cached) return cached;
  const response = await fetch(event.request);
  store(event, cache, event.request, response);
  return response;
}

async function fromNetworkFirst(event) {
  const cache = await caches.open(CACHE);
  const key = cacheKey(event.request);
  try {
    const response = await fetch(event.request);
    store(event, cache, key, response);
    return response;
  } catch (error) {
    const cached = (await cache.match(key)) ?? (await cache.match(key, { ignoreSearch: true }));
    if (cached) return cached;
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.pathname.startsWith(base)) return;
  const immutable = IMMUTABLE.some((prefix) => url.pathname.startsWith(prefix)) || url.search === `?ts=${buildId}`;
  event.respondWith(immutable ? fromCacheFirst(event) : fromNetworkFirst(event));
});
