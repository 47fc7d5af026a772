import type { SourceParagraph } from '@/lib/ingest/types';
import { findBlocks } from './blocks';
import { containedIn, elidedQuote, type QuoteMatch, quotedEdge } from './match-quote';
import { type Normalized, normalizeForMatch } from './normalize';
import { PassageIndex } from './passage-index';
import { shingleKeys } from './shingles';
import { type Segment, splitSegment, unglue } from './segments';
import { splitSentences } from './sentences';
import type { DedupOccurrence, DedupPassage, DedupResult, OccurrenceKind } from './types';

/** Offset in the segment's text just after normalised character `length - 1` (or before it, for an end quote). */
function cutAt(normalized: Normalized, length: number, edge: 'start' | 'end'): number {
  return edge === 'start' ? normalized.ends[length - 1] : normalized.starts[normalized.text.length - length];
}

class RepeatFinder {
  readonly index = new PassageIndex();
  readonly passages: DedupPassage[] = [];
  readonly occurrences: DedupOccurrence[] = [];

  private push(segment: Segment, kind: OccurrenceKind, fields: Pick<DedupOccurrence, 'passage' | 'source' | 'spans'>) {
    this.occurrences.push({
      position: this.occurrences.length,
      paragraph: segment.paragraph.index,
      line: segment.paragraph.line,
      kind,
      text: segment.text,
      rawBefore: segment.rawBefore,
      rawAfter: segment.rawAfter,
      ...(segment.raw !== undefined ? { raw: segment.raw } : {}),
      ...fields,
      replyTo: null,
    });
  }

  private quote(segment: Segment, match: QuoteMatch, kind: 'partial' | 'elided') {
    const whole = match.spans.length === 1 && match.spans[0].start === 0 && match.spans[0].end === match.source.text.length;
    if (whole && kind === 'partial') this.push(segment, 'exact', { passage: match.source.ordinal, source: match.source.ordinal, spans: match.spans });
    else this.push(segment, kind, { passage: null, source: match.source.ordinal, spans: match.spans });
  }

  private original(segment: Segment, normalized: Normalized, keys: number[]) {
    const ordinal = this.passages.length;
    const { paragraph } = segment;
    this.passages.push({
      ordinal,
      text: segment.text,
      line: paragraph.line,
      sentences: segment.sentences ?? splitSentences(segment.text),
      ...(paragraph.author ? { author: paragraph.author } : {}),
      ...(paragraph.postedAt ? { postedAt: paragraph.postedAt } : {}),
      ...(paragraph.commentId ? { commentId: paragraph.commentId } : {}),
    });
    this.index.add({ ordinal, line: paragraph.line, text: segment.text, normalized }, keys);
    this.push(segment, 'original', { passage: ordinal, source: null, spans: null });
  }

  /** One segment: blank, a repeat (whole, elided, contained), a quote at one edge plus new text, or new. */
  classify(segment: Segment) {
    // A piece written exactly as an earlier passage (the common case in scraped copies) needs no normalising.
    const verbatim = this.index.verbatim(segment.text);
    if (verbatim) {
      this.push(segment, 'exact', { passage: verbatim.ordinal, source: verbatim.ordinal, spans: [{ start: 0, end: verbatim.text.length }] });
      return;
    }
    const normalized = normalizeForMatch(segment.text);
    if (normalized.text === '') {
      this.push(segment, 'blank', { passage: null, source: null, spans: null });
      return;
    }
    const same = this.index.exact(normalized.text);
    if (same) {
      this.push(segment, 'exact', { passage: same.ordinal, source: same.ordinal, spans: [{ start: 0, end: same.text.length }] });
      return;
    }
    const elided = elidedQuote(this.index, segment.text);
    if (elided) return this.quote(segment, elided, 'elided');
    const keys = shingleKeys(normalized.text);
    const candidates = this.index.candidates(keys);
    const contained = containedIn(candidates, normalized);
    if (contained) return this.quote(segment, contained, 'partial');
    for (const edge of ['start', 'end'] as const) {
      if (candidates.length === 0) break;
      const quoted = quotedEdge(candidates, normalized, edge);
      if (!quoted) continue;
      const [left, right] = splitSegment(segment, cutAt(normalized, quoted.length, edge));
      if (!left.text || !right.text) continue;
      if (edge === 'start') {
        this.quote(left, quoted, 'partial');
        this.classify(right);
      } else {
        this.classify(left);
        this.quote(right, quoted, 'partial');
      }
      return;
    }
    this.original(segment, normalized, keys);
  }
}

/**
 * Finds every repeated passage of a thread: exact repeats, partial and elided quotes, quotes
 * followed (or preceded) by new text, glued paragraphs, whole-thread copies (folded blocks), and
 * the reply links of quote-replies. Every input character stays in exactly one piece.
 */
export function findRepeats(paragraphs: SourceParagraph[]): DedupResult {
  const finder = new RepeatFinder();
  for (const paragraph of paragraphs) {
    for (const segment of unglue(paragraph)) finder.classify(segment);
  }
  const { occurrences, passages } = finder;
  const blocks = findBlocks(occurrences, passages);
  linkReplies(occurrences, blocks);
  return { passages, occurrences, blocks };
}

/**
 * A new passage right after a quote (the next non-blank piece) answers the quoted passage.
 * Inside a whole-thread copy the order is the copy's, not a reply's, so no links are made there.
 */
function linkReplies(occurrences: DedupOccurrence[], blocks: DedupResult['blocks']) {
  const inBlock = (position: number) => blocks.some((b) => position >= b.fromPosition && position <= b.toPosition);
  let lastQuote: DedupOccurrence | null = null;
  for (const occurrence of occurrences) {
    if (occurrence.kind === 'blank') continue;
    if (occurrence.kind === 'original') {
      if (lastQuote && lastQuote.source !== null) occurrence.replyTo = lastQuote.source;
      lastQuote = null;
    } else {
      lastQuote = inBlock(occurrence.position) ? null : occurrence;
    }
  }
}
