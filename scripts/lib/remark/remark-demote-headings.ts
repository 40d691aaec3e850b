import type { Heading, Root } from 'mdast';
import { visit } from 'unist-util-visit';

/**
 * Shifts the headings of an article body so the shallowest becomes `##`:
 * the page's `<h1>` is the article title, so a body never has one. Relative
 * depth is kept and capped at `######`.
 */
export default function remarkDemoteHeadings() {
  return (tree: Root): void => {
    let shallowest = 7;
    visit(tree, 'heading', (node: Heading) => {
      shallowest = Math.min(shallowest, node.depth);
    });
    const shift = Math.max(0, 2 - shallowest);
    if (shift === 0) return;
    visit(tree, 'heading', (node: Heading) => {
      node.depth = Math.min(6, node.depth + shift) as Heading['depth'];
    });
  };
}
