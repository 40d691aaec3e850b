/**
 * Every interface string of the site, in Ukrainian, under flat dotted keys.
 * `{name}` marks a parameter; keys ending in `.one`, `.few`, `.many` are the
 * plural forms of one message (see `tn`).
 */
const strings = {
  'site.name': 'Архів',
  'site.tagline': 'україномовні новини',
  'site.description': 'Відкритий архів україномовних новин: статті за темами й датами, RSS-стрічки та пошук.',
  'site.publisher': 'Архів',
  'site.shareImageAlt': 'Архів: україномовні новини за темами й датами',

  'skip.main': 'Перейти до змісту',
  'nav.label': 'Головне меню',
  'nav.home': 'Головна',
  'nav.topics': 'Теми',
  'nav.archive': 'Архів',
  'nav.search': 'Пошук',
  'searchForm.label': 'Пошук в архіві',
  'searchForm.submit': 'Шукати',
  'breadcrumbs.label': 'Навігаційний ланцюжок',
  'footer.label': 'Про сайт',
  'footer.about': 'Архів україномовних новин. Сайт працює без JavaScript.',
  'footer.feed': 'RSS-стрічка',
  'footer.sitemap': 'Мапа сайту',

  'home.title': 'Архів україномовних новин',
  'home.intro': 'Новини, зібрані за темами й датами. Читайте найновіше, гортайте архів або шукайте за словом.',
  'home.latest': 'Найновіші статті',
  'home.allLatest': 'Усі статті за {date}',
  'home.topics': 'Найбільші теми',
  'home.allTopics': 'Усі теми',
  'home.archive': 'Архів за роками',
  'home.empty': 'В архіві ще немає статей.',

  'article.published': 'Опубліковано',
  'article.updated': 'Оновлено {date}',
  'article.correctionTitle': 'Виправлення від {date}',
  'article.source': 'Джерело',
  'article.topics': 'Теми',
  'article.related': 'Схожі статті',
  'article.sequence': 'Сусідні статті',
  'article.previous': 'Попередня стаття',
  'article.next': 'Наступна стаття',
  'article.dayArchive': 'Усі статті за {date}',
  'article.readingTime.one': '{count} хвилина читання',
  'article.readingTime.few': '{count} хвилини читання',
  'article.readingTime.many': '{count} хвилин читання',

  'count.articles.one': '{count} стаття',
  'count.articles.few': '{count} статті',
  'count.articles.many': '{count} статей',
  'count.days.one': '{count} день',
  'count.days.few': '{count} дні',
  'count.days.many': '{count} днів',
  'count.minutes.one': '{count} хвилина',
  'count.minutes.few': '{count} хвилини',
  'count.minutes.many': '{count} хвилин',
  'count.topics.one': '{count} тема',
  'count.topics.few': '{count} теми',
  'count.topics.many': '{count} тем',

  'topics.title': 'Теми',
  'topics.intro': 'Усі теми архіву з кількістю статей. Кожна тема має власну RSS-стрічку.',
  'topics.kind.subject': 'Сюжети',
  'topics.kind.country': 'Країни',
  'topics.kind.organisation': 'Організації',
  'topics.kind.person': 'Особи',
  'topic.pageTitle': '{name}, сторінка {page}',
  'topic.feed': 'RSS-стрічка теми «{name}»',
  'topic.pagination': 'Сторінки теми',
  'topic.newer': 'Новіші',
  'topic.older': 'Давніші',
  'topic.latest': 'Найновіші',
  'topic.page': 'Сторінка {page}',
  'topic.range': 'Статті з {from} до {to}',

  'authors.title': 'Автори',
  'authors.intro': 'Усі автори архіву з кількістю статей. Кожен автор має власну RSS-стрічку.',
  'authors.empty': 'Статей з підписом автора в архіві ще немає.',
  'author.bylineSingle': 'Автор',
  'author.bylinePlural': 'Автори',
  'author.pageTitle': '{name}, сторінка {page}',
  'author.description': '{name}: статті в архіві.',
  'author.feed': '{name}: RSS-стрічка',
  'author.feedTitle': '{site}: {name}',
  'author.feedDescription': '{name}: найновіші статті.',
  'author.links': 'Посилання',
  'author.pagination': 'Сторінки автора',
  'author.search': 'Шукати в статтях автора',
  'count.authors.one': '{count} автор',
  'count.authors.few': '{count} автори',
  'count.authors.many': '{count} авторів',

  'archive.title': 'Архів',
  'archive.intro': 'Усі статті архіву за роками й місяцями.',
  'archive.year': '{year} рік',
  'archive.yearShort': '{year}',
  'archive.periods': 'Сусідні періоди',
  'archive.earlier': 'Раніше: {label}',
  'archive.later': 'Пізніше: {label}',
  'archive.months': 'Місяці {year} року',
  'archive.days': 'Дні',
  'archive.calendar': 'Календар: {label}',
  'archive.noArticles': 'немає статей',

  'feed.title': '{site}: найновіші статті',
  'feed.topicTitle': '{site}: {topic}',
  'feed.description': 'Найновіші статті архіву україномовних новин.',
  'feed.topicDescription': 'Найновіші статті на тему «{topic}».',

  'notFound.title': 'Сторінку не знайдено',
  'notFound.text': 'За цією адресою нічого немає: можливо, в адресі помилка або сторінку перенесено.',
  'notFound.search': 'Спробуйте знайти потрібне пошуком або перейдіть:',
  'notFound.searchLandmark': 'Пошук замість сторінки',

  'redirect.title': 'Статтю перенесено',
  'redirect.text': 'Ця стаття тепер за новою адресою:',

  'search.title': 'Пошук',
  'search.description': 'Пошук статей архіву за словами в будь-якій формі, з фільтрами за темою, автором, роком, місяцем і проміжком дат.',
  'search.label': 'Слова для пошуку',
  'search.submit': 'Шукати',
  'search.hint':
    'Пишіть слова в будь-якій формі: «Казахстані» знайде й «Казахстан», і «Казахстану». Точну фразу беріть у лапки, а слово, якого в статті не має бути, пишіть з мінусом: "Верховна Рада" -вибори.',
  'search.noscript':
    'Пошук працює у вашому браузері й потребує JavaScript. Увімкніть JavaScript або перегляньте статті за темами та в архіві за датами.',
  'search.loading': 'Шукаємо…',
  'search.results.one': 'Знайдено {count} результат',
  'search.results.few': 'Знайдено {count} результати',
  'search.results.many': 'Знайдено {count} результатів',
  'search.none': 'Нічого не знайдено. Спробуйте інше слово або приберіть фільтри.',
  'search.offlineNone': 'Нічого не знайдено серед збереженого: без мережі пошук знає лише слова, які ви вже шукали.',
  'search.error': 'Пошук зараз недоступний: не вдалося завантажити пошуковий індекс. Перевірте зʼєднання та спробуйте ще раз.',
  'search.resultsLabel': 'Результати пошуку',
  'search.filters': 'Уточнити пошук',
  'search.filter.topic': 'Тема',
  'search.filter.author': 'Автор',
  'search.filter.year': 'Рік',
  'search.filter.clear': 'Скинути фільтри',
  'search.sort': 'Порядок',
  'search.sort.relevance': 'Спершу найвідповідніші',
  'search.sort.date': 'Спершу новіші',
  'search.more': 'Показати ще',
  'search.topics': 'Теми',
  'search.author': 'Автор',
  'search.authors': 'Автори',

  'search.searchedFor': 'Шукаємо «{query}»',
  'search.searchTyped': 'Шукати саме «{query}»',

  'search.period': 'Час',
  'search.period.month': 'Місяць',
  'search.period.anyMonth': 'будь-який',
  'search.period.from': 'Від',
  'search.period.to': 'До',
  'search.period.monthName': '{month} {year}',
  'search.timeline.years': 'Результати за роками',
  'search.timeline.months': 'Результати за місяцями {year} року',
  'search.timeline.allYears': 'Усі роки',
  'search.timeline.bar.one': '{period}: {count} стаття',
  'search.timeline.bar.few': '{period}: {count} статті',
  'search.timeline.bar.many': '{period}: {count} статей',
  'search.timeline.short.1': 'січ',
  'search.timeline.short.2': 'лют',
  'search.timeline.short.3': 'бер',
  'search.timeline.short.4': 'кві',
  'search.timeline.short.5': 'тра',
  'search.timeline.short.6': 'чер',
  'search.timeline.short.7': 'лип',
  'search.timeline.short.8': 'сер',
  'search.timeline.short.9': 'вер',
  'search.timeline.short.10': 'жов',
  'search.timeline.short.11': 'лис',
  'search.timeline.short.12': 'гру',
  'offline.banner':
    'Немає зʼєднання з мережею. Відкриваються сторінки, які ви вже переглядали, а пошук знаходить слова, які ви вже шукали.',

  'figure.credit': 'Фото: {credit}',
  'sourceDocument.label': 'Документ',
  'embed.label': '{provider}: {title}',
  'embed.notice':
    'Цей вміст зберігається на {provider}. Його завантажимо лише тоді, коли ви попросите: {provider} може збирати дані про перегляд.',
  'embed.load': 'Показати з {provider}',
  'embed.open': 'Відкрити на {provider}',

  'month.nominative.1': 'січень',
  'month.nominative.2': 'лютий',
  'month.nominative.3': 'березень',
  'month.nominative.4': 'квітень',
  'month.nominative.5': 'травень',
  'month.nominative.6': 'червень',
  'month.nominative.7': 'липень',
  'month.nominative.8': 'серпень',
  'month.nominative.9': 'вересень',
  'month.nominative.10': 'жовтень',
  'month.nominative.11': 'листопад',
  'month.nominative.12': 'грудень',
  'month.genitive.1': 'січня',
  'month.genitive.2': 'лютого',
  'month.genitive.3': 'березня',
  'month.genitive.4': 'квітня',
  'month.genitive.5': 'травня',
  'month.genitive.6': 'червня',
  'month.genitive.7': 'липня',
  'month.genitive.8': 'серпня',
  'month.genitive.9': 'вересня',
  'month.genitive.10': 'жовтня',
  'month.genitive.11': 'листопада',
  'month.genitive.12': 'грудня',
  'weekday.short.1': 'пн',
  'weekday.short.2': 'вт',
  'weekday.short.3': 'ср',
  'weekday.short.4': 'чт',
  'weekday.short.5': 'пт',
  'weekday.short.6': 'сб',
  'weekday.short.7': 'нд',
  'weekday.long.1': 'понеділок',
  'weekday.long.2': 'вівторок',
  'weekday.long.3': 'середа',
  'weekday.long.4': 'четвер',
  'weekday.long.5': 'пʼятниця',
  'weekday.long.6': 'субота',
  'weekday.long.7': 'неділя',
} as const;

