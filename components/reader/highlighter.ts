import type { Axis } from '@/lib/claims/types';
import { rangeOf } from './dom-text';

export interface HighlightStyle {
  axis: Axis | null;
  taggers: number;
  crux: boolean;
}

function styleMark(mark: HTMLElement, style: HighlightStyle) {
  mark.dataset.axis = style.axis ?? 'other';
  mark.dataset.strength = String(Math.max(1, Math.min(5, style.taggers)));
  if (style.crux) mark.dataset.crux = 'true';
  else delete mark.dataset.crux;
}

export function marksOf(root: ParentNode, claimId: string): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('mark.claim-mark')].filter((mark) =>
    (mark.dataset.claimIds ?? '').split(' ').includes(claimId),
  );
}

/**
 * Draws or updates a claim's highlight live (the server draws them on page load): wraps each text
 * node of the span in a <mark>, leaving the passage's text untouched so offsets stay valid.
 */
export function highlightClaim(
  passage: HTMLElement,
  claimId: string,
  start: number,
  end: number,
  style: HighlightStyle,
) {
  const existing = marksOf(passage, claimId);
  if (existing.length) {
    for (const mark of existing) styleMark(mark, style);
    return;
  }
  const range = rangeOf(passage, start, end);
  const walker = document.createTreeWalker(range.commonAncestorContainer, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (range.intersectsNode(node)) nodes.push(node as Text);
  }
  if (range.commonAncestorContainer.nodeType === Node.TEXT_NODE) nodes.push(range.commonAncestorContainer as Text);
  for (let node of nodes) {
    const from = node === range.startContainer ? range.startOffset : 0;
    const to = node === range.endContainer ? range.endOffset : node.data.length;
    if (to <= from) continue;
    if (to < node.data.length) node.splitText(to);
    if (from > 0) node = node.splitText(from);
    const mark = document.createElement('mark');
    mark.className = 'claim-mark';
    mark.dataset.claimIds = claimId;
    styleMark(mark, style);
    node.replaceWith(mark);
    mark.append(node);
  }
}

/** Removes a claim's highlight when its last tag is gone (text nodes are put back as they were). */
export function unhighlightClaim(root: ParentNode, claimId: string) {
  for (const mark of marksOf(root, claimId)) {
    const ids = (mark.dataset.claimIds ?? '').split(' ').filter((id) => id && id !== claimId);
    if (ids.length) {
      mark.dataset.claimIds = ids.join(' ');
      continue;
    }
    const parent = mark.parentNode;
    mark.replaceWith(...mark.childNodes);
    parent?.normalize();
  }
}
