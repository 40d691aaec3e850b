import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { assignTopics, MAX_TOPICS } from '../../../../scripts/lib/ingest/topics.ts';
import { compileTaxonomy, parseTaxonomy, scoreTopics, type CompiledTaxonomy } from '#lib/archive/taxonomy.ts';
import { topicSchema, type TopicData } from '#lib/archive/topic-schema.ts';

const PROJECT = join(import.meta.dirname, '../../../..');

const topics: TopicData[] = [
  { slug: 'kazakhstan', name: 'Казахстан', kind: 'country', match: ['казахстан*'] },
  { slug: 'bezpeka', name: 'Безпека', kind: 'subject', match: ['гаранті* безпек*', 'військ*', 'військов*'] },
  { slug: 'sud', name: 'Суд', kind: 'subject', match: ['суд', 'суду', 'судов*'] },
  { slug: 'osvita', name: 'Освіта', kind: 'subject', match: ['школ*'] },
];
const taxonomy = compileTaxonomy(topics);

/** Slugs of the topics whose rules match the text, most hits first. */
function matched(text: string, compiled: CompiledTaxonomy): string[] {
  return scoreTopics(text, compiled).map((topic) => topic.slug);
}

describe('matching rules', () => {
  test('a prefix rule matches every inflected form', () => {
    expect(scoreTopics('Казахстан, Казахстану, у Казахстані', taxonomy)).toEqual([{ slug: 'kazakhstan', hits: 3 }]);
  });

  test('a word without * matches only whole words', () => {
    expect(matched('Судно прибуло до порту', taxonomy)).toEqual([]);
    expect(matched('Справу передали до суду', taxonomy)).toEqual(['sud']);
  });

  test('a rule of several words matches them in a row, across line breaks and hyphens', () => {
    expect(matched('надати гарантії\nбезпеки', taxonomy)).toEqual(['bezpeka']);
    expect(matched('гарантії для безпеки', taxonomy)).toEqual([]);
  });

  test('rules of one topic that match the same word count it once', () => {
    expect(scoreTopics('військових', taxonomy)).toEqual([{ slug: 'bezpeka', hits: 1 }]);
  });

  test('matching ignores case and apostrophe forms', () => {
    const compiled = compileTaxonomy([{ slug: 'pamiat', name: 'Памʼять', kind: 'subject', match: ["пам'ят*"] }]);
    expect(matched('ПАМ’ЯТЬ і памʼяті', compiled)).toEqual(['pamiat']);
  });

  test('words are runs of letters, digits and ʼ: marks, symbols and emoji separate them, an astral letter belongs to its word', () => {
    expect(scoreTopics('суд\u0483суду😀суду', taxonomy)).toEqual([{ slug: 'sud', hits: 3 }]);
    expect(scoreTopics('суд𝐀 і суду\uD800', taxonomy)).toEqual([{ slug: 'sud', hits: 1 }]);
  });

  test('a rule of one letter matches only a word of one letter, as the index of two-letter keys implies', () => {
    const compiled = compileTaxonomy([{ slug: 'a', name: 'А', kind: 'subject', match: ['а*', 'і'] }]);
    expect(scoreTopics('а і аб ів', compiled)).toEqual([{ slug: 'a', hits: 2 }]);
  });

  test('topics are ordered by hits, then taxonomy order', () => {
    expect(scoreTopics('Школа і школярі. Казахстан. У школі.', taxonomy)).toEqual([
      { slug: 'osvita', hits: 3 },
      { slug: 'kazakhstan', hits: 1 },
    ]);
    expect(matched('Суд. Казахстан.', taxonomy)).toEqual(['kazakhstan', 'sud']);
  });
});

describe('assignTopics (the ingest policy)', () => {
  test('keeps explicit topics that name a taxonomy topic by slug or name, and reports the rest', () => {
    const result = assignTopics({ title: 'Новина', text: 'Текст без тем.', explicit: ['Освіта', 'sud', 'невідома'] }, taxonomy);
    expect(result.topics).toEqual(['osvita', 'sud']);
    expect(result.notes).toEqual(['тему «невідома» не знайдено в topics.yaml (не додано): її створить імпорт із --create-topics']);
    expect(result.created).toEqual([]);
  });

  test('a title match outweighs passing mentions in the body', () => {
    const result = assignTopics({ title: 'Казахстан просить про допомогу', text: 'Школа. Школа. Допомога прийде.' }, taxonomy);
    expect(result.topics[0]).toBe('kazakhstan');
  });

  test('a long text needs more matches: a single passing mention is dropped', () => {
    const filler = Array.from({ length: 600 }, () => 'слово').join(' ');
    const text = `Школа, школа, школа, школярі. ${filler} Один раз Казахстан.`;
    expect(assignTopics({ title: 'Про навчання', text }, taxonomy).topics).toEqual(['osvita']);
  });

  test(`gives at most ${MAX_TOPICS} topics`, () => {
    const many = compileTaxonomy(
      Array.from({ length: 8 }, (_, i) => ({ slug: `t${i}`, name: `Т${i}`, kind: 'subject' as const, match: [`слово${i}`] })),
    );
    const text = Array.from({ length: 8 }, (_, i) => `слово${i}`).join(' ');
    expect(assignTopics({ title: 'x', text }, many).topics).toHaveLength(MAX_TOPICS);
  });
});

describe('content/topics.yaml', () => {
  const list = parseTaxonomy(readFileSync(join(PROJECT, 'content/topics.yaml'), 'utf8'));

  test('every topic passes the schema and slugs are unique', () => {
    for (const topic of list) expect(topicSchema.safeParse(topic).success, topic.slug).toBe(true);
    expect(new Set(list.map((t) => t.slug)).size).toBe(list.length);
  });

  test.each([
    ['Президент Казахстану Касим-Жомарт Токаєв', ['kazakhstan', 'kasym-zhomart-tokaiev']],
    ['Рада громади ухвалила бюджет', ['mistseva-vlada', 'ekonomika']],
    ['Футбольна команда виграла турнір', ['sport']],
    ['Зміни у змісті зношеного мережива', []],
  ])('%s → %j', (text, expected) => {
    expect(matched(text, compileTaxonomy(list)).sort()).toEqual([...expected].sort());
  });
});
