/**
 * The one script of every page, kept tiny: registers the service worker
 * (offline reading and search), shows the offline banner, and loads
 * Pagefind's highlighter only when a search result link asked for it.
 */
const base = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;

/** Search result links carry the words to mark as `?pagefind-highlight=<word>`. */
export const HIGHLIGHT_PARAM = 'pagefind-highlight';

if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  navigator.serviceWorker.register(`${base}sw.js`, { scope: base }).catch(() => {
    // Without a service worker the site still works online.
  });
}

const banner = document.querySelector<HTMLElement>('[data-offline-banner]');
if (banner) {
  const update = (): void => {
    banner.hidden = navigator.onLine;
  };
  update();
  window.addEventListener('online', update);
  window.addEventListener('offline', update);
}

if (new URLSearchParams(window.location.search).has(HIGHLIGHT_PARAM)) {
  import(/* @vite-ignore */ `${base}pagefind/pagefind-highlight.js`)
    .then(({ default: PagefindHighlight }) => {
      // `complementary` marks whole words that contain the stem; our own class and styles (no inline <style>).
      new PagefindHighlight({
        highlightParam: HIGHLIGHT_PARAM,
        addStyles: false,
        markOptions: {
          className: 'search-highlight',
          accuracy: 'complementary',
          exclude: ['[data-pagefind-ignore]', '[data-pagefind-ignore] *'],
        },
      });
    })
    .catch(() => {
      // Highlighting is a convenience: the article reads the same without it.
    });
}
