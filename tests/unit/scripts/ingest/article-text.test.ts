import { describe, expect, test } from 'vitest';
import { serializeArticle, type ArticleFrontMatter } from '#lib/archive/article-file.ts';
import { plainFrontMatter, serializeIngestedArticle } from '../../../../scripts/lib/ingest/article-text.ts';
import { ALL_HOSTILE } from '../../../fixtures/hostile/strings.ts';
import { randomText, seeded } from '../../../fixtures/hostile/fuzz-inputs.ts';
import { readArticleFile } from '../../../fixtures/ingest/read-article-file.ts';

const BODY = 'Перший абзац.\n\nДругий абзац.\n';

const ORDINARY: ArticleFrontMatter = {
  title: 'У Вінниці перевірять нову шкільну програму',
  date: '2019-03-23',
  topics: ['osvita', 'mistseva-vlada'],
  summary: 'Обласна адміністрація скасувала відновлення на суму 793 млн гривень. Частину коштів обіцяють партнери.',
  source: { name: 'Регіональні новини', url: 'https://example.org/news/20260126-222' },
  lang: 'uk',
  id: 'sha256:c10fbbcab529acd6',
  origin: 'news/items-000.jsonl:223',
};

// Values the YAML library writes quoted, as a block, or in another form than plain.
const AWKWARD = [
  '',
  ' ',
  'Заголовок: підзаголовок',
  'кінець:',
  'кінець ',
  ' початок',
  '# не коментар',
  'текст #тег',
  'текст#тег',
  '- пункт',
  '-',
  '?',
  '? питання',
  ': двокрапка',
  '[дужки]',
  '{фігурні}',
  'a, b',
  '&якір',
  '*зірка',
  '!тег',
  '|',
  '>',
  "'лапки'",
  '"лапки"',
  '%відсоток',
  '@равлик',
  '`код`',
  '---',
  '--- роздільник',
  '...',
  '... далі',
  'true',
  'False',
  'NULL',
  '~',
  '2026',
  '-5',
  '+5',
  '0x1F',
  '0o17',
  '1e5',
  '.5',
  '1.',
  '.inf',
  '.NaN',
  '2026-01-26',
  '12:30',
  'рядок\nрядок',
  'таб\tтаб',
  'нуль\u0000',
  'дзвінок\u0007',
  'del\u007F',
  'c1\u0085',
  '\uFEFFbom',
  'емодзі 😀',
  'сурогат \uD800',
  'https://example.org/a#b',
  'https://example.org/a?b=c&d=e',
  'пам\u02BCять',
  'так — ні',
  '«лапки» на початку',
  'ціна 5%',
  'x:y',
  'кінець?',
  'кінець!',
  ...ALL_HOSTILE,
];

describe('serializeIngestedArticle', () => {
  test('writes an ordinary ingested article without the YAML library, byte for byte as serializeArticle', () => {
    expect(plainFrontMatter(ORDINARY)).toBeDefined();
    expect(serializeIngestedArticle(ORDINARY, BODY)).toBe(serializeArticle(ORDINARY, BODY));
  });

  test.each(AWKWARD)('matches serializeArticle for the value %j in every field', (value) => {
    for (const field of ['title', 'summary', 'date', 'lang', 'origin'] as const) {
      const data = { ...ORDINARY, [field]: value };
      expect(serializeIngestedArticle(data, BODY), field).toBe(serializeArticle(data, BODY));
    }
    for (const source of [{ name: value }, { url: value }, { name: value, url: value }]) {
      const data = { ...ORDINARY, source };
      expect(serializeIngestedArticle(data, BODY)).toBe(serializeArticle(data, BODY));
    }
    const topics = { ...ORDINARY, topics: [value, 'osvita'] };
    expect(serializeIngestedArticle(topics, BODY)).toBe(serializeArticle(topics, BODY));
  });

  test('matches serializeArticle for optional fields left out, empty topics, other fields and bodies without a final line break', () => {
    const { source: _source, ...noSource } = ORDINARY;
    const cases: ArticleFrontMatter[] = [
      noSource,
      { ...ORDINARY, topics: [] },
      { ...ORDINARY, source: {} },
      { ...ORDINARY, aliases: [] },
      { ...ORDINARY, aliases: ['/2020/01/01/stara-adresa/'] },
      { ...ORDINARY, updated: '2020-01-02', correction: 'Виправлено дату.' },
    ];
    for (const data of cases) {
      for (const body of [BODY, 'Без кінця рядка', 'Кілька\n\n\n', ''])
        expect(serializeIngestedArticle(data, body)).toBe(serializeArticle(data, body));
    }
  });

  test('matches serializeArticle on random text, and what it writes reads back as the same strings', () => {
    const random = seeded(41);
    for (let n = 0; n < 500; n += 1) {
      const data = { ...ORDINARY, title: randomText(random, random.int(1, 60)).trim(), summary: randomText(random, random.int(1, 200)) };
      const file = serializeIngestedArticle(data, BODY);
      expect(file).toBe(serializeArticle(data, BODY));
      const read = readArticleFile(file).data;
      expect(read.title).toBe(data.title);
      expect(read.summary).toBe(data.summary);
    }
  });
});
