import type { Image, Nodes, Root, Text } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import { normalizeText, normalizeTextParts } from '#lib/text/typography.ts';

// Blocks whose phrasing content reads as one run of text.
const TEXT_BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

function textNodesOf(block: Nodes): Text[] {
  // Most blocks are one run of plain text: no need to walk them.
  if ('children' in block && block.children.every((child) => child.type === 'text')) return block.children as Text[];
  const found: Text[] = [];
  visit(block, (node) => {
    if (node.type === 'inlineCode' || node.type === 'code') return SKIP;
    if (node.type === 'text') found.push(node);
    return undefined;
  });
  return found;
}

/**
 * Applies the project's one typography normaliser (`src/lib/text/typography.ts`)
 * to every text run of the body, so quotes pair across emphasis and links;
 * code is left as written. Paragraphs left empty (only invisible marks) are dropped.
 */
export default function remarkNormalizeTypography() {
  return (tree: Root): void => {
    visit(tree, (node, index, parent) => {
      if (node.type === 'image') {
        const image = node as Image;
        image.alt = image.alt ? normalizeText(image.alt) : image.alt;
        return undefined;
      }
      if (!TEXT_BLOCKS.has(node.type)) return undefined;
      const texts = textNodesOf(node);
      const values = normalizeTextParts(texts.map((text) => text.value));
      texts.forEach((text, i) => (text.value = values[i]!));
      const empty = 'children' in node && node.children.every((child) => child.type === 'text' && child.value.trim() === '');
      if (empty && parent && index !== undefined && node.type === 'paragraph') {
        parent.children.splice(index, 1);
        return index;
      }
      return SKIP;
    });
  };
}
