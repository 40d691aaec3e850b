/**
 * Which third-party players an article may embed, and how a public address
 * of a video or post becomes the address of its player. The `Embed`
 * component, `npm run check` and the Content Security Policy (`frame-src`)
 * all read this one list, so a provider is added in one place.
 */
export interface EmbedProvider {
  /** Short id, also the `data-provider` of the placeholder. */
  id: string;
  /** Name shown to readers on the placeholder («Відео YouTube»). */
  name: string;
  /** Origin of the player, allowed in `frame-src`. */
  frameOrigin: string;
  /** The player address for a public URL of this provider, or `null` when the URL is not one of its. */
  player(url: URL): string | null;
}

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;
const NUMERIC = /^\d{1,20}$/;
const TELEGRAM_NAME = /^[A-Za-z][A-Za-z0-9_]{3,31}$/;

export const EMBED_PROVIDERS: readonly EmbedProvider[] = [
  {
    id: 'youtube',
    name: 'YouTube',
    frameOrigin: 'https://www.youtube-nocookie.com',
    player(url) {
      const host = url.hostname.replace(/^(www|m)\./, '');
      let id: string | null = null;
      if (host === 'youtu.be') id = url.pathname.slice(1);
      else if (host === 'youtube.com' && url.pathname === '/watch') id = url.searchParams.get('v');
      else if (host === 'youtube.com') id = /^\/(?:embed|shorts|live)\/([^/]+)$/.exec(url.pathname)?.[1] ?? null;
      return id && YOUTUBE_ID.test(id) ? `https://www.youtube-nocookie.com/embed/${id}` : null;
    },
  },
  {
    id: 'vimeo',
    name: 'Vimeo',
    frameOrigin: 'https://player.vimeo.com',
    player(url) {
      const host = url.hostname.replace(/^www\./, '');
      const id = host === 'vimeo.com' ? url.pathname.slice(1) : host === 'player.vimeo.com' ? url.pathname.replace(/^\/video\//, '') : '';
      return NUMERIC.test(id) ? `https://player.vimeo.com/video/${id}` : null;
    },
  },
  {
    id: 'telegram',
    name: 'Telegram',
    frameOrigin: 'https://t.me',
    player(url) {
      if (url.hostname !== 't.me') return null;
      const [channel, post, ...rest] = url.pathname.split('/').filter(Boolean);
      if (rest.length > 0 || !channel || !post || !TELEGRAM_NAME.test(channel) || !NUMERIC.test(post)) return null;
      return `https://t.me/${channel}/${post}?embed=1`;
    },
  },
  {
    id: 'facebook',
    name: 'Facebook',
    frameOrigin: 'https://www.facebook.com',
    player(url) {
      const host = url.hostname.replace(/^(www|m)\./, '');
      if (host !== 'facebook.com' || url.search || url.hash) return null;
      if (!/^\/[A-Za-z0-9.]+\/(posts|videos)\/[A-Za-z0-9]+\/?$/.test(url.pathname)) return null;
      const kind = url.pathname.includes('/videos/') ? 'video' : 'post';
      const href = encodeURIComponent(`https://www.facebook.com${url.pathname}`);
      return `https://www.facebook.com/plugins/${kind}.php?href=${href}`;
    },
  },
];

export interface ResolvedEmbed {
  provider: EmbedProvider;
  /** The address readers open without JavaScript (the original post). */
  href: string;
  /** The player address that replaces the placeholder on request. */
  player: string;
}

/** The provider and player for a public URL, or `null` when no provider accepts it (only `https:` is accepted). */
export function resolveEmbed(address: string): ResolvedEmbed | null {
  if (!URL.canParse(address)) return null;
  const url = new URL(address);
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return null;
  for (const provider of EMBED_PROVIDERS) {
    const player = provider.player(url);
    if (player) return { provider, href: url.href, player };
  }
  return null;
}

/** Whether an address is one the placeholder script may load: a player address of a known provider. */
export function isPlayerAddress(address: string): boolean {
  if (!URL.canParse(address)) return false;
  const origin = new URL(address).origin;
  return EMBED_PROVIDERS.some((provider) => provider.frameOrigin === origin);
}
