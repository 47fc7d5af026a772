/**
 * DOM <-> text offsets inside one passage element, whose textContent is exactly the passage text.
 * Offsets here are UTF-16 code units (what the DOM counts); the API speaks code points.
 */

export const PASSAGE_SELECTOR = '[data-passage-id]';

export function passageElementOf(node: Node | null): HTMLElement | null {
  const element = node instanceof Element ? node : node?.parentElement;
  return (element?.closest(PASSAGE_SELECTOR) as HTMLElement | null) ?? null;
}

function textNodes(root: Node): Text[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

/** The offset in the passage text of a DOM boundary point (node, offset) inside it. */
export function offsetOf(passage: HTMLElement, node: Node, offset: number): number {
  const range = document.createRange();
  range.selectNodeContents(passage);
  range.setEnd(node, offset);
  return range.toString().length;
}

/** A DOM Range over [start, end) of the passage text. */
export function rangeOf(passage: HTMLElement, start: number, end: number): Range {
  const range = document.createRange();
  let seen = 0;
  let startSet = false;
  for (const node of textNodes(passage)) {
    const length = node.data.length;
    if (!startSet && start <= seen + length) {
      range.setStart(node, start - seen);
      startSet = true;
    }
    if (startSet && end <= seen + length) {
      range.setEnd(node, end - seen);
      return range;
    }
    seen += length;
  }
  range.selectNodeContents(passage);
  return range;
}

export interface PassageSpan {
  passage: HTMLElement;
  start: number;
  end: number;
}

/** The current selection as a span of one passage, trimmed of surrounding white space; null otherwise. */
export function selectedSpan(selection: Selection | null): PassageSpan | null {
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  const passage = passageElementOf(range.startContainer);
  if (!passage || passage !== passageElementOf(range.endContainer)) return null;
  let start = offsetOf(passage, range.startContainer, range.startOffset);
  let end = offsetOf(passage, range.endContainer, range.endOffset);
  const text = passage.textContent ?? '';
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end > start ? { passage, start, end } : null;
}

/** Sentence spans of a passage, from its data-sentences attribute ("start-end start-end …"). */
export function sentencesOf(passage: HTMLElement): { start: number; end: number }[] {
  return (passage.dataset.sentences ?? '')
    .split(' ')
    .filter(Boolean)
    .map((pair) => {
      const [start, end] = pair.split('-').map(Number);
      return { start, end };
    });
}

export function sentenceAt(passage: HTMLElement, offset: number): { start: number; end: number } | null {
  const sentences = sentencesOf(passage);
  return sentences.find((s) => offset >= s.start && offset < s.end) ?? sentences.at(-1) ?? null;
}
