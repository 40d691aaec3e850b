import type { Root } from 'mdast';
import type { RawItem, ReadResult } from '../ingest/types.ts';
import { segmentOnePiece, segmentStories, splitParagraphs, type Block, type Segment } from './segment-text.ts';

/** mdast for plain-text blocks: paragraphs and `##` subheadings of literal text. */
export function blocksToMdast(blocks: readonly Block[]): Root {
  return {
    type: 'root',
    children: blocks.map((block) =>
      block.kind === 'heading'
        ? { type: 'heading', depth: 2, children: [{ type: 'text', value: block.text }] }
        : { type: 'paragraph', children: [{ type: 'text', value: block.text }] },
    ),
  };
}

function toItem(segment: Segment, file: string): RawItem {
  return {
    place: { file, line: segment.line },
    format: 'text',
    ...(segment.headline ? { title: segment.headline.text } : {}),
    body: blocksToMdast(segment.blocks),
    notes: [],
  };
}

/**
 * Plain text (`.txt`): one paragraph per line, blank lines optional.
 * Segmented into articles by the rule in `segment-text.ts`, or read as one
 * article per file with `onePerFile`.
 */
export function readPlainText(text: string, file: string, options: { onePerFile: boolean }): ReadResult {
  const paragraphs = splitParagraphs(text);
  if (options.onePerFile) {
    const piece = segmentOnePiece(paragraphs);
    return { items: piece ? [toItem(piece, file)] : [], errors: [] };
  }
  return { items: segmentStories(paragraphs).map((segment) => toItem(segment, file)), errors: [] };
}
