/**
 * Swaps an `Embed` placeholder for the provider's player when the reader
 * presses its button. Nothing is requested from the provider before that.
 * Runs as an external module, so it needs no `'unsafe-inline'` in the CSP.
 */
import { isPlayerAddress } from '#lib/safety/embed-providers.ts';

document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target : null;
  const button = target?.closest('a[data-embed-load]');
  const figure = button?.closest('figure[data-embed-player]');
  const player = figure?.getAttribute('data-embed-player');
  const placeholder = button?.parentElement;
  if (!figure || !player || !placeholder || !isPlayerAddress(player)) return;
  event.preventDefault();
  const frame = document.createElement('iframe');
  frame.src = player;
  frame.title = figure.getAttribute('data-embed-title') ?? '';
  frame.allow = 'encrypted-media; fullscreen; picture-in-picture';
  frame.allowFullscreen = true;
  frame.referrerPolicy = 'strict-origin-when-cross-origin';
  frame.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-popups allow-presentation');
  placeholder.replaceWith(frame);
  frame.focus();
});
