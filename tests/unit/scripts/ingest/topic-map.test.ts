import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { TopicData } from '#lib/archive/topic-schema.ts';
import { loadTopicMap } from '../../../../scripts/lib/ingest/topic-map.ts';

const OUT = join(import.meta.dirname, '../../../.output/topic-map');
const FIXTURE = join(import.meta.dirname, '../../../fixtures/ingest/wordpress/topic-map.yaml');
const TOPICS = ['mistseva-vlada', 'osvita', 'sotsialna-polityka', 'transport'].map((slug) => ({ slug, name: slug })) as TopicData[];

async function mapFile(name: string, text: string): Promise<string> {
  const path = join(OUT, name);
  await writeFile(path, text);
  return path;
}

beforeAll(async () => {
  await rm(OUT, { recursive: true, force: true });
  await mkdir(OUT, { recursive: true });
});

describe('--topic-map', () => {
  test('maps slugs and names, compared folded, to one or more topic slugs', async () => {
    const loaded = await loadTopicMap(FIXTURE, 'topic-map.yaml', TOPICS);
    expect(loaded).toEqual({
      map: new Map([
        ['hromada', ['mistseva-vlada']],
        ['освіта', ['osvita']],
        ['dity', ['osvita', 'sotsialna-polityka']],
        ['транспорт', ['transport']],
      ]),
    });
  });

  test('every bad entry is listed with its line: unknown topics, values that are not slugs', async () => {
    const path = await mapFile('bad.yaml', 'hromada: nema\nsport: [osvita, 3]\nok: osvita\nportal: {a: b}\n');
    expect(await loadTopicMap(path, 'bad.yaml', TOPICS)).toEqual({
      problems: [
        'bad.yaml:1: теми «nema» немає в topics.yaml. Додайте тему або виправте слаг.',
        'bad.yaml:2: кожен запис — «рубрика: слаг-теми» або «рубрика: [слаг, слаг]». Виправте цей рядок.',
        'bad.yaml:4: кожен запис — «рубрика: слаг-теми» або «рубрика: [слаг, слаг]». Виправте цей рядок.',
      ],
    });
  });

  test('a file that is not YAML, not a mapping, or missing is an error that says how to fix it', async () => {
    const broken = await mapFile('broken.yaml', 'hromada: [osvita\n');
    expect(await loadTopicMap(broken, 'broken.yaml', TOPICS)).toMatchObject({
      problems: [expect.stringMatching(/^broken\.yaml:\d+: не YAML/)],
    });
    const list = await mapFile('list.yaml', '- osvita\n');
    expect(await loadTopicMap(list, 'list.yaml', TOPICS)).toEqual({
      problems: ['list.yaml:1: потрібен словник «рубрика або мітка: слаг теми», наприклад «novyny-kyieva: kyiv».'],
    });
    expect(await loadTopicMap(join(OUT, 'nema.yaml'), 'nema.yaml', TOPICS)).toEqual({
      problems: ['nema.yaml: файл не вдалося прочитати (ENOENT). Перевірте шлях у --topic-map.'],
    });
  });
});
