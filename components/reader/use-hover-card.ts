import { type MouseEvent, type RefObject, useEffect, useState } from 'react';
import { type PassageSpan, rangeOf } from './dom-text';

/** The highlight a card is shown for: its claims, its element, and where it is on screen. */
export type Hover = { ids: string[]; mark: HTMLElement; rect: DOMRect };

export function hoverOf(mark: HTMLElement, ids = (mark.dataset.claimIds ?? '').split(' ')): Hover {
  return { ids, mark, rect: mark.getBoundingClientRect() };
}

/** The card for the first highlight in a span of the text, or none. */
function cardAt(span: PassageSpan | null): Hover | null {
  if (!span) return null;
  const range = rangeOf(span.passage, span.start, span.end);
  const mark = [...span.passage.querySelectorAll<HTMLElement>('mark.claim-mark')].find((m) => range.intersectsNode(m));
  return mark ? hoverOf(mark) : null;
}

/**
 * Which highlight's card is showing: the one under the pointer, or — the keyboard's counterpart of
 * hovering — the first one under the sentence cursor while the text has the focus. The card follows
 * its highlight when the page scrolls.
 */
export function useHoverCard(text: RefObject<HTMLElement | null>, cursor: PassageSpan | null) {
  const [hover, setHover] = useState<Hover | null>(null);

  useEffect(() => {
    if (!hover) return;
    const follow = () => setHover((h) => h && hoverOf(h.mark, h.ids));
    window.addEventListener('scroll', follow, { passive: true, capture: true });
    return () => window.removeEventListener('scroll', follow, { capture: true });
  }, [hover]);

  useEffect(() => {
    if (cursor && document.activeElement === text.current) setHover(cardAt(cursor));
  }, [text, cursor]);

  const handlers = {
    onMouseOver(event: MouseEvent<HTMLElement>) {
      const mark = (event.target as HTMLElement).closest<HTMLElement>('mark.claim-mark');
      if (mark && mark !== hover?.mark) setHover(hoverOf(mark));
    },
    onMouseOut(event: MouseEvent<HTMLElement>) {
      const to = event.relatedTarget instanceof Element ? event.relatedTarget.closest('mark.claim-mark') : null;
      if (hover && to !== hover.mark) setHover(null);
    },
    onFocus: () => setHover(cardAt(cursor)),
    onBlur: () => setHover(null),
  };
  return { hover, setHover, handlers };
}
