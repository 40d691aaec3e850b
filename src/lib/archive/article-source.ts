import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { plural } from '../../i18n/uk.ts';
import { brokenReferences } from '../text/character-references.ts';
import { daysInMonth, frontMatterDay } from '../text/dates.ts';
import { decodeUtf8Text } from '../text/encoding.ts';
import { placeAt, problem, type Problem } from '../problems.ts';
import { parseArticlePath, parseYamlFrontMatter, splitFrontMatter, type FrontMatterSplit } from './article-file.ts';

/**
 * The one reader of article files: the build's validator
 * (`validate-archive.ts`), `npm run check` (`read-article-files.ts`) and the
 * ingest's view of the archive (`scripts/lib/ingest/archive-state.ts`) read
 * every file through it, so a file is accepted or rejected the same way,
 * with the same lines, by all three.
 *
 * Rules: `encoding` (a BOM, UTF-16, a byte that is not UTF-8, NUL),
 * `front-matter` (missing, unclosed, TOML, YAML that does not parse),
 * `impossible-date` (`date` or `updated` is a day the calendar does not
 * have, which YAML and JavaScript would silently move on), `date-path`
 * (the date and the folder disagree), `character-reference` (a numeric
 * reference that Markdown shows as «�»).
 */

export interface ArticleFrontMatter {
  /** Where the front matter and the body lie in the text (offsets and lines), and the body itself. */
  split: FrontMatterSplit;
  /** The fields as Astro parses them (js-yaml: timestamps are dates). */
  data: Record<string, unknown>;
  /** 1-based file line of each top-level field. */
  fieldLines: Record<string, number>;
}

export interface ArticleRead {
  /** The file's text; `undefined` when its bytes are not UTF-8 text. */
  text?: string;
  /** `undefined` when there is no text or no readable YAML front matter (a problem says why). */
  frontMatter?: ArticleFrontMatter;
  /** Every problem found in reading, located; empty for a readable article. */
  problems: Problem[];
}

const FRONT_MATTER_FIX = 'Почніть файл з метаданих між рядками «---» (title, date, summary, id).';
const DAYS = { one: 'день', few: 'дні', many: 'днів' };
// Month names after «у»: «у лютому 2026 року».
const MONTHS = ['січні', 'лютому', 'березні', 'квітні', 'травні', 'червні', 'липні', 'серпні', 'вересні', 'жовтні', 'листопаді', 'грудні'];
// A date at the start of a value, as YAML and `new Date` read it before rolling an impossible day over.
const DATE_PREFIX = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/;
// The same date as the value of a top-level field, in the front matter's text.
const writtenDate = (field: string) => new RegExp(`^["']?${field}["']?[ \\t]*:[ \\t]*(\\d{4})-(\\d{1,2})-(\\d{1,2})(?!\\d)`, 'm');
const WRITTEN_DATE = { date: writtenDate('date'), updated: writtenDate('updated') };

/** The problem with a `date` or `updated` value that names a day the calendar does not have, if it does. */
function impossibleDate(field: 'date' | 'updated', front: ArticleFrontMatter, file: string): Problem | undefined {
  const value = front.data[field];
  const line = front.fieldLines[field];
  if (line === undefined || !(value instanceof Date || typeof value === 'string')) return undefined;
  // A text that is no date at all is the schema's finding.
  if (typeof value === 'string' && Number.isNaN(new Date(value).getTime())) return undefined;
  // A Date has already been rolled over by YAML: the day as written is in the field's own line.
  const match = typeof value === 'string' ? DATE_PREFIX.exec(value) : WRITTEN_DATE[field].exec(front.split.frontMatter);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const days = month >= 1 && month <= 12 ? daysInMonth(year, month) : 0;
  if (day >= 1 && day <= days) return undefined;
  const shown = `${match[1]}-${match[2]}-${match[3]}`;
  const why = days === 0 ? 'місяців лише 12' : `у ${MONTHS[month - 1]} ${year} року ${days} ${plural(days, DAYS)}`;
  return problem(
    file,
    { line, column: 1 },
    'impossible-date',
    `дати ${shown} немає в календарі: ${why}`,
    'Запишіть справжню дату як РРРР-ММ-ДД, наприклад 2026-01-26.',
    { field },
  );
}

