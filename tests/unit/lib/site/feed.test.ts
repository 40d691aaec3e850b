import { describe, expect, test } from 'vitest';
import type { ArticleRecord } from '#lib/archive/article-record.ts';
import { feedOptions, type FeedImage } from '#lib/site/feed.ts';
import { record } from '../archive-fakes.ts';

const LOCAL = record('2022/01/11/mist');
const REMOTE = record('2022/01/12/hroza');
const PLAIN = record('2022/01/13/shkoly');

function items(images: Record<string, FeedImage>, articles: ArticleRecord[] = [LOCAL, REMOTE, PLAIN]) {
  const options = feedOptions({
    title: 'Архів',
    description: 'Стрічка.',
    site: new URL('https://example.org'),
    self: '/rss.xml',
    page: '/',
    articles,
    categories: () => [],
    image: (article) => images[article.id],
  });
  return { xmlns: options.xmlns, items: options.items as Array<Record<string, unknown>> };
}

describe('photos in a feed', () => {
  const local = { url: 'https://example.org/2022/01/11/mist/mist-0123456789-1440.webp', type: 'image/webp', length: 48213, width: 1440 };
  const remote = { url: 'https://photos.example.org/hroza.jpg?a=1&b=2', width: 1600, height: 900 };

  test('a photo of known type and length is the enclosure; a remote one is media:content, escaped for XML', () => {
    const feed = items({ [LOCAL.id]: local, [REMOTE.id]: remote });
    expect(feed.items[0]).toMatchObject({ enclosure: { url: local.url, type: 'image/webp', length: 48213 } });
    expect(feed.items[0]).not.toHaveProperty('customData');
    expect(feed.items[1]).toMatchObject({
      customData: '<media:content url="https://photos.example.org/hroza.jpg?a=1&amp;b=2" medium="image" width="1600" height="900"/>',
    });
    expect(feed.items[1]).not.toHaveProperty('enclosure');
    expect(feed.items[2]).not.toHaveProperty('enclosure');
    expect(feed.xmlns).toEqual({ atom: 'http://www.w3.org/2005/Atom', media: 'http://search.yahoo.com/mrss/' });
  });

  test('the Media RSS namespace is declared only when an item uses it', () => {
    expect(items({ [LOCAL.id]: local }).xmlns).toEqual({ atom: 'http://www.w3.org/2005/Atom' });
  });
});
