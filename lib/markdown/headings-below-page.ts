import type { Nodes, Root } from 'mdast';

/** Levels a note's headings move down: a note sits inside a page that has its own h1–h3. */
const SHIFT = 3;

/** "# Title" in a note renders as h4, "###" and deeper as h6. */
export function headingsBelowPage() {
  const visit = (node: Nodes) => {
    if (node.type === 'heading') node.depth = Math.min(6, node.depth + SHIFT) as 4 | 5 | 6;
    if ('children' in node) node.children.forEach(visit);
  };
  return (tree: Root) => visit(tree);
}
