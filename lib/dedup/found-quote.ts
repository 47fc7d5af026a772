import type { QuoteMatch } from './find-quotes';
import { type Normalized, originalSpan } from './normalize';
import type { IndexedPassage } from './passage-index';
import { caseEdit, punctuationEdit } from './quote-edits';
import { trimEdges } from './repeat-key';
import type { QuoteEdit, Span } from './types';

/** A quote found in a segment, in original offsets: where it stands, what it quotes, the edits undone. */
export interface FoundQuote {
  source: IndexedPassage;
  /** Where the quote stands in the segment's text. */
  start: number;
  end: number;
  /** The spans of the source passage's text quoted (several for an elided quote). */
  spans: Span[];
  /** Offsets in the segment's text and the source passage's text. */
  edits: QuoteEdit[];
  /** The whole source passage word for word: an exact repeat. */
  whole: boolean;
}

/** The elision marks between the parts of a verbatim elided quote. */
function elisionEdits(text: string, quoted: Span[], spans: Span[]): QuoteEdit[] {
  const edits: QuoteEdit[] = [];
  for (let k = 1; k < quoted.length; k++) {
    let start = quoted[k - 1].end;
    let end = quoted[k].start;
    while (start < end && /[\s,;:]/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    edits.push({ kind: 'elision', start, end, sourceStart: spans[k - 1].end, sourceEnd: spans[k].start });
  }
  return edits;
}

/**
 * A verbatim match (normalised offsets) as a found quote (original offsets), with the edits that
 * normalisation already looked past: the first letter's case, the end punctuation, the elisions.
 */
export function verbatimQuote(
  match: QuoteMatch,
  quoting: string,
  text: string,
  offsets: Normalized,
  sourceOffsets: () => Normalized,
): FoundQuote {
  const { source, parts } = match;
  const first = parts[0];
  const last = parts[parts.length - 1];
  const start = offsets.starts[first.from];
  const end = offsets.ends[last.to - 1];
  const whole = parts.length === 1 && trimEdges(quoting.slice(first.from, first.to)) === trimEdges(source.normalized);
  if (whole) return { source, start, end, spans: [{ start: 0, end: source.text.length }], edits: [], whole };
  const spans = parts.map((part) => originalSpan(sourceOffsets(), part.at, part.at + part.to - part.from));
  const quoted = parts.map((part) => originalSpan(offsets, part.from, part.to));
  const edits = elisionEdits(text, quoted, spans);
  const caseChanged = caseEdit(text, start, source.text, spans[0].start);
  if (caseChanged) edits.unshift(caseChanged);
  const punctuation = punctuationEdit(text, end, source.text, spans[spans.length - 1].end);
  if (punctuation) edits.push(punctuation);
  return { source, start, end, spans, edits, whole };
}

/**
 * The quotes of a segment from both finders, without overlaps: the longer of two that overlap,
 * the verbatim one when they are as long (an edited quote adds to a verbatim one only where it
 * reaches further).
 */
export function mergeQuotes(verbatim: FoundQuote[], edited: FoundQuote[]): FoundQuote[] {
  if (edited.length === 0) return verbatim;
  const all = [...verbatim, ...edited].sort((a, b) => b.end - b.start - (a.end - a.start));
  const kept: FoundQuote[] = [];
  for (const quote of all) if (kept.every((k) => quote.end <= k.start || quote.start >= k.end)) kept.push(quote);
  return kept.sort((a, b) => a.start - b.start);
}
