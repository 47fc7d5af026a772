import type { Element, ElementContent, Root, RootContent } from 'hast';

/**
 * Bidirectional embedding, override and isolate controls: invisible, yet they reorder the text
 * after them ("Trojan Source"), so a note could show other words than it holds. Marks (U+200E,
 * U+200F, U+061C) are left alone: right-to-left writers need them and they reorder nothing.
 */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
const BIDI_CONTROLS = new RegExp(BIDI_CONTROL.source, 'g');

/** A control shown as a visible, inert label: [U+202E]. */
function label(char: string): Element {
  const code = (char.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0');
  return {
    type: 'element',
    tagName: 'span',
    properties: { className: ['bidi-control'], title: 'invisible text-direction control character' },
    children: [{ type: 'text', value: `[U+${code}]` }],
  };
}

function labelled(value: string): ElementContent[] {
  const parts: ElementContent[] = [];
  let last = 0;
  for (const found of value.matchAll(BIDI_CONTROLS)) {
    if (found.index > last) parts.push({ type: 'text', value: value.slice(last, found.index) });
    parts.push(label(found[0]));
    last = found.index + found[0].length;
  }
  if (last < value.length) parts.push({ type: 'text', value: value.slice(last) });
  return parts;
}

/** Runs after sanitising: labels controls in text, and drops them from attributes (titles, hrefs). */
export function showBidiControls() {
  const visit = (node: Root | Element) => {
    if (node.type === 'element') {
      for (const [key, value] of Object.entries(node.properties)) {
        if (typeof value === 'string') node.properties[key] = value.replace(BIDI_CONTROLS, '');
      }
    }
    const children: RootContent[] = node.children;
    node.children = children.flatMap((child): RootContent[] => {
      if (child.type === 'text') return BIDI_CONTROL.test(child.value) ? labelled(child.value) : [child];
      if (child.type === 'element') visit(child);
      return [child];
    }) as typeof node.children;
  };
  return (tree: Root) => visit(tree);
}
