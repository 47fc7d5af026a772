/** A half-open character range [start, end) in UTF-16 code units of a passage's text. */
export interface Span {
  start: number;
  end: number;
}

/**
 * How a piece of the input relates to what came before it.
 * - original: text seen here for the first time (it is a Passage)
 * - exact:    the whole piece repeats an earlier passage (after normalisation)
 * - partial:  the piece repeats one or more sentences or a fragment of an earlier passage
 * - elided:   the piece quotes parts of an earlier passage with "...", "…" or "[...]" between them
 * - blank:    an empty or whitespace-only line; never a repeat
 */
export type OccurrenceKind = 'original' | 'exact' | 'partial' | 'elided' | 'blank';

/** A unique paragraph text of the thread, in order of first appearance. */
export interface DedupPassage {
  /** 0-based, order of first appearance. */
  ordinal: number;
  text: string;
  /** 1-based input line where it first stood. */
  line: number;
  /** Sentence boundaries inside `text` (candidate claims). */
  sentences: Span[];
  /** Author/time/comment id carried over from the source paragraph, when known. */
  author?: string;
  postedAt?: string;
  commentId?: string;
  /** The comment this passage's comment replies to (LessWrong/AF exports); absent for top-level comments. */
  parentCommentId?: string;
}

/**
 * One piece of the input, in order. A source paragraph yields one piece, or several when it
 * holds glued paragraphs or a quote followed by new text. Pieces of one paragraph share `paragraph`.
 */
export interface DedupOccurrence {
  /** 0-based order of the piece in the whole input. */
  position: number;
  /** 0-based index of the source paragraph the piece belongs to. */
  paragraph: number;
  /** 1-based input line. */
  line: number;
  kind: OccurrenceKind;
  /** Exactly the characters of the input this piece stands for (display keeps the original). */
  text: string;
  /**
   * Characters of the input that belong to the piece but are not `text` (line terminator, Markdown
   * markers, JSON around a comment). Concatenating `text + rawAfter` over all pieces, with
   * `rawBefore` in front where present, rebuilds the input byte for byte.
   */
  rawBefore: string;
  rawAfter: string;
  /**
   * The exact input this piece stands for, when it is not `rawBefore + text + rawAfter` (a
   * Markdown quote spread over several "> " lines, a comment inside JSON): rebuild uses it instead.
   */
  raw?: string;
  /** For original and exact: the passage this piece is. */
  passage: number | null;
  /** For exact, partial and elided: the passage repeated, and the spans of it repeated. */
  source: number | null;
  spans: Span[] | null;
  /** A new passage right after a quote answers the quoted passage. */
  replyTo: number | null;
  /** For a quote that is not word for word its source: the edits undone to match it, in order. */
  edits?: QuoteEdit[];
}

/**
 * An edit a quoter made to the passage quoted:
 * - substitution:  "[the mesa-optimiser]" in place of source words ("it"), or added to them
 * - sic:           "[sic]" added
 * - emphasis-note: "(emphasis mine)", "[emphasis added]" added
 * - emphasis:      `*emphasis*` or `**bold**` added to words the source has plain
 * - markup:        Markdown the source has (italics, bold, a link) left out, or a link added
 * - case:          a first letter's case changed ("Would…" for "…would", "[T]he" for "the")
 * - punctuation:   the end punctuation dropped, added or changed
 * - elision:       source words left out at "…", "...", "[…]" or "[...]"
 * - typo:          a word one or two characters off
 * - spelling:      British for American spelling or the other way round ("optimise", "optimize")
 */
export type QuoteEditKind =
  | 'substitution'
  | 'sic'
  | 'emphasis-note'
  | 'emphasis'
  | 'markup'
  | 'case'
  | 'punctuation'
  | 'elision'
  | 'typo'
  | 'spelling';

/** One edit: where it stands in the quote (the occurrence's text) and what it stands for in the source passage's text. */
export interface QuoteEdit {
  kind: QuoteEditKind;
  start: number;
  end: number;
  /** The source span it replaces; empty (start = end) where the quote adds something. */
  sourceStart: number;
  sourceEnd: number;
}

/** A long run of consecutive repeats, shown as one folded "repeated copy of lines a–b" block. */
export interface RepeatBlock {
  /** First and last piece position (inclusive) of the run. */
  fromPosition: number;
  toPosition: number;
  /** 1-based input lines the run covers, and the lines of the earlier copy it repeats. */
  fromLine: number;
  toLine: number;
  sourceFromLine: number;
  sourceToLine: number;
}

export interface DedupResult {
  passages: DedupPassage[];
  occurrences: DedupOccurrence[];
  blocks: RepeatBlock[];
}

/** One row of the `dedup` CLI: every input line once. */
export interface LineStatus {
  line: number;
  status: 'original' | 'exact' | 'partial';
  of?: number;
  /** The kinds of the edits undone to match the line's quotes, one per edit; absent when there are none. */
  edits?: QuoteEditKind[];
}
