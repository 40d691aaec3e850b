import type { Heading, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { parse as parseToml } from 'smol-toml';
import { unified } from 'unified';
import { foldText } from '#lib/text/typography.ts';
import { parseYamlFrontMatter, splitFrontMatter, type FrontMatterSplit } from '#lib/archive/article-file.ts';
import type { ReadResult } from '../ingest/types.ts';
import { itemMetadata } from './item-fields.ts';
import { findDeepNesting, NESTING_MESSAGE } from './nesting-depth.ts';

const markdownParser = unified().use(remarkParse).use(remarkGfm).freeze();
const mdxParser = unified().use(remarkParse).use(remarkGfm).use(remarkMdx).freeze();

type Split = ReturnType<typeof splitFrontMatter>;

function readFrontMatter(split: Split): { data: Record<string, unknown> } | { error: string; line: number } {
  if (split === undefined) return { data: {} };
  if ('error' in split) return split;
  if (split.language === 'yaml') {
    const parsed = parseYamlFrontMatter(split.frontMatter, split.frontMatterLine);
    return 'error' in parsed ? parsed : { data: parsed.data };
  }
  try {
    return { data: parseToml(split.frontMatter) as Record<string, unknown> };
  } catch (error) {
    const line = (error as { line?: number }).line ?? 1;
    return { error: (error as Error).message.split('\n')[0]!, line: line + split.frontMatterLine - 1 };
  }
}

/**
 * The text with its front matter blanked out, line breaks kept: the body as
 * Astro renders it, parsed where it lies in the file.
 */
function bodySource(text: string, split: FrontMatterSplit): string {
  const blanked = text.slice(split.start, split.bodyStart).replace(/[^\r\n]/g, ' ');
  return text.slice(0, split.start) + blanked + text.slice(split.bodyStart);
}

/** Takes the title heading out of the body: a leading `#` heading that is the title or stands in for it. */
function takeTitleHeading(tree: Root, title: string | undefined): string | undefined {
  const index = tree.children.findIndex((node) => node.type !== 'mdxjsEsm');
  const first = tree.children[index];
  if (first?.type !== 'heading' || (first as Heading).depth !== 1) return undefined;
  const text = toString(first).trim();
  if (title !== undefined && foldText(text) !== foldText(title)) return undefined;
  tree.children.splice(index, 1);
  return text;
}

/**
 * Markdown and MDX with front matter (`.md`, `.markdown`, `.mdx`): one
 * article per file, as other site generators store them (Hugo, Jekyll,
 * Astro, Eleventy). YAML (`---`) and TOML (`+++`) front matter are read;
 * the body is parsed, never copied as text, so the sanitiser sees every node.
 */
export function readMarkdown(text: string, file: string, format: 'markdown' | 'mdx'): ReadResult {
  const split = splitFrontMatter(text);
  const frontMatter = readFrontMatter(split);
  if ('error' in frontMatter) {
    return {
      items: [],
      errors: [
        {
          place: { file, line: frontMatter.line },
          message: `front matter не розбирається: ${frontMatter.error}. Виправте метадані між рядками «---» (YAML) або «+++» (TOML).`,
        },
      ],
    };
  }
  const { data } = frontMatter;
  if (data.draft === true) {
    return {
      items: [],
      errors: [
        {
          place: { file, line: 1 },
          message: 'чернетка (draft: true) не потрапляє до архіву. Приберіть draft або поставте draft: false, щоб її опублікувати.',
        },
      ],
    };
  }
  const deep = findDeepNesting(text);
  if (deep !== undefined) return { items: [], errors: [{ place: { file, line: deep }, message: NESTING_MESSAGE }] };
  let tree: Root;
  try {
    const source = split && !('error' in split) ? bodySource(text, split) : text;
    tree = (format === 'mdx' ? mdxParser : markdownParser).parse(source) as Root;
  } catch (error) {
    // Parse errors are vfile messages that carry the line.
    const line = typeof (error as { line?: unknown }).line === 'number' ? (error as { line: number }).line : 1;
    const reason = error instanceof Error ? error.message : String(error);
    return {
      items: [],
      errors: [
        {
          place: { file, line },
          message: `MDX не розбирається: ${reason}. Виправте синтаксис або перейменуйте файл на .md, якщо це звичайний Markdown.`,
        },
      ],
    };
  }
  const metadata = itemMetadata(data);
  const heading = takeTitleHeading(tree, metadata.title);
  const title = metadata.title ?? heading;
  return {
    items: [{ place: { file, line: 1 }, format, ...metadata, ...(title ? { title } : {}), body: tree }],
    errors: [],
  };
}
