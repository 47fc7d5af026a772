import type { SourceParagraph } from '@/lib/ingest/types';
import { acceptQuote } from './accept-quote';
import { EditedQuoteFinder } from './edited-quotes';
import { findElidedQuote } from './elided-quote';
import { findQuotes } from './find-quotes';
import { type FoundQuote, mergeQuotes, verbatimQuote } from './found-quote';
import { type Normalized, normalizedText, normalizeForMatch } from './normalize';
import { repeatKey } from './repeat-key';
import { type IndexedPassage, PassageIndex } from './passage-index';
import { pieceRanges } from './quote-pieces';
import { QuotingText } from './quoting-text';
import { cutSegment, type Segment, segmentOf, unglue } from './segments';
import { splitSentences } from './sentences';
import { type Words, wordsOf } from './shingles';
import type { DedupOccurrence, DedupPassage, OccurrenceKind } from './types';

type Link = Pick<DedupOccurrence, 'kind' | 'passage' | 'source' | 'spans' | 'edits'>;

/** How a paragraph was cut and what each piece was: replayed when the same paragraph comes again. */
interface PieceTemplate extends Link {
  /** Where the piece starts in the paragraph's text. */
  start: number;
}

const BLANK: Link = { kind: 'blank', passage: null, source: null, spans: null };

/**
 * For sizing the index: about one shingle per word, six characters to a word; a thread that is
 * mostly repeats needs fewer, and past a million the table grows as it fills rather than guessing.
 */
const CHARACTERS_PER_WORD = 6;
const MAX_EXPECTED_SHINGLES = 1 << 20;

/** Offsets of recently quoted passages kept (a reply quoting one passage several times needs them once). */
const QUOTED_OFFSETS_KEPT = 32;

/**
 * Reads a thread paragraph by paragraph and turns each into pieces: blank, new (a passage), an
 * exact repeat, or a partial or elided quote of an earlier passage. Builds the passages, the
 * occurrences (one per piece, in input order) and the index the later paragraphs are matched with.
 */
export class RepeatFinder {
  readonly passages: DedupPassage[] = [];
  readonly occurrences: DedupOccurrence[] = [];
  private readonly index: PassageIndex;
  /** Each distinct paragraph text met so far, and how it was cut: a scraped thread repeats most of them. */
  private readonly seen = new Map<string, PieceTemplate[]>();
  private pieces: PieceTemplate[] = [];
  private readonly quotedOffsets = new Map<number, Normalized>();
  private readonly edited = new EditedQuoteFinder((passage) => this.offsetsOf(passage));

  /** @param size the thread's length in characters, to size the index once (a guess; it grows if needed) */
  constructor(size: number) {
    this.index = new PassageIndex(Math.min(size / CHARACTERS_PER_WORD, MAX_EXPECTED_SHINGLES));
  }

  paragraph(paragraph: SourceParagraph) {
    const template = this.seen.get(paragraph.text);
    if (template) return this.replay(paragraph, template);
    this.pieces = [];
    for (const segment of unglue(paragraph)) this.classify(segment);
    this.seen.set(paragraph.text, this.pieces);
  }

  /** The same text as an earlier paragraph: the same cuts, each piece now a repeat of what it was. */
  private replay(paragraph: SourceParagraph, template: PieceTemplate[]) {
    this.pieces = [];
    const segments = cutSegment(
      segmentOf(paragraph),
      template.slice(1).map((piece) => piece.start),
    );
    segments.forEach((segment, k) => {
      const piece = template[k];
      if (piece.kind === 'original') this.exact(segment, piece.passage as number);
      else this.push(segment, piece);
    });
  }

  private push(segment: Segment, link: Link) {
    const { kind, passage, source, spans, edits } = link;
    this.pieces.push({ start: segment.offset, kind, passage, source, spans, edits });
    const occurrence: DedupOccurrence = {
      position: this.occurrences.length,
      paragraph: segment.paragraph.index,
      line: segment.paragraph.line,
      kind,
      text: segment.text,
      rawBefore: segment.rawBefore,
      rawAfter: segment.rawAfter,
      passage,
      source,
      spans,
      replyTo: null,
    };
    // Set only where they apply (a piece that is not a contiguous part of the input, an edited
    // quote): every other occurrence keeps the one shape.
    if (segment.raw !== undefined) occurrence.raw = segment.raw;
    if (edits) occurrence.edits = edits;
    this.occurrences.push(occurrence);
  }

