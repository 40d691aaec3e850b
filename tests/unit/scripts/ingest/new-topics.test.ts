import { describe, expect, test } from 'vitest';
import { compileTaxonomy, parseTaxonomy, scoreTopics } from '#lib/archive/taxonomy.ts';
import type { TopicData } from '#lib/archive/topic-schema.ts';
import { validateTopics } from '#lib/archive/validate-topics.ts';
import { topicFromSourceName, topicsAddition } from '../../../../scripts/lib/ingest/new-topics.ts';
import { assignTopics, MAX_TOPICS } from '../../../../scripts/lib/ingest/topics.ts';
import { readJsonItems } from '../../../../scripts/lib/readers/read-json-items.ts';
import { prepareItem } from '../../../../scripts/lib/ingest/prepare-item.ts';

const TOPICS: TopicData[] = [
  { slug: 'osvita', name: 'Освіта', kind: 'subject', match: ['школ*'] },
  { slug: 'vybory', name: 'Вибори до рад', kind: 'subject', match: ['вибор*'] },
];
const taxonomy = compileTaxonomy(TOPICS);

describe('a topic made of a source’s name', () => {
  test.each([
    ['a Ukrainian name', 'Вишивка', { slug: 'vyshyvka', name: 'Вишивка', kind: 'subject', match: ['вишивка'] }],
    [
      'spacing, case and an apostrophe are cleaned as in author names; the rule is the folded words',
      '  Мистецтво   Обʼєднання ',
      { slug: 'mystetstvo-obiednannia', name: 'Мистецтво Обʼєднання', kind: 'subject', match: ['мистецтво обʼєднання'] },
    ],
    ['punctuation is not part of a rule word', 'COVID-19', { slug: 'covid-19', name: 'COVID-19', kind: 'subject', match: ['covid 19'] }],
  ])('%s', (_, given, topic) => {
    expect(topicFromSourceName(given)).toEqual({ topic, notes: [] });
  });

  test('the rule matches the name itself, not other forms of its words', () => {
    const { topic } = topicFromSourceName('Дитячі садки');
    const compiled = compileTaxonomy([topic!]);
    expect(scoreTopics('Дитячі садки відкрилися. Дитячі садки. Садки дитячі.', compiled)).toEqual([{ slug: 'dytiachi-sadky', hits: 2 }]);
    expect(scoreTopics('Дитячого садка немає.', compiled)).toEqual([]);
    expect(scoreTopics('COVID-19 і covid 19', compileTaxonomy([topicFromSourceName('COVID-19').topic!]))).toEqual([
      { slug: 'covid-19', hits: 2 },
    ]);
  });

  test('a name that gives no slug is no topic and is reported; direction controls are removed and reported', () => {
    expect(topicFromSourceName('——')).toEqual({
      notes: ['тему «——» не створено: з назви не виходить адреса сторінки (потрібні латинські чи кириличні літери або цифри)'],
    });
    const made = topicFromSourceName('\u202EВишивка');
    expect(made.topic?.name).toBe('Вишивка');
    expect(made.notes).toEqual([
      'у назві теми прибрано символи керування напрямком тексту (U+202E): вони показували б текст не в тому порядку, у якому він записаний',
    ]);
  });
});

describe('assigning topics with --create-topics', () => {
  test('unknown topics become new ones, each once; known ones by slug or name are kept', () => {
    const result = assignTopics(
      { title: 'Ярмарок', text: 'Текст без тем.', explicit: ['Вишивка', 'Освіта', 'вишивка', 'vyshyvka', 'Народні ремесла'] },
      taxonomy,
      { create: true },
    );
    expect(result.topics).toEqual(['vyshyvka', 'osvita', 'narodni-remesla']);
    expect(result.created.map((topic) => [topic.slug, topic.name])).toEqual([
      ['vyshyvka', 'Вишивка'],
      ['narodni-remesla', 'Народні ремесла'],
    ]);
    expect(result.notes).toEqual([]);
  });

  test('a name that is a taxonomy topic’s name or slug in another spelling is that topic, not a new one', () => {
    const result = assignTopics({ title: 'x', text: 'y', explicit: ['OSVITA', 'вибори ДО рад', '\u202Eosvita'] }, taxonomy, {
      create: true,
    });
    expect(result).toEqual({ topics: ['osvita', 'vybory'], created: [], notes: [] });
  });

  test(`only new topics among the ${MAX_TOPICS} kept are created`, () => {
    const explicit = Array.from({ length: MAX_TOPICS + 2 }, (_, i) => `Тема ${i + 1}`);
    const result = assignTopics({ title: 'x', text: 'y', explicit }, taxonomy, { create: true });
    expect(result.topics).toHaveLength(MAX_TOPICS);
    expect(result.created.map((topic) => topic.slug)).toEqual(result.topics);
    expect(result.notes).toEqual([`джерело дає ${MAX_TOPICS + 2} тем: залишено перші ${MAX_TOPICS}`]);
  });

  test('without the option unknown topics are reported with the way to create them', () => {
    const result = assignTopics({ title: 'x', text: 'y', explicit: ['Вишивка'] }, taxonomy);
    expect(result).toEqual({
      topics: [],
      created: [],
      notes: ['тему «Вишивка» не знайдено в topics.yaml (не додано): її створить імпорт із --create-topics'],
    });
  });

  test('a prepared item names the new topic by slug and carries it to be added', async () => {
    const [item] = readJsonItems(
      JSON.stringify([{ title: 'Ярмарок вишиванок', date: '2022-01-11', topics: ['Вишивка'], body: 'У неділю на площі пройде ярмарок.' }]),
      'a.json',
    ).items;
    const prepared = await prepareItem(item!, { taxonomy, today: '2026-11-25', createTopics: true });
    if ('error' in prepared) throw new Error(prepared.error);
    expect(prepared.data.topics).toEqual(['vyshyvka']);
    expect(prepared.newTopics).toEqual([{ slug: 'vyshyvka', name: 'Вишивка', kind: 'subject', match: ['вишивка'] }]);
    const without = await prepareItem(item!, { taxonomy, today: '2026-11-25' });
    if ('error' in without) throw new Error(without.error);
    expect(without.data.topics).toEqual([]);
    expect(without.newTopics).toEqual([]);
  });
});

describe('appending new topics to topics.yaml', () => {
  const text = '# Теми архіву\n\n- slug: osvita\n  name: Освіта\n  kind: subject\n  match: [школ*]\n';
  const added = [topicFromSourceName('Вишивка').topic!, topicFromSourceName('Обʼєднання: громади').topic!];

  test('keeps the file as it is and adds entries, in its style, that read back and pass npm run check', () => {
    const addition = topicsAddition('/archive', new TextEncoder().encode(text), added)!;
    expect(addition.path).toBe('/archive/topics.yaml');
    expect(addition.content).toBe(
      `${text}\n- slug: vyshyvka\n  name: Вишивка\n  kind: subject\n  match: [вишивка]\n\n- slug: obiednannia-hromady\n  name: "Обʼєднання: громади"\n  kind: subject\n  match: [обʼєднання громади]\n`,
    );
    expect(parseTaxonomy(addition.content)).toEqual([TOPICS[0], ...added]);
    expect(validateTopics(addition.content, 'topics.yaml').problems).toEqual([]);
  });

  test('nothing to add is no write', () => {
    expect(topicsAddition('/archive', new TextEncoder().encode(text), [])).toBeUndefined();
  });
});
