import { expect, test } from 'vitest';
import { articleAttributes, metadataAttributes } from '#lib/search/page-attributes.ts';

const input = {
  title: 'Мир, війна: «так»',
  date: '2022-01-11',
  summary: 'Один,  два\nтри.',
  topicNames: ['Безпека, оборона', 'Переговори', 'Переговори'],
  authorNames: ['Олена  Петренко', 'Тарас Ковальчук', 'Олена Петренко'],
};

test('the article element is the indexed body, sorted by its ISO date', () => {
  expect(articleAttributes(input)).toEqual({ 'data-pagefind-body': '', 'data-pagefind-sort': 'date:2022-01-11' });
});

test('metadata and filters read each value from its own attribute, so commas survive', () => {
  expect(metadataAttributes(input)).toEqual({
    hidden: '',
    'data-pagefind-meta': 'title[data-search-title], date[data-search-date], summary[data-search-summary]',
    'data-pagefind-filter':
      'year[data-search-year], period[data-search-month], period[data-search-day], topic[data-search-topic-0], topic[data-search-topic-1], author[data-search-author-0], author[data-search-author-1]',
    'data-search-title': 'Мир, війна: «так»',
    'data-search-date': '2022-01-11',
    'data-search-summary': 'Один, два три.',
    'data-search-year': '2022',
    'data-search-month': '2022-01',
    'data-search-day': '2022-01-11',
    'data-search-topic-0': 'Безпека, оборона',
    'data-search-topic-1': 'Переговори',
    'data-search-author-0': 'Олена Петренко',
    'data-search-author-1': 'Тарас Ковальчук',
  });
});

test('an article without topics or authors has only the time filters', () => {
  expect(metadataAttributes({ ...input, topicNames: [], authorNames: [] })['data-pagefind-filter']).toBe(
    'year[data-search-year], period[data-search-month], period[data-search-day]',
  );
});

test('authors are filter values by name, each in its own attribute, so a name with a comma survives', () => {
  const attributes = metadataAttributes({ ...input, topicNames: [], authorNames: ['Петренко, Олена', ' '] });
  expect(attributes['data-pagefind-filter']).toBe(
    'year[data-search-year], period[data-search-month], period[data-search-day], author[data-search-author-0]',
  );
  expect(attributes['data-search-author-0']).toBe('Петренко, Олена');
  expect(attributes).not.toHaveProperty('data-search-author-1');
});
