/** What a key pressed in the thread text asks for (see the shortcuts dialog); null for keys the reader leaves alone. */
export type ReaderKey =
  | { kind: 'sentence' | 'word' | 'extend' | 'crux'; step: 1 | -1 }
  | { kind: 'tag' }
  | { kind: 'clear' };

export function readerKey(event: {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}): ReaderKey | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  switch (event.key) {
    case 'ArrowDown':
    case 'j':
      return { kind: 'sentence', step: 1 };
    case 'ArrowUp':
    case 'k':
      return { kind: 'sentence', step: -1 };
    case 'ArrowRight':
      return { kind: event.shiftKey ? 'extend' : 'word', step: 1 };
    case 'ArrowLeft':
      return { kind: event.shiftKey ? 'extend' : 'word', step: -1 };
    case 't':
      return { kind: 'tag' };
    case 'n':
      return { kind: 'crux', step: 1 };
    case 'p':
      return { kind: 'crux', step: -1 };
    case 'Escape':
      return { kind: 'clear' };
    default:
      return null;
  }
}
