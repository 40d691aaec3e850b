import { readFile } from 'node:fs/promises';
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { TopicData } from '#lib/archive/topic-schema.ts';
import { foldText } from '#lib/text/typography.ts';

/**
 * `--topic-map`: a YAML file that maps the source's categories and tags
 * (WordPress slugs or names) to topic slugs of topics.yaml:
 *
 *     novyny-kyieva: kyiv
 *     Вибори 2019: [vybory, polityka]
 *
 * Keys are compared folded (case, apostrophes, quotes), so a slug and a
 * name can both be given. Every problem of the file is listed at once with
 * its line; a topic slug that topics.yaml lacks is one of them.
 */
export async function loadTopicMap(
  path: string,
  shownAs: string,
  topics: readonly TopicData[],
): Promise<{ map: Map<string, string[]> } | { problems: string[] }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    return {
      problems: [
        `${shownAs}: файл не вдалося прочитати (${(error as NodeJS.ErrnoException).code ?? 'помилка'}). Перевірте шлях у --topic-map.`,
      ],
    };
  }
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines });
  const lineOf = (offset: number | undefined) => lines.linePos(offset ?? 0).line;
  if (document.errors.length > 0)
    return {
      problems: document.errors.map(
        (error) => `${shownAs}:${lineOf(error.pos[0])}: не YAML (${error.message.split('\n')[0]}). Виправте файл.`,
      ),
    };
  const root = document.contents;
  if (!isMap(root))
    return { problems: [`${shownAs}:1: потрібен словник «рубрика або мітка: слаг теми», наприклад «novyny-kyieva: kyiv».`] };
  const known = new Set(topics.map((topic) => topic.slug));
  const map = new Map<string, string[]>();
  const problems: string[] = [];
  for (const pair of root.items) {
    const line = lineOf(isScalar(pair.key) ? pair.key.range?.[0] : undefined);
    const key = isScalar(pair.key) ? String(pair.key.value ?? '').trim() : '';
    const values = isSeq(pair.value) ? pair.value.items : [pair.value];
    const slugs = values.map((value) => (isScalar(value) && typeof value.value === 'string' ? value.value.trim() : undefined));
    if (!key || slugs.length === 0 || slugs.some((slug) => !slug)) {
      problems.push(`${shownAs}:${line}: кожен запис — «рубрика: слаг-теми» або «рубрика: [слаг, слаг]». Виправте цей рядок.`);
      continue;
    }
    const unknown = (slugs as string[]).filter((slug) => !known.has(slug));
    if (unknown.length > 0) {
      problems.push(
        `${shownAs}:${line}: теми ${unknown.map((slug) => `«${slug}»`).join(', ')} немає в topics.yaml. Додайте тему або виправте слаг.`,
      );
      continue;
    }
    map.set(foldText(key), slugs as string[]);
  }
  return problems.length > 0 ? { problems } : { map };
}
