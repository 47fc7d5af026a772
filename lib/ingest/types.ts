/** The input formats Crux Reader understands. */
export type ThreadFormat = 'text' | 'markdown' | 'lesswrong-json';

export const THREAD_FORMATS: readonly ThreadFormat[] = ['text', 'markdown', 'lesswrong-json'];

/**
 * One paragraph of the input as the format delivers it, before any dedup.
 * For the flattened text format a paragraph is one line.
 */
export interface SourceParagraph {
  /** 0-based order in the thread. */
  index: number;
  /** 1-based line of the input on which the paragraph starts. */
  line: number;
  /** Display text, exactly as written (no normalisation); for text input the line without its terminator. */
  text: string;
  /**
   * The exact slice of the input this paragraph owns (text, line terminator, markup, JSON around it).
   * The raws of all paragraphs, concatenated in order, rebuild the input byte for byte.
   */
  raw: string;
  /** The format itself marks this paragraph as a quotation (a Markdown blockquote). */
  quoted: boolean;
  /** Author, time and reply structure, when the format carries them (LessWrong JSON). */
  author?: string;
  postedAt?: string;
  commentId?: string;
  parentCommentId?: string | null;
}

export interface ParsedThread {
  format: ThreadFormat;
  /** A title found in the input (Markdown heading, post title), if any. */
  title?: string;
  paragraphs: SourceParagraph[];
}
