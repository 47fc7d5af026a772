import type { Element, Root } from 'hast';

/** User-written links are not endorsed (nofollow, ugc) and get no handle on this page (noopener, noreferrer). */
const LINK_REL = ['nofollow', 'noopener', 'noreferrer', 'ugc'];

/** Adds rel to every link that leaves the note (footnote links, "#…", stay as they are). */
export function linkRel() {
  const visit = (node: Root | Element) => {
    if (node.type === 'element' && node.tagName === 'a') {
      const { href } = node.properties;
      if (typeof href === 'string' && !href.startsWith('#')) node.properties.rel = LINK_REL;
    }
    for (const child of node.children) if (child.type === 'element') visit(child);
  };
  return (tree: Root) => visit(tree);
}
