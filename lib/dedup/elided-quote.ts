import type { QuotedPart, QuoteMatch } from './find-quotes';
import { ELLIPSIS } from './normalize';
import type { PassageIndex } from './passage-index';
import type { Words } from './shingles';

/** Shorter parts ("the", "is a") would be found in almost any passage. */
const MIN_PART = 6;

/** Punctuation a quoter puts at the edges of the parts of an elided quote. */
const EDGE = new Set([' ', '.', ',', ';', ':', '!', '?', '-']);

/** The stretches between "..." tokens, less white space and stops at their edges. */
function partsOf(text: string): { from: number; to: number }[] {
  const parts: { from: number; to: number }[] = [];
  for (let from = 0; from < text.length; ) {
    const token = text.indexOf(ELLIPSIS, from);
    const end = token === -1 ? text.length : token;
    let start = from;
    let stop = end;
    while (start < stop && EDGE.has(text[start])) start++;
    while (stop > start && EDGE.has(text[stop - 1])) stop--;
    if (stop > start) parts.push({ from: start, to: stop });
    from = end + ELLIPSIS.length;
  }
  return parts;
}

/**
 * The passages that may hold every part: every part stands in the source, so each shingle inside
 * a part must be there too; the fewest listed by any of them are the candidates. (The longest part
 * alone may hold no shingle: "— two words —" is long in characters, short in words.)
 */
function candidatesFor(parts: { from: number; to: number }[], words: Words, index: PassageIndex): readonly number[] {
  let fewest: readonly number[] | null = null;
  for (let k = 0; k < words.shingles.length; k++) {
    const inside = parts.some((part) => words.starts[k] >= part.from && words.starts[k + 2] < part.to);
    if (!inside) continue;
    const holding = index.sharing(words.shingles[k]);
    if (holding && (!fewest || holding.length < fewest.length)) fewest = holding;
  }
  return fewest ?? [];
}

/**
 * A text that is nothing but an elided quote ("start of a paragraph....its end"): every part, in
 * order, in one earlier passage. This finds elisions whose parts are too short to be found one by
 * one.
 */
export function findElidedQuote(text: string, words: Words, index: PassageIndex): QuoteMatch | null {
  if (!text.includes(ELLIPSIS)) return null;
  const parts = partsOf(text);
  if (parts.length < 2 || parts.some((part) => part.to - part.from < MIN_PART)) return null;
  for (const ordinal of candidatesFor(parts, words, index)) {
    const source = index.passages[ordinal];
    const found: QuotedPart[] = [];
    let after = 0;
    for (const part of parts) {
      const at = source.normalized.indexOf(text.slice(part.from, part.to), after);
      if (at === -1) break;
      found.push({ ...part, at });
      after = at + part.to - part.from;
    }
    if (found.length === parts.length) return { source, parts: found };
  }
  return null;
}