export type StringKey = keyof typeof strings;
export type Params = Record<string, string | number>;
/** Keys of plural messages, without the `.one`/`.few`/`.many` ending. */
export type PluralKey = StringKey extends infer K ? (K extends `${infer Base}.one` ? Base : never) : never;
export type PluralCategory = 'one' | 'few' | 'many';
/** The three forms of a word after a number: `{ one: 'стаття', few: 'статті', many: 'статей' }`. */
export type PluralForms = Readonly<Record<PluralCategory, string>>;

const numberFormat = new Intl.NumberFormat('uk-UA');

/** Formats a count as Ukrainians write it: `1 234` with a no-break space. */
export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

const pluralRules = new Intl.PluralRules('uk');

/**
 * The Ukrainian plural form of a whole number (a fraction counts as its whole
 * part): 1, 21, 101 → `one` (стаття); 2–4, 22–24 → `few` (статті);
 * 0, 5–20, 25–30, 11–14 → `many` (статей). The one home of this rule: the
 * site, the client, the build's reports and the CLIs all ask here.
 */
export function pluralCategory(count: number): PluralCategory {
  const category = pluralRules.select(Math.abs(Math.trunc(count)));
  // `other` is the form of fractions, which a whole number never gets.
  return category === 'one' || category === 'few' ? category : 'many';
}

/** The form of a word that agrees with `count`: `plural(5, { one: 'файл', few: 'файли', many: 'файлів' })` is «файлів». */
export function plural(count: number, forms: PluralForms): string {
  return forms[pluralCategory(count)];
}

/** The string under `key` with `{param}` placeholders filled; a placeholder without a value is an error. */
export function t(key: StringKey, params: Params = {}): string {
  const template: string = strings[key];
  if (!template.includes('{')) return template;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`String "${key}" needs the parameter {${name}}.`);
    return typeof value === 'number' ? formatNumber(value) : value;
  });
}

/** The plural form of `key` that agrees with `count`, with `{count}` and other parameters filled: `tn('count.articles', 5)` is «5 статей». */
export function tn(key: PluralKey, count: number, params: Params = {}): string {
  return t(`${key}.${pluralCategory(count)}` as StringKey, { ...params, count });
}
