import { type RefObject, useEffect } from 'react';
import { type PassageSpan, selectedSpan } from './dom-text';

/**
 * A touch selection (a long press, then the handles) ends without a mouseup, so the reader follows
 * the selection itself; a mouse selection is left to the mouseup, which comes once the drag is done.
 */
export function useTouchSelection(text: RefObject<HTMLElement | null>, choose: (span: PassageSpan) => void) {
  useEffect(() => {
    let timer: number | undefined;
    let mouseDown = false;
    const onPointer = (event: PointerEvent) => {
      if (event.pointerType === 'mouse') mouseDown = event.type === 'pointerdown';
    };
    const onSelectionChange = () => {
      if (mouseDown) return;
      window.clearTimeout(timer);
      timer = window.setTimeout(() => {
        const span = selectedSpan(window.getSelection());
        if (span && text.current?.contains(span.passage)) choose(span);
      }, 150);
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('pointerup', onPointer);
    document.addEventListener('selectionchange', onSelectionChange);
    return () => {
      window.clearTimeout(timer);
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('pointerup', onPointer);
      document.removeEventListener('selectionchange', onSelectionChange);
    };
  }, [text, choose]);
}
