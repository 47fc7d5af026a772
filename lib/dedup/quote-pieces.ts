import type { FoundQuote } from './found-quote';

/** A stretch [start, end) of a segment's text: a quote of an earlier passage, or new text (quote null). */
export interface PieceRange {
  start: number;
  end: number;
  quote: FoundQuote | null;
}

const WORD = /[\p{L}\p{N}]/u;
const FOOTNOTE = /^\[\d{1,4}\]/;
/** Marks that open a quote: quotation marks, brackets, a "> " marker, emphasis, a list dash. */
const OPENING = new Set(['"', "'", '“', '‘', '«', '(', '[', '>', '*', '_', '-']);
/** Marks that close one: quotation marks, brackets, stops, emphasis. */
const CLOSING = new Set(['"', "'", '”', '’', '»', ')', ']', '.', ',', ';', ':', '!', '?', '…', '*', '_']);

/** A list marker ("(1)", "2.", "a)", "-"): no text of its own, it goes with the quote it introduces. */
const LIST_MARKER = /^(?:\(?[\p{L}\p{N}]{1,3}[.)]|[-*•+])$/u;

/** Does text[from, to) hold text of its own (not only marks, white space or a list marker)? */
function hasWord(text: string, from: number, to: number): boolean {
  const stretch = text.slice(from, to).trim();
  return WORD.test(stretch) && !LIST_MARKER.test(stretch);
}

/** Takes in the marks around a quote: opening ones before it, closing ones and footnote markers after it. */
function widen(text: string, start: number, end: number): [number, number] {
  while (start > 0 && OPENING.has(text[start - 1])) start--;
  for (;;) {
    const footnote = text[end] === '[' ? FOOTNOTE.exec(text.slice(end, end + 6)) : null;
    if (footnote) end += footnote[0].length;
    else if (end < text.length && CLOSING.has(text[end])) end++;
    else break;
  }
  return [start, end];
}

/**
 * The segment's text as quote and new-text stretches, in order, covering all of it. Each quote
 * keeps its quotation marks and trailing punctuation; a stretch between two quotes, or at either
 * end, that holds no word (a "> " marker, a closing ”) joins its neighbouring quote.
 */
export function pieceRanges(text: string, quotes: FoundQuote[]): PieceRange[] {
  const ranges: PieceRange[] = [];
  let done = 0;
  for (const [k, quote] of quotes.entries()) {
    let [start, end] = widen(text, quote.start, quote.end);
    start = Math.max(start, done);
    if (!hasWord(text, done, start)) start = done;
    const next = k + 1 < quotes.length ? quotes[k + 1].start : text.length;
    if (!hasWord(text, end, next)) end = next;
    if (start > done) ranges.push({ start: done, end: start, quote: null });
    ranges.push({ start, end, quote });
    done = end;
  }
  if (done < text.length) ranges.push({ start: done, end: text.length, quote: null });
  return ranges;
}