  private exact(segment: Segment, ordinal: number) {
    const spans = [{ start: 0, end: this.passages[ordinal].text.length }];
    this.push(segment, { kind: 'exact', passage: ordinal, source: ordinal, spans });
  }

  /**
   * One segment: blank, an exact repeat, text holding quotes (cut into pieces), or new. Quotes are
   * found word for word first; where a word-for-word stretch stops at what looks like an edit, the
   * edited-quote finder aligns it with its source past the edits.
   */
  private classify(segment: Segment) {
    if (!/\S/.test(segment.text)) return this.push(segment, BLANK);
    const text = normalizedText(segment.text);
    const key = repeatKey(segment.text, text);
    const same = this.index.repeated(key);
    if (same) return this.exact(segment, same.ordinal);
    const words = wordsOf(text);
    const quoting = new QuotingText(segment.text, words);
    const elided = findElidedQuote(text, words, this.index);
    const found = elided ? [elided] : findQuotes(text, words, this.index, (q) => quoting.glued(q));
    if (found.length === 0) return this.original(segment, text, key, words);
    const matches = found.map((match) => acceptQuote(match, text, quoting)).filter((match) => match !== null);
    const verbatim = matches.map((match) =>
      verbatimQuote(match, text, segment.text, quoting.offsets(), () => this.offsetsOf(match.source)),
    );
    const quotes = mergeQuotes(verbatim, this.edited.find(segment.text, text, quoting, found));
    if (quotes.length === 0) return this.original(segment, text, key, words);
    const ranges = pieceRanges(segment.text, quotes);
    let r = 0;
    for (const piece of cutSegment(
      segment,
      ranges.slice(1).map((range) => range.start),
    )) {
      while (piece.offset - segment.offset >= ranges[r].end) r++;
      const { quote } = ranges[r];
      if (quote) this.quote(piece, quote, piece.offset - segment.offset);
      else this.newText(piece);
    }
  }

  /** A quote piece starting at `at` in its segment's text: an exact repeat, or a partial or elided quote with its edits. */
  private quote(piece: Segment, quote: FoundQuote, at: number) {
    if (quote.whole) return this.exact(piece, quote.source.ordinal);
    const kind: OccurrenceKind = quote.spans.length > 1 ? 'elided' : 'partial';
    const link = { kind, passage: null, source: quote.source.ordinal, spans: quote.spans };
    if (quote.edits.length === 0) return this.push(piece, link);
    const edits = quote.edits.map((edit) => ({ ...edit, start: edit.start - at, end: edit.end - at }));
    this.push(piece, { ...link, edits });
  }

  /**
   * A quoted passage normalised again with offsets back to its own text: only the passages quoted
   * need them, and a reply often quotes the same one several times, so the last few are kept.
   */
  private offsetsOf(source: IndexedPassage): Normalized {
    let normalized = this.quotedOffsets.get(source.ordinal);
    if (!normalized) {
      if (this.quotedOffsets.size >= QUOTED_OFFSETS_KEPT) this.quotedOffsets.clear();
      normalized = normalizeForMatch(source.text);
      this.quotedOffsets.set(source.ordinal, normalized);
    }
    return normalized;
  }

  /** Text beside a quote: new, unless it is exactly an earlier passage. */
  private newText(piece: Segment) {
    const normalized = normalizedText(piece.text);
    const key = repeatKey(piece.text, normalized);
    const same = this.index.repeated(key);
    if (same) this.exact(piece, same.ordinal);
    else this.original(piece, normalized, key, wordsOf(normalized));
  }

  private original(segment: Segment, normalized: string, key: string, words: Words) {
    const ordinal = this.passages.length;
    const { paragraph, text } = segment;
    const passage: DedupPassage = {
      ordinal,
      text,
      line: paragraph.line,
      sentences: segment.sentences ?? splitSentences(text),
    };
    if (paragraph.author) passage.author = paragraph.author;
    if (paragraph.postedAt) passage.postedAt = paragraph.postedAt;
    if (paragraph.commentId) passage.commentId = paragraph.commentId;
    if (paragraph.parentCommentId) passage.parentCommentId = paragraph.parentCommentId;
    this.passages.push(passage);
    this.index.add({ ordinal, text, normalized }, key, words);
    this.push(segment, { kind: 'original', passage: ordinal, source: null, spans: null });
  }
}
