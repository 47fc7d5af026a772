import type { SourceParagraph } from '@/lib/ingest/types';
import { splitSentences } from './sentences';
import type { Span } from './types';

/** A run of a paragraph's text with the input characters around it, ready to become one piece. */
export interface Segment {
  paragraph: SourceParagraph;
  text: string;
  rawBefore: string;
  rawAfter: string;
  /** Set when the text is not a contiguous part of the input (see DedupOccurrence.raw). */
  raw?: string;
  /** Sentence spans of `text`, when already known. */
  sentences?: Span[];
}

/** The paragraph as one segment: its text, and the input characters before and after it. */
export function segmentOf(paragraph: SourceParagraph): Segment {
  const at = paragraph.raw.indexOf(paragraph.text);
  if (paragraph.text !== '' && at !== -1) {
    return { paragraph, text: paragraph.text, rawBefore: paragraph.raw.slice(0, at), rawAfter: paragraph.raw.slice(at + paragraph.text.length) };
  }
  if (paragraph.text === '') return { paragraph, text: '', rawBefore: '', rawAfter: paragraph.raw };
  return { paragraph, text: paragraph.text, rawBefore: '', rawAfter: '', raw: paragraph.raw };
}

/** Splits a segment at a text offset; the white space between the halves stays with the left one. */
export function splitSegment(segment: Segment, at: number): [Segment, Segment] {
  const left = segment.text.slice(0, at).trimEnd();
  const right = segment.text.slice(at).trimStart();
  const gap = segment.text.slice(left.length, segment.text.length - right.length);
  const raw = segment.raw;
  return [
    { paragraph: segment.paragraph, text: left, rawBefore: segment.rawBefore, rawAfter: gap, ...(raw !== undefined ? { raw } : {}) },
    { paragraph: segment.paragraph, text: right, rawBefore: '', rawAfter: segment.rawAfter, ...(raw !== undefined ? { raw: '' } : {}) },
  ];
}

/**
 * A paragraph holding glued paragraphs ("…struck it.(IE the …") becomes one segment each: they are
 * split where a sentence ends without a space before the next.
 */
export function unglue(paragraph: SourceParagraph): Segment[] {
  const sentences = splitSentences(paragraph.text);
  const points: number[] = [];
  for (let k = 1; k < sentences.length; k++) if (sentences[k].start === sentences[k - 1].end) points.push(sentences[k].start);
  if (points.length === 0) return [{ ...segmentOf(paragraph), sentences }];
  let rest = segmentOf(paragraph);
  const segments: Segment[] = [];
  let consumed = 0;
  for (const point of points) {
    const [left, right] = splitSegment(rest, point - consumed);
    segments.push(left);
    consumed = point;
    rest = right;
  }
  segments.push(rest);
  return segments;
}
