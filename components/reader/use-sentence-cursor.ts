import { type RefObject, useCallback, useState } from 'react';
import { PASSAGE_SELECTOR, type PassageSpan, rangeOf, sentencesOf } from './dom-text';
import { type ReaderKey, readerKey } from './reader-keys';
import { extendByWord, stepWord } from './word-steps';

/** The reader's chosen span, and (after Shift+arrows) the end of it that moves. */
export interface Cursor extends PassageSpan {
  moving?: 'start' | 'end';
}

const CURSOR_HIGHLIGHT = 'sentence-cursor';

const sameSpan = (a: Cursor | null, b: Cursor | null) =>
  a === b || (a !== null && b !== null && a.passage === b.passage && a.start === b.start && a.end === b.end);

/** Paints the span with the CSS Custom Highlight API (the text's DOM is left alone) and, if asked, scrolls to it. */
function showCursor(span: Cursor | null, reveal: boolean) {
  const registry = typeof CSS !== 'undefined' ? CSS.highlights : undefined;
  if (!span) {
    registry?.delete(CURSOR_HIGHLIGHT);
    return;
  }
  const range = rangeOf(span.passage, span.start, span.end);
  registry?.set(CURSOR_HIGHLIGHT, new Highlight(range));
  if (!reveal) return;
  // Keep it in the upper part of the screen, clear of the header and of a phone's bottom sheet.
  const rect = range.getBoundingClientRect();
  if (rect.top < 80 || rect.bottom > window.innerHeight * 0.6)
    window.scrollBy({ top: rect.top - window.innerHeight / 3 });
}

/**
 * The keyboard (and pointer) cursor over the thread text: a sentence (j/k, arrows up and down, a
 * click or tap), a word (← →), or a span grown and shrunk word by word (Shift+← →).
 */
export function useSentenceCursor(text: RefObject<HTMLElement | null>) {
  const [candidate, setCandidate] = useState<Cursor | null>(null);

  const choose = useCallback((span: Cursor | null, options: { reveal?: boolean } = {}) => {
    setCandidate((current) => (sameSpan(current, span) ? current : span));
    showCursor(span, options.reveal ?? false);
  }, []);

  function moveSentence(step: 1 | -1) {
    const root = text.current;
    if (!root) return;
    const all = [...root.querySelectorAll<HTMLElement>(PASSAGE_SELECTOR)].filter((p) => p.offsetParent !== null);
    const sentences = all.flatMap((passage) => sentencesOf(passage).map((s) => ({ passage, ...s })));
    const index = candidate
      ? sentences.findIndex((s) => s.passage === candidate.passage && s.start >= candidate.start)
      : -1;
    const next = sentences[index === -1 ? (step === 1 ? 0 : sentences.length - 1) : index + step];
    if (next) choose(next, { reveal: true });
  }

  /** Acts on a key pressed in the text; answers what it was (the caller handles `tag` and `crux`), or null if not ours. */
  function onCursorKey(event: Parameters<typeof readerKey>[0]): ReaderKey | null {
    const key = readerKey(event);
    if (!key || key.kind === 'tag' || key.kind === 'crux') return key;
    // The keyboard cursor takes over from any selection made before it.
    window.getSelection()?.removeAllRanges();
    if (key.kind === 'clear') choose(null);
    else if (key.kind === 'sentence' || !candidate) moveSentence(key.step);
    else {
      const value = candidate.passage.textContent ?? '';
      const moved =
        key.kind === 'word'
          ? stepWord(value, candidate, key.step)
          : extendByWord(
              value,
              sentencesOf(candidate.passage),
              { ...candidate, moving: candidate.moving ?? 'end' },
              key.step,
            );
      if (moved) choose({ passage: candidate.passage, ...moved }, { reveal: true });
    }
    return key;
  }

  return { candidate, choose, onCursorKey };
}
