import type { ArticleFile } from '#lib/archive/read-article-files.ts';
import { placeAt, problem, type Problem } from '#lib/problems.ts';

/** Marks the text that `npm run new` leaves for the author to replace. */
export const PLACEHOLDER_MARK = 'ЗАПОВНІТЬ:';

/** Every placeholder still in the file, front matter and body alike. */
export function placeholderProblems(file: ArticleFile): Problem[] {
  const problems: Problem[] = [];
  for (let at = file.text.indexOf(PLACEHOLDER_MARK); at >= 0; at = file.text.indexOf(PLACEHOLDER_MARK, at + 1)) {
    const line = file.text
      .slice(at, file.text.indexOf('\n', at) >>> 0)
      .trim()
      .replace(/["']$/, '');
    problems.push(
      problem(
        file.shown,
        placeAt(file.text, at),
        'placeholder',
        `Заготовку не заповнено: «${line.slice(0, 80)}»`,
        'Замініть цей текст своїм (заголовок, лід чи текст статті).',
      ),
    );
  }
  return problems;
}
