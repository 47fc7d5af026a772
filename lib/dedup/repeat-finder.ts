import type { SourceParagraph } from '@/lib/ingest/types';
import { acceptQuote } from './accept-quote';
import { findElidedQuote } from './elided-quote';
import { findQuotes, type GluedAt, type QuoteMatch } from './find-quotes';
import { gluedAt, type Normalized, normalizedText, normalizeForMatch, originalSpan } from './normalize';
import { repeatKey, trimEdges } from './repeat-key';
import { type IndexedPassage, PassageIndex } from './passage-index';
import { pieceRanges } from './quote-pieces';
import { cutSegment, type Segment, segmentOf, unglue } from './segments';
import { splitSentences } from './sentences';
import { type Words, wordsOf } from './shingles';
import type { DedupOccurrence, DedupPassage, OccurrenceKind } from './types';

type Link = Pick<DedupOccurrence, 'kind' | 'passage' | 'source' | 'spans'>;

/** How a paragraph was cut and what each piece was: replayed when the same paragraph comes again. */
interface PieceTemplate extends Link {
  /** Where the piece starts in the paragraph's text. */
  start: number;
}

const NO_LINK = { passage: null, source: null, spans: null };

/** Only a text with a lower-case letter right before a capital can hold paragraphs glued letter to letter. */
const LOWER_THEN_UPPER = /\p{Ll}\p{Lu}/u;

/**
 * For sizing the index: about one shingle per word, six characters to a word; a thread that is
 * mostly repeats needs fewer, and past a million the table grows as it fills rather than guessing.
 */
const CHARACTERS_PER_WORD = 6;
const MAX_EXPECTED_SHINGLES = 1 << 20;

/** Offsets of recently quoted passages kept (a reply quoting one passage several times needs them once). */
const QUOTED_OFFSETS_KEPT = 32;

/**
 * Offsets from normalised text back to the original, and the glue test that needs them: worked out
 * only when first asked for, as most pieces hold no quote.
 */
function lazyOffsets(original: string): { offsets: () => Normalized; glued: GluedAt } {
  let normalized: Normalized | undefined;
  let mayBeGlued: boolean | undefined;
  const offsets = () => {
    normalized ??= normalizeForMatch(original);
    return normalized;
  };
  const glued = (q: number) => {
    mayBeGlued ??= LOWER_THEN_UPPER.test(original);
    return mayBeGlued && gluedAt(offsets(), original, q);
  };
  return { offsets, glued };
}

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
      const { kind, passage, source, spans } = template[k];
      if (kind === 'original') this.exact(segment, passage as number);
      else this.push(segment, { kind, passage, source, spans });
    });
  }

  private push(segment: Segment, link: Link) {
    this.pieces.push({ start: segment.offset, ...link });
    this.occurrences.push({
      position: this.occurrences.length,
      paragraph: segment.paragraph.index,
      line: segment.paragraph.line,
      kind: link.kind,
      text: segment.text,
      rawBefore: segment.rawBefore,
      rawAfter: segment.rawAfter,
      ...(segment.raw !== undefined ? { raw: segment.raw } : {}),
      passage: link.passage,
      source: link.source,
      spans: link.spans,
      replyTo: null,
    });
  }

  private exact(segment: Segment, ordinal: number) {
    const spans = [{ start: 0, end: this.passages[ordinal].text.length }];
    this.push(segment, { kind: 'exact', passage: ordinal, source: ordinal, spans });
  }

  /** One segment: blank, an exact repeat, text holding quotes (cut into pieces), or new. */
  private classify(segment: Segment) {
    if (!/\S/.test(segment.text)) return this.push(segment, { kind: 'blank', ...NO_LINK });
    const text = normalizedText(segment.text);
    const key = repeatKey(segment.text, text);
    const same = this.index.repeated(key);
    if (same) return this.exact(segment, same.ordinal);
    const words = wordsOf(text);
    const { offsets, glued } = lazyOffsets(segment.text);
    const elided = findElidedQuote(text, words, this.index);
    const quotes = (elided ? [elided] : findQuotes(text, words, this.index, glued))
      .map((match) => acceptQuote(match, text, glued))
      .filter((match) => match !== null);
    if (quotes.length === 0) return this.original(segment, text, key, words);
    const ranges = pieceRanges(segment.text, offsets(), quotes);
    let r = 0;
    for (const piece of cutSegment(
      segment,
      ranges.slice(1).map((range) => range.start),
    )) {
      while (piece.offset - segment.offset >= ranges[r].end) r++;
      const { match } = ranges[r];
      if (match) this.quote(piece, match, text);
      else this.newText(piece);
    }
  }

  private quote(piece: Segment, match: QuoteMatch, quoting: string) {
    const { source, parts } = match;
    const whole =
      parts.length === 1 && trimEdges(quoting.slice(parts[0].from, parts[0].to)) === trimEdges(source.normalized);
    if (whole) return this.exact(piece, source.ordinal);
    const sourceNormalized = this.offsetsOf(source);
    const spans = parts.map((part) => originalSpan(sourceNormalized, part.at, part.at + part.to - part.from));
    const kind: OccurrenceKind = parts.length > 1 ? 'elided' : 'partial';
    this.push(piece, { kind, passage: null, source: source.ordinal, spans });
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
    this.passages.push({
      ordinal,
      text,
      line: paragraph.line,
      sentences: segment.sentences ?? splitSentences(text),
      ...(paragraph.author ? { author: paragraph.author } : {}),
      ...(paragraph.postedAt ? { postedAt: paragraph.postedAt } : {}),
      ...(paragraph.commentId ? { commentId: paragraph.commentId } : {}),
      ...(paragraph.parentCommentId ? { parentCommentId: paragraph.parentCommentId } : {}),
    });
    this.index.add({ ordinal, text, normalized }, key, words);
    this.push(segment, { kind: 'original', passage: ordinal, source: null, spans: null });
  }
}
