import { describe, expect, test } from 'vitest';
import { SLUG_MAX_LENGTH, slugify } from '#lib/text/slug.ts';

describe('slugify (official transliteration, resolution No. 55 of 2010)', () => {
  test.each([
    ['Згорани', 'zghorany'],
    ['Щастя', 'shchastia'],
    ['Їжакевич', 'yizhakevych'],
    ['Юрій', 'yurii'],
    ['Київ', 'kyiv'],
    ['Алушта', 'alushta'],
    ['Андрій', 'andrii'],
    ['Борщагівка', 'borshchahivka'],
    ['Вінниця', 'vinnytsia'],
    ['Гадяч', 'hadiach'],
    ['Ґалаґан', 'galagan'],
    ['Донецьк', 'donetsk'],
    ['Рівне', 'rivne'],
    ['Єнакієве', 'yenakiieve'],
    ['Наталія', 'nataliia'],
    ['Житомир', 'zhytomyr'],
    ['Закарпаття', 'zakarpattia'],
    ['Медвин', 'medvyn'],
    ['Іршава', 'irshava'],
    ['Кадиївка', 'kadyivka'],
    ['Йосипівка', 'yosypivka'],
    ['Стрий', 'stryi'],
    ['Олексій', 'oleksii'],
    ['Хуст', 'khust'],
    ['Біла Церква', 'bila-tserkva'],
    ['Чернівці', 'chernivtsi'],
    ['Шостка', 'shostka'],
    ['Гоща', 'hoshcha'],
    ['Крюківка', 'kriukivka'],
    ['Яготин', 'yahotyn'],
    ['Костянтин', 'kostiantyn'],
    ['Знамʼянка', 'znamianka'],
    ["Знам'янка", 'znamianka'],
    ['Феодосія', 'feodosiia'],
    ['Згурівка', 'zghurivka'],
    ['Розгон', 'rozghon'],
    ['Ще-Їжак', 'shche-yizhak'],
    ['«Юність» (Ялта)', 'yunist-yalta'],
  ])('%s → %s', (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });

  test('joins words with single hyphens and drops punctuation', () => {
    expect(slugify('Токаєв: «так» — ні!')).toBe('tokaiev-tak-ni');
  });

  test('keeps digits and Latin letters', () => {
    expect(slugify('20-пунктний план для ЄС і NATO 2026')).toBe('20-punktnyi-plan-dlia-yes-i-nato-2026');
  });

  test(`cuts long titles at a word boundary within ${SLUG_MAX_LENGTH} characters`, () => {
    const slug = slugify('Україна намагається заручитися максимальною міжнародною підтримкою, щоб наблизити кінець війни');
    expect(slug.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH);
    expect(slug).toBe('ukraina-namahaietsia-zaruchytysia-maksymalnoiu-mizhnarodnoiu-pidtrymkoiu-shchob');
  });

  test('is empty for text without letters or digits', () => {
    expect(slugify('«—»!')).toBe('');
  });
});
