import { describe, expect, test } from 'vitest';
import { readFeed } from '../../../../scripts/lib/readers/read-feed.ts';

const TEXT = 'У Щасті висадили сто каштанів уздовж центральної вулиці.';
const MEDIA = 'xmlns:media="http://search.yahoo.com/mrss/"';

/** The lead image the reader finds in one RSS item holding `media` (an RSS 2.0 feed with the Media RSS namespace). */
function imageOf(media: string): unknown {
  const xml = `<?xml version="1.0"?>\n<rss version="2.0" ${MEDIA}><channel><title>Новини Щастя</title>\n<item><title>Каштани</title><description>${TEXT}</description>${media}</item>\n</channel></rss>\n`;
  const { items, errors } = readFeed(xml, 'feed.rss');
  expect(errors).toEqual([]);
  return items[0]!.image;
}

const ENCLOSURE = '<enclosure url="https://example.org/foto/enclosure.jpg" length="12345" type="image/jpeg"/>';
const CONTENT =
  '<media:content url="https://example.org/foto/content.jpg" medium="image" width="1200" height="800"><media:description>Волонтери садять каштани на вулиці</media:description><media:credit>Олена Коваль</media:credit></media:content>';
const THUMBNAIL = '<media:thumbnail url="https://example.org/foto/thumb.jpg" width="150" height="100"/>';

describe('the lead image of a feed item', () => {
  test('an RSS enclosure of an image type, with the item’s media:title as its description', () => {
    expect(imageOf(`${ENCLOSURE}<media:title>Каштани на вулиці</media:title>`)).toEqual({
      src: 'https://example.org/foto/enclosure.jpg',
      alt: 'Каштани на вулиці',
    });
  });

  test('an enclosure that is not an image (a podcast) is no lead image', () => {
    expect(imageOf('<enclosure url="https://example.org/audio.mp3" length="1" type="audio/mpeg"/>')).toBeUndefined();
  });

  test('media:content: size from its attributes, alt from media:description, credit from media:credit', () => {
    expect(imageOf(CONTENT)).toEqual({
      src: 'https://example.org/foto/content.jpg',
      alt: 'Волонтери садять каштани на вулиці',
      credit: 'Олена Коваль',
      width: 1200,
      height: 800,
    });
  });

  test('media:content is an image by its type too, also inside media:group; a video is not', () => {
    expect(
      imageOf(
        '<media:content url="https://example.org/video.mp4" medium="video"/><media:group><media:content url="https://example.org/foto/group.png" type="image/png"/><media:description>Саджанці каштанів</media:description></media:group>',
      ),
    ).toEqual({ src: 'https://example.org/foto/group.png', alt: 'Саджанці каштанів' });
  });

  test('media:thumbnail when there is nothing else; media:description is preferred to media:title', () => {
    expect(
      imageOf(
        `${THUMBNAIL}<media:title>Каштани</media:title><media:description type="html">&lt;p&gt;Нові &lt;b&gt;каштани&lt;/b&gt;&lt;/p&gt;</media:description>`,
      ),
    ).toEqual({ src: 'https://example.org/foto/thumb.jpg', alt: 'Нові каштани', width: 150, height: 100 });
  });

  test('preference: media:content over enclosure over media:thumbnail, whatever their order', () => {
    expect(imageOf(`${THUMBNAIL}${ENCLOSURE}${CONTENT}`)).toMatchObject({ src: 'https://example.org/foto/content.jpg' });
    expect(imageOf(`${THUMBNAIL}${ENCLOSURE}`)).toMatchObject({ src: 'https://example.org/foto/enclosure.jpg' });
  });

  test('an image without a description has no alt; a size that is not a whole number is left out', () => {
    expect(imageOf('<media:content url="https://example.org/foto/a.jpg" medium="image" width="50%" height="0"/>')).toEqual({
      src: 'https://example.org/foto/a.jpg',
    });
  });

  test('an Atom entry’s link rel="enclosure" of an image type', () => {
    const xml = `<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom" ${MEDIA}><title>Вісті</title>\n<entry><title>Міст</title><id>urn:1</id><updated>2022-05-10T10:00:00Z</updated><content type="text">${TEXT}</content><link rel="enclosure" type="image/webp" href="https://example.org/foto/mist.webp"/><media:description>Відремонтований міст</media:description></entry>\n</feed>\n`;
    expect(readFeed(xml, 'feed.atom').items[0]!.image).toEqual({ src: 'https://example.org/foto/mist.webp', alt: 'Відремонтований міст' });
  });

  test('an item without image media has none', () => {
    expect(imageOf('')).toBeUndefined();
  });
});
