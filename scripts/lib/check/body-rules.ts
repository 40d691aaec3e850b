import { ARTICLE_MODULE } from '#lib/archive/article-components.ts';
import type { ArticleFile } from '#lib/archive/read-article-files.ts';
import type { Edit } from './edits.ts';
import { placeAt, problem, type Place, type Problem } from '#lib/problems.ts';
import { typographyFixParts } from './typography-rule.ts';
import { inspectTree, parseArticle, syntaxError, type ContentNode } from '#lib/safety/unsafe-content.ts';

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
// Blocks whose phrasing content the ingest normalises as one run of text (scripts/lib/remark/remark-normalize-typography.ts).
const TEXT_BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

export function bodyRules(file: ArticleFile): BodyResult {
  const result: BodyResult = { problems: [], edits: [], links: [], plainText: '' };
  let tree: ContentNode;
  try {
    tree = parseArticle(file.text, file.format, true);
  } catch (error) {
    const { place, reason } = syntaxError(error);
    result.problems.push(
      problem(
        file.shown,
        place,
        'mdx-syntax',
        `MDX не читається: ${reason}`,
        'Знаки < і { у тексті MDX екрануйте як \\< і \\{; теги компонентів закривайте (<Figure … />).',
      ),
    );
    return result;
  }

  for (const finding of inspectTree(tree, file.format)) {
    const fixable = finding.rule === 'missing-import';
    result.problems.push(problem(file.shown, finding.place, finding.rule, finding.message, finding.fix, { fixable }));
    if (fixable) {
      const name = /<(\w+)>/.exec(finding.message)?.[1];
      if (name)
        result.edits.push({
          file: file.path,
          start: file.bodyStart,
          end: file.bodyStart,
          replacement: `import { ${name} } from '${ARTICLE_MODULE}';\n`,
        });
    }
  }

  const words: string[] = [];
  let content = 0;
  const stack: ContentNode[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (SKIP_TEXT_IN.has(node.type)) continue;
    if (node.type !== 'root' && node.type !== 'yaml') content += 1;
    if (node.type === 'text' && typeof node.value === 'string') words.push(node.value);
    if (TEXT_BLOCKS.has(node.type)) checkBlock(file, node, result);
    if ((node.type === 'link' || node.type === 'definition') && node.url?.startsWith('/') && node.position) {
      result.links.push({ url: node.url, place: { line: node.position.start.line, column: node.position.start.column } });
    }
    if (node.children) for (let i = node.children.length - 1; i >= 0; i -= 1) stack.push(node.children[i]!);
  }
  result.plainText = words.join(' ');
  if (content === 0 || result.plainText.trim() === '') {
    const place = placeAt(file.text, Math.min(file.bodyStart, file.text.length));
    result.problems.push(
      problem(
        file.shown,
        place,
        'empty-body',
        'Стаття не має тексту',
        'Напишіть текст статті після front matter (після другого рядка ---).',
      ),
    );
  }
  return result;
}

/** Text nodes of one block, in order, without code: the pieces the ingest normalises together. */
function blockTexts(block: ContentNode): ContentNode[] {
  const found: ContentNode[] = [];
  const stack: ContentNode[] = [...(block.children ?? [])].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'inlineCode' || node.type === 'code' || TEXT_BLOCKS.has(node.type)) continue;
    if (node.type === 'text' && typeof node.value === 'string') found.push(node);
    if (node.children) for (let i = node.children.length - 1; i >= 0; i -= 1) stack.push(node.children[i]!);
  }
  return found;
}

/**
 * Typography of one paragraph, heading or table cell, judged as the ingest
 * judges it: all its text at once. Fixable only when every changed piece can
 * be replaced exactly where it stands: quotes pair across pieces, so fixing
 * some pieces and not others would leave the block for another round.
 */
function checkBlock(file: ArticleFile, block: ContentNode, result: BodyResult): void {
  const texts = blockTexts(block);
  const fixed = typographyFixParts(texts.map((text) => String(text.value)));
  const changes = texts.flatMap((text, index) => {
    const value = String(text.value);
    const after = fixed[index]!;
    if (after === value) return [];
    const position = text.position as Offsets | undefined;
    const start = position?.start.offset;
    const end = position?.end?.offset;
    const exact = start !== undefined && end !== undefined && file.text.slice(start, end) === value;
    return [{ value, after, position, start, end, exact }];
  });
  const fixable = changes.every((change) => change.exact);
  for (const change of changes) {
    const place = change.position ? { line: change.position.start.line, column: change.position.start.column } : undefined;
    result.problems.push(
      problem(
        file.shown,
        place,
        'typography',
        `Типографіка: «${excerpt(change.value, change.after)}»`,
        fixable
          ? 'Виправить npm run check -- --fix (апостроф ʼ, лапки «», тире —, пробіли).'
          : 'Виправте вручну: апостроф ʼ, лапки «», тире —, без зайвих пробілів.',
        { fixable },
      ),
    );
    if (fixable) result.edits.push({ file: file.path, start: change.start!, end: change.end!, replacement: change.after });
  }
}

/** The first changed stretch of text, before → after, short enough for one line. */
export function excerpt(before: string, after: string): string {
  let from = 0;
  while (from < before.length && before[from] === after[from]) from += 1;
  let tailBefore = before.length;
  let tailAfter = after.length;
  while (tailBefore > from && tailAfter > from && before[tailBefore - 1] === after[tailAfter - 1])
    [tailBefore, tailAfter] = [tailBefore - 1, tailAfter - 1];
  const lead = Math.max(0, from - 12);
  const show = (text: string, end: number) => text.slice(lead, Math.min(end + 12, lead + 60)).replace(/\s+/g, ' ');
  return `${show(before, tailBefore)}» → «${show(after, tailAfter)}`;
}
