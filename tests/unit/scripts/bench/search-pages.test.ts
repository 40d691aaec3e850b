import { expect, test } from 'vitest';
import { pagefindUiPage, withoutTypingDelay } from '../../../../scripts/lib/bench/search-pages.ts';

test('the search page is served with its typing delay at 0 and the rest of its config unchanged', () => {
  const config = { bundlePath: '/pagefind/', buildId: 'b', typingDelayMs: 250, strings: { a: 'x</script>' } };
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  const html = `<main><script type="application/json" id="search-config">${json}</script><script src="/a.js"></script></main>`;
  const served = withoutTypingDelay(html);
  const inside = /id="search-config">(.*?)<\/script>/.exec(served)![1]!;
  expect(JSON.parse(inside)).toEqual({ ...config, typingDelayMs: 0 });
  expect(served).toContain('<script src="/a.js"></script></main>');
  expect(() => withoutTypingDelay('<main></main>')).toThrow(/search-config/);
});

test('the Pagefind UI page loads the bundle’s own UI and merges every other part of the index', () => {
  const page = pagefindUiPage('/pagefind/', ['2011-2020/', '2001-2010/']);
  expect(page).toContain('<html lang="uk">');
  expect(page).toContain('<link href="/pagefind/pagefind-ui.css" rel="stylesheet">');
  expect(page).toContain('<script src="/pagefind/pagefind-ui.js"></script>');
  const options = JSON.parse(/new PagefindUI\((.*)\);/.exec(page)![1]!) as Record<string, unknown>;
  expect(options).toMatchObject({
    bundlePath: '/pagefind/',
    debounceTimeoutMs: 0,
    mergeIndex: [{ bundlePath: '/pagefind/2011-2020/' }, { bundlePath: '/pagefind/2001-2010/' }],
  });
  expect(page).toContain('ui.triggerSearch(query)');
});
