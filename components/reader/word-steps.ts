/**
 * Word-by-word moves of the reader's keyboard selection inside one passage, so a keyboard user can
 * tag part of a sentence: ←/→ step a one-word cursor, Shift+←/→ move one end of the span a word at
 * a time, the way Shift+arrows move a text editor's selection (the end that moved last keeps moving;
 * it turns round when it would cross the other). Offsets are those of the passage's DOM text.
 */

export interface Span {
  start: number;
  end: number;
}

/** A span and the end of it that Shift+arrows move. */
export interface WordSpan extends Span {
  moving: 'start' | 'end';
}

const segmenter = new Intl.Segmenter('en', { granularity: 'word' });

/** The words of a text (punctuation and spaces left out). */
export function wordsOf(text: string): Span[] {
  const words: Span[] = [];
  for (const { segment, index, isWordLike } of segmenter.segment(text))
    if (isWordLike) words.push({ start: index, end: index + segment.length });
  return words;
}

/** First and last word a span touches; null when it holds no word. */
function wordRange(words: Span[], span: Span): [number, number] | null {
  const first = words.findIndex((word) => word.end > span.start);
  const last = words.findLastIndex((word) => word.start < span.end);
  return first === -1 || last < first ? null : [first, last];
}

/**
 * The span from word `first` to word `last`. An end at a sentence's first or last word takes the
 * sentence's own end (an opening quote, a closing full stop), so stepping back out to a whole
 * sentence gives exactly the sentence — the same claim as tagging the sentence.
 */
function spanOf(words: Span[], sentences: Span[], first: number, last: number, moving: WordSpan['moving']): WordSpan {
  let { start } = words[first];
  let { end } = words[last];
  const opening = sentences.find((s) => s.start <= start && start < s.end);
  if (opening && wordRange(words, opening)?.[0] === first) start = opening.start;
  const closing = sentences.find((s) => s.start < end && end <= s.end);
  if (closing && wordRange(words, closing)?.[1] === last) end = closing.end;
  return { start, end, moving };
}

/**
 * ←/→: from a one-word span, the word before or after it; from a longer span, its first word (→)
 * or its last (←), so → after choosing a sentence walks it from the start. Null at the passage's edge.
 */
export function stepWord(text: string, span: Span, direction: 1 | -1): WordSpan | null {
  const words = wordsOf(text);
  const range = wordRange(words, span);
  if (!range) return null;
  const [first, last] = range;
  const index = first === last ? first + direction : direction === 1 ? first : last;
  const word = words[index];
  return word ? { ...word, moving: 'end' } : null;
}

/** Shift+←/→: moves the span's moving end by one word. Null when there is no word that way. */
export function extendByWord(text: string, sentences: Span[], span: WordSpan, direction: 1 | -1): WordSpan | null {
  const words = wordsOf(text);
  const range = wordRange(words, span);
  if (!range) return null;
  let [first, last] = range;
  let { moving } = span;
  if (first === last && (moving === 'end') !== (direction === 1)) moving = moving === 'end' ? 'start' : 'end';
  if (moving === 'end') last += direction;
  else first += direction;
  if (first < 0 || last >= words.length || first > last) return null;
  return spanOf(words, sentences, first, last, moving);
}
