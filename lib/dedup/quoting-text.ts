import { gluedAt, type Normalized, normalizeForMatch } from './normalize';
import { isSayingShingle } from './sayings';
import type { Words } from './shingles';

/** Only a text with a lower-case letter right before a capital can hold paragraphs glued letter to letter. */
const LOWER_THEN_UPPER = /\p{Ll}\p{Lu}/u;
const UPPER_START = /^\p{Lu}/u;
/** Opening quotation marks (not the straight apostrophe: in "don't" it opens nothing). */
const OPENING_QUOTES = new Set(['"', '“', '‘', '«', '„']);
const ANY_OPENING_QUOTE = /["“‘«„]/;
const CLOSING_QUOTES = new Set(['"', '”', '’', '»']);
/** May stand between a quote's words and its quotation marks: emphasis, white space, and after it punctuation. */
const INSIDE_OPENING = new Set([' ', '*', '_']);
const INSIDE_CLOSING = new Set([' ', '*', '_', '.', ',', ';', ':', '!', '?', '…']);

/**
 * What the quote checks ask of a quoting text's original, by normalised offset. The offsets back
 * to the original are worked out only when first asked for: most pieces hold no quote.
 */
export class QuotingText {
  private normalized: Normalized | undefined;
  private mayBeGlued: boolean | undefined;

  constructor(
    private readonly original: string,
    private readonly words: Words,
  ) {}

  /** Does normalised [from, to) hold three words of a well-known saying in a row (so it may be one)? */
  maySaySaying(from: number, to: number): boolean {
    const { starts, shingles } = this.words;
    let low = 0;
    let high = shingles.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (starts[mid] < from) low = mid + 1;
      else high = mid;
    }
    for (let i = low; i < shingles.length && starts[i + 2] < to; i++) if (isSayingShingle(shingles[i])) return true;
    return false;
  }

  /** Offsets from the normalised text back to the original. */
  offsets(): Normalized {
    this.normalized ??= normalizeForMatch(this.original);
    return this.normalized;
  }

  /** Were two paragraphs glued letter to letter at q ("…agent foundationsI disagree")? */
  glued(q: number): boolean {
    this.mayBeGlued ??= LOWER_THEN_UPPER.test(this.original);
    return this.mayBeGlued && gluedAt(this.offsets(), this.original, q);
  }

  /** Does a capitalised word start at q (past white space)? */
  capitalAt(q: number): boolean {
    const { text, starts } = this.offsets();
    let k = q;
    while (text[k] === ' ') k++;
    return k < text.length && UPPER_START.test(this.original[starts[k]]);
  }

  /** Does the writer mark [from, to) as a quote: quotation marks around it, or a line opening with ">"? */
  marked(from: number, to: number): boolean {
    const { original } = this;
    if (original.trimStart().startsWith('>')) return true;
    if (!ANY_OPENING_QUOTE.test(original)) return false;
    const { starts, ends } = this.offsets();
    let start = starts[from];
    let end = ends[to - 1];
    while (start > 0 && INSIDE_OPENING.has(original[start - 1])) start--;
    while (end < original.length && INSIDE_CLOSING.has(original[end])) end++;
    return start > 0 && OPENING_QUOTES.has(original[start - 1]) && CLOSING_QUOTES.has(original[end]);
  }
}