/** The day the build files an article under: its `date` as Astro coerces it (`z.coerce.date()`). */
function buildDay(value: unknown): string | undefined {
  const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : undefined;
  return date && !Number.isNaN(date.getTime()) ? frontMatterDay(date) : undefined;
}

/**
 * Reads an article file's bytes. `path` is relative to the content folder
 * (`articles/2022/01/11/slug.md`), for the date and folder check; `file` is
 * the path printed in problems.
 */
export function readArticleBytes(bytes: Uint8Array, path: string, file: string): ArticleRead {
  const text = decodeUtf8Text(bytes);
  if (typeof text !== 'string') return { problems: [problem(file, text.place, 'encoding', text.message, text.fix)] };
  const problems: Problem[] = [];
  const split = splitFrontMatter(text);
  if (!split) problems.push(problem(file, undefined, 'front-matter', 'немає front matter', FRONT_MATTER_FIX));
  else if ('error' in split)
    problems.push(problem(file, { line: split.line, column: 1 }, 'front-matter', split.error, 'Закрийте метадані рядком «---».'));
  else if (split.language !== 'yaml')
    problems.push(
      problem(
        file,
        undefined,
        'front-matter',
        'front matter має бути в YAML («---»), а не в TOML',
        'Перепишіть метадані в YAML між рядками «---».',
      ),
    );
  const body = split && !('error' in split) ? split : undefined;
  for (const broken of brokenReferences(body ? body.body : text)) {
    const place = placeAt(text, (body?.bodyStart ?? 0) + broken.offset);
    problems.push(
      problem(
        file,
        place,
        'character-reference',
        `Код символу ${broken.reference} не відповідає жодному символу: на сайті стало б «�»`,
        'Напишіть сам символ (або його справжній код, як &#x2014; для «—»); щоб показати код як текст, поставте перед ним \\.',
      ),
    );
  }
  if (!body || body.language !== 'yaml') return { text, problems };
  const yaml = parseYamlFrontMatter(body.frontMatter, body.frontMatterLine);
  if ('error' in yaml) {
    problems.push(
      problem(
        file,
        { line: yaml.line, column: 1 },
        'front-matter',
        `YAML не розбирається: ${yaml.error}`,
        'Виправте синтаксис метаданих у цьому рядку (текст із двокрапкою беріть у лапки).',
      ),
    );
    return { text, problems };
  }
  const frontMatter: ArticleFrontMatter = { split: body, ...yaml };
  const impossible = (['date', 'updated'] as const)
    .map((field) => impossibleDate(field, frontMatter, file))
    .filter((p): p is Problem => p !== undefined);
  problems.push(...impossible);
  const parts = parseArticlePath(path);
  const day = buildDay(frontMatter.data.date);
  if (parts && day && !impossible.some((p) => p.field === 'date') && day !== parts.date) {
    const line = frontMatter.fieldLines.date ?? 1;
    problems.push(
      problem(
        file,
        { line, column: 1 },
        'date-path',
        `дата ${day} не збігається з текою ${parts.date.replace(/-/g, '/')}`,
        `Перемістіть файл до articles/${day.replace(/-/g, '/')}/ або виправте дату.`,
        { field: 'date' },
      ),
    );
  }
  return { text, frontMatter, problems };
}

/** Reads `path` (relative to `contentDir`) as `readArticleBytes` does; synchronous, as an archive is many small files read one after another. */
export function readArticleFile(contentDir: string, path: string, file: string): ArticleRead {
  return readArticleBytes(readFileSync(join(contentDir, path)), path, file);
}
