import { type ClaimMarkSummary, markAttributes, markLook } from '@/lib/claims/highlight-look';
import { rangeOf } from './dom-text';

/** The highlight summary of a claim shown on the page, by id (undefined once it has no tags). */
export type SummaryOf = (claimId: string) => ClaimMarkSummary | undefined;

/** Styles a mark from every claim it covers (a stretch where claims overlap covers several). */
function styleMark(mark: HTMLElement, summaryOf: SummaryOf) {
  const summaries = (mark.dataset.claimIds ?? '').split(' ').flatMap((id) => summaryOf(id) ?? []);
  if (summaries.length === 0) return;
  for (const [name, value] of Object.entries(markAttributes(markLook(summaries)))) {
    if (value === null) mark.removeAttribute(name);
    else mark.setAttribute(name, value);
  }
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
  summaryOf: SummaryOf,
) {
  const existing = marksOf(passage, claimId);
  if (existing.length) {
    for (const mark of existing) styleMark(mark, summaryOf);
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
    styleMark(mark, summaryOf);
    node.replaceWith(mark);
    mark.append(node);
  }
}

/** Removes a claim's highlight when its last tag is gone (text nodes are put back as they were). */
export function unhighlightClaim(root: ParentNode, claimId: string, summaryOf: SummaryOf) {
  for (const mark of marksOf(root, claimId)) {
    const ids = (mark.dataset.claimIds ?? '').split(' ').filter((id) => id && id !== claimId);
    if (ids.length) {
      mark.dataset.claimIds = ids.join(' ');
      styleMark(mark, summaryOf);
      continue;
    }
    const parent = mark.parentNode;
    mark.replaceWith(...mark.childNodes);
    parent?.normalize();
  }
}
