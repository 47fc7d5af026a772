import type { Nodes, PhrasingContent, Root } from 'mdast';

/**
 * Images in notes become links to the image: a note is read by everyone who opens the thread, and
 * an image loads from its host without a click (a tracking pixel, a reader's IP address leaked).
 */
export function imagesAsLinks() {
  const visit = (node: Nodes): Nodes => {
    if (node.type === 'image') {
      return {
        type: 'link',
        url: node.url,
        title: node.title,
        children: [{ type: 'text', value: node.alt || node.url }],
      };
    }
    if (node.type === 'imageReference') {
      const { identifier, label, referenceType } = node;
      return {
        type: 'linkReference',
        identifier,
        label,
        referenceType,
        children: [{ type: 'text', value: node.alt || label || identifier }],
      };
    }
    if ('children' in node) node.children = node.children.map(visit) as PhrasingContent[];
    return node;
  };
  return (tree: Root) => {
    visit(tree);
  };
}
