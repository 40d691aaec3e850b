import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MdastPluginDefinition, PluginFactoryContext } from 'satteri';
import { articleFileStates } from '../archive/article-file-states.ts';
import { formatProblem, problem } from '../problems.ts';
import {
  createInspector,
  inspectTree,
  parseArticle,
  syntaxError,
  type ContentNode,
  type Finding,
  type SourceFormat,
} from './unsafe-content.ts';

/** Thrown by the build when an article body breaks the content rules; its message lists every finding. */
export class UnsafeContentError extends Error {
  override name = 'UnsafeContentError';
}

/** Line offset of `body` inside its file: Astro hands `.md` bodies to the processor without front matter. */
function bodyLineOffset(file: string | undefined, body: string): number {
  if (!file) return 0;
  try {
    const text = readFileSync(file, 'utf8');
    const probe = body.trimStart().slice(0, 200);
    const at = probe ? text.indexOf(probe) : -1;
    if (at < 0) return 0;
    const bodyStartLine = text.slice(0, at).split('\n').length;
    const probeLineInBody = body.slice(0, body.indexOf(probe)).split('\n').length;
    return bodyStartLine - probeLineInBody;
  } catch {
    return 0;
  }
}

/**
 * Every finding with its position in the file, for the error message.
 * `bodyOnly`: the source is what Astro gives the renderer, for `.md` the text after the front matter.
 */
export function locateFindings(source: string, format: SourceFormat, file: string | undefined, bodyOnly: boolean): string[] {
  const tree = parseArticle(source, format, true);
  const offset = bodyOnly && format === 'markdown' ? bodyLineOffset(file, source) : 0;
  const shown = file ? relative(process.cwd(), file) : '(без назви)';
  return inspectTree(tree, format).map((finding: Finding) => {
    const place = finding.place ? { line: finding.place.line + offset, column: finding.place.column } : undefined;
    return formatProblem(problem(shown, place, finding.rule, finding.message, finding.fix));
  });
}

/**
 * Every finding in the articles of an archive folder (those `include`
 * accepts), formatted. The build scans the `.mdx` entries before bundling,
 * because the bundler stops at the first broken module; `.md` entries are
 * judged as they render, and `src/loaders/articles.ts` fails the content sync
 * with every finding.
 */
export async function scanArticles(articlesDir: string, include: (entry: string) => boolean = () => true): Promise<string[]> {
  const found: string[] = [];
  for (const entry of [...articleFileStates(articlesDir).keys()].filter(include)) {
    const file = join(articlesDir, entry);
    const format: SourceFormat = entry.endsWith('.mdx') ? 'mdx' : 'markdown';
    const source = await readFile(file, 'utf8');
    try {
      if (inspectTree(parseArticle(source, format, false), format).length > 0) found.push(...locateFindings(source, format, file, false));
    } catch (error) {
      const { place, reason } = syntaxError(error);
      found.push(formatProblem(problem(relative(process.cwd(), file), place, 'mdx-syntax', `MDX не читається: ${reason}`)));
    }
  }
  return found;
}

/**
 * A Sätteri mdast plugin that fails the render of any Markdown or MDX
 * document the content rules reject. The visitors run without positions
 * (parsing is faster that way); a rejected document, or one with raw HTML
 * tags (whose pairing needs the blocks they lie in), is parsed once more with
 * positions and inspected whole, so the error names every `file:line:col`.
 */
export function contentSafetyPlugin(context: PluginFactoryContext): MdastPluginDefinition {
  const format: SourceFormat = context.sourceFormat === 'mdx' ? 'mdx' : 'markdown';
  const inspector = createInspector(format);
  const visit = (node: unknown) => inspector.visit(node as ContentNode);
  return {
    name: 'arkhiv:content-safety',
    html: visit,
    link: visit,
    image: visit,
    definition: visit,
    mdxjsEsm: visit,
    mdxJsxFlowElement: visit,
    mdxJsxTextElement: visit,
    mdxFlowExpression: visit,
    mdxTextExpression: visit,
    after() {
      if (inspector.finish().length === 0 && !inspector.needsTree()) return;
      const file = context.fileURL ? fileURLToPath(context.fileURL) : undefined;
      const lines = locateFindings(context.source, format, file, true);
      if (lines.length === 0) return;
      throw new UnsafeContentError(
        `Стаття містить заборонений вміст (${lines.length}); виправте його, перевірте командою npm run check:\n${lines.join('\n')}`,
      );
    },
  };
}
