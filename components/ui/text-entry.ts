/** Input types where a key types nothing, so a single-key shortcut or Enter cannot mean text. */
const NOT_TEXT = new Set(['checkbox', 'radio', 'range', 'button', 'submit', 'reset', 'file', 'color']);

/** Whether keys pressed in this element type text (so shortcuts must leave them alone). */
export function isTextEntry(element: HTMLElement): boolean {
  if (element.isContentEditable || element.tagName === 'TEXTAREA') return true;
  return element.tagName === 'INPUT' && !NOT_TEXT.has((element as HTMLInputElement).type);
}
