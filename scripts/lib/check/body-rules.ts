import { markdownToMdast, mdxToMdast } from 'satteri';
import { ARTICLE_MODULE } from '../../../src/components/article/catalogue.ts';
import { textPlace, type ArticleFile } from './archive-files.ts';
import type { Edit } from './edits.ts';
import { problem, type Place, type Problem } from './problem.ts';
import { typographyFix } from './typography-rule.ts';
import { inspectTree, PARSE_FEATURES, type ContentNode } from './unsafe-content.ts';

/**
 * Rules over the body of one article, from one parse with the build's own
 * parser: MDX syntax, unsafe content, an empty body, typography the ingest
 * would normalise; and what archive-wide rules need (internal links, plain text).
 */

interface Offsets {
  start: Point;
  end?: Point;
}
interface Point {
  line: number;
  column: number;
  offset?: number;
}

export interface InternalLink {
  url: string;
  place: Place;
}

export interface BodyResult {
  problems: Problem[];
  edits: Edit[];
  links: InternalLink[];
  /** The words of the body, for duplicate detection. */
  plainText: string;
}

const SKIP_TEXT_IN = new Set(['code', 'inlineCode', 'yaml', 'mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression', 'html']);

export function bodyRules(file: ArticleFile): BodyResult {
  const result: BodyResult = { problems: [], edits: [], links: [], plainText: '' };
  let tree: ContentNode;
  try {
    tree = (file.format === 'mdx' ? mdxToMdast : markdownToMdast)(file.text, { features: PARSE_FEATURES, position: true }) as ContentNode;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const located = /^(\d+):(\d+): ([\s\S]*?)(?: \(([\w:-]+)\))?$/.exec(message);
    const place = located ? { line: Number(located[1]), column: Number(located[2]) } : undefined;
    result.problems.push(problem(file.shown, place, 'mdx-syntax', `MDX не читається: ${located?.[3] ?? message}`, 'Знаки < і { у тексті MDX екрануйте як \\< і \\{; теги компонентів закривайте (<Figure … />).'));
    return result;
  }

  for (const finding of inspectTree(tree, file.format)) {
    const fixable = finding.rule === 'missing-import';
    result.problems.push(problem(file.shown, finding.place, finding.rule, finding.message, finding.fix, { fixable }));
    if (fixable) {
      const name = /<(\w+)>/.exec(finding.message)?.[1];
      if (name) result.edits.push({ file: file.path, start: file.bodyStart, end: file.bodyStart, replacement: `import { ${name} } from '${ARTICLE_MODULE}';\n` });
    }
  }

  const words: string[] = [];
  let content = 0;
  const stack: ContentNode[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (SKIP_TEXT_IN.has(node.type)) continue;
    if (node.type !== 'root' && node.type !== 'yaml') content += 1;
    if (node.type === 'text' && typeof node.value === 'string') {
      words.push(node.value);
      checkText(file, node.value, node.position as Offsets | undefined, result);
    }
    if ((node.type === 'link' || node.type === 'definition') && node.url?.startsWith('/') && node.position) {
      result.links.push({ url: node.url, place: { line: node.position.start.line, column: node.position.start.column } });
    }
    if (node.children) for (let i = node.children.length - 1; i >= 0; i -= 1) stack.push(node.children[i]!);
  }
  result.plainText = words.join(' ');
  if (content === 0 || result.plainText.trim() === '') {
    const place = textPlace(file.text, Math.min(file.bodyStart, file.text.length));
    result.problems.push(problem(file.shown, place, 'empty-body', 'Стаття не має тексту', 'Напишіть текст статті після front matter (після другого рядка ---).'));
  }
  return result;
}

function checkText(file: ArticleFile, value: string, position: Offsets | undefined, result: BodyResult): void {
  const fixed = typographyFix(value);
  if (fixed === null) return;
  const start = position?.start.offset;
  const end = position?.end?.offset;
  const exact = start !== undefined && end !== undefined && file.text.slice(start, end) === value;
  const place = position ? { line: position.start.line, column: position.start.column } : undefined;
  result.problems.push(problem(file.shown, place, 'typography', `Типографіка: «${excerpt(value, fixed)}»`, exact ? 'Виправить npm run check -- --fix (апостроф ʼ, лапки «», тире —, пробіли).' : 'Виправте вручну: апостроф ʼ, лапки «», тире —, без зайвих пробілів.', { fixable: exact }));
  if (exact) result.edits.push({ file: file.path, start: start!, end: end!, replacement: fixed });
}

/** The first changed stretch of text, before → after, short enough for one line. */
export function excerpt(before: string, after: string): string {
  let from = 0;
  while (from < before.length && before[from] === after[from]) from += 1;
  let tailBefore = before.length;
  let tailAfter = after.length;
  while (tailBefore > from && tailAfter > from && before[tailBefore - 1] === after[tailAfter - 1]) [tailBefore, tailAfter] = [tailBefore - 1, tailAfter - 1];
  const lead = Math.max(0, from - 12);
  const show = (text: string, end: number) => text.slice(lead, Math.min(end + 12, lead + 60)).replace(/\s+/g, ' ');
  return `${show(before, tailBefore)}» → «${show(after, tailAfter)}`;
}
