import { isScalar } from 'yaml';
import { normalizeText, normalizeTextParts } from '#lib/text/typography.ts';
import { keyPlace, type ArticleFile } from '#lib/archive/read-article-files.ts';
import type { Edit } from './edits.ts';
import { problem, type Problem } from '#lib/problems.ts';

/**
 * Typography that the ingest would normalise (`normalizeText`, the one
 * normaliser of the project), in the body's text and in front matter fields
 * that readers see. Both are fixable: the fix is exactly what the ingest writes.
 */

/** Front matter fields shown to readers, as paths. */
const SHOWN_FIELDS: ReadonlyArray<readonly string[]> = [['title'], ['summary'], ['correction'], ['source', 'name']];

/**
 * The text pieces of one block as the ingest writes them (`normalizeTextParts`:
 * quotes pair across emphasis and links). A block's outer line ends belong to
 * Markdown, so a piece keeps its own leading and trailing line breaks.
 */
export function typographyFixParts(values: readonly string[]): string[] {
  const fixed = normalizeTextParts(values);
  return fixed.map((after, index) => {
    const before = values[index]!;
    const lead = /^\n+/.exec(before)?.[0] ?? '';
    const trail = /\n+$/.exec(before)?.[0] ?? '';
    return `${lead && !after.startsWith('\n') ? lead : ''}${after}${trail && !after.endsWith('\n') ? trail : ''}`;
  });
}

/** Typography problems of front matter fields, and one edit that rewrites the front matter when any is found. */
export function frontMatterTypography(file: ArticleFile): { problems: Problem[]; edits: Edit[] } {
  const problems: Problem[] = [];
  if (!file.yaml || file.yaml.errors.length > 0) return { problems, edits: [] };
  const fixedDoc = file.yaml.clone();
  let changed = false;
  for (const path of SHOWN_FIELDS) {
    const node = fixedDoc.getIn(path, true);
    if (!isScalar(node) || typeof node.value !== 'string') continue;
    const fixed = normalizeText(node.value);
    if (fixed === node.value) continue;
    problems.push(
      problem(
        file.shown,
        keyPlace(file, [...path]),
        'typography',
        `Типографіка в полі «${path.join('.')}»: «${node.value.slice(0, 60)}» → «${fixed.slice(0, 60)}»`,
        'Виправить npm run check -- --fix (апостроф ʼ, лапки «», тире —, пробіли).',
        { fixable: true },
      ),
    );
    node.value = fixed;
    changed = true;
  }
  if (!changed) return { problems, edits: [] };
  const yaml = fixedDoc.toString({ lineWidth: 0 });
  return { problems, edits: [{ file: file.path, start: file.yamlStart, end: file.yamlEnd, replacement: yaml }] };
}
