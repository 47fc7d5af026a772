import type { SourceParagraph } from '@/lib/ingest/types';
import { gluePoints, splitSentences } from './sentences';
import type { Span } from './types';

/** A run of a paragraph's text with the input characters around it, ready to become one piece. */
export interface Segment {
  paragraph: SourceParagraph;
  /** Where `text` starts in the paragraph's text. */
  offset: number;
  text: string;
  rawBefore: string;
  rawAfter: string;
  /** Set when the text is not a contiguous part of the input (see DedupOccurrence.raw). */
  raw?: string;
  /** Sentence spans of `text`, when already known. */
  sentences?: Span[];
}

/** The paragraph as one segment: its text, and the input characters before and after it (and its sentences, when known). */
export function segmentOf(paragraph: SourceParagraph, sentences?: Span[]): Segment {
  const { text, raw } = paragraph;
  const at = text === '' ? raw.length : raw.lastIndexOf(text);
  if (at === -1) return { paragraph, offset: 0, text, rawBefore: '', rawAfter: '', raw, sentences };
  return { paragraph, offset: 0, text, rawBefore: raw.slice(0, at), rawAfter: raw.slice(at + text.length), sentences };
}

const isSpace = (code: number) => code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0;

/**
 * Cuts a segment at text offsets (ascending, inside it). The white space at each cut goes with the
 * piece before it, as `rawAfter`, so the pieces still rebuild the segment exactly. A cut that would
 * leave a piece with no text is ignored.
 */
export function cutSegment(segment: Segment, cuts: number[]): Segment[] {
  const { text } = segment;
  // Each piece starts at its cut, past white space; a cut counts when text is left on both sides.
  const starts = [0];
  for (const cut of cuts) {
    let start = cut;
    while (start < text.length && isSpace(text.charCodeAt(start))) start++;
    const previous = starts[starts.length - 1];
    if (start < text.length && start > previous && /\S/.test(text.slice(previous, start))) starts.push(start);
  }
  return starts.map((start, k) => {
    const last = k === starts.length - 1;
    let end = last ? text.length : starts[k + 1];
    if (!last) while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
    return {
      paragraph: segment.paragraph,
      offset: segment.offset + start,
      text: text.slice(start, end),
      rawBefore: k === 0 ? segment.rawBefore : '',
      rawAfter: last ? segment.rawAfter : text.slice(end, starts[k + 1]),
      ...(segment.raw !== undefined ? { raw: k === 0 ? segment.raw : '' } : {}),
    };
  });
}

/**
 * A paragraph holding glued paragraphs ("…struck it.(IE the …") becomes one segment each: they are
 * split where a sentence ends without a space before the next.
 */
export function unglue(paragraph: SourceParagraph): Segment[] {
  const sentences = splitSentences(paragraph.text);
  const points = gluePoints(paragraph.text, sentences);
  return points.length === 0 ? [segmentOf(paragraph, sentences)] : cutSegment(segmentOf(paragraph), points);
}
