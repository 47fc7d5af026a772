/**
 * Text for matching only (the reader always shows the original): accents and compatibility forms
 * folded (NFKD without combining marks, which also makes NFC and NFD equal), quotes and
 * apostrophes dropped, dashes unified, footnote markers like "[1]" dropped, every ellipsis ("...",
 * "....", "…", "[...]", "[…]") made one " ... " token, a leading "> " quote marker dropped, white
 * space collapsed, lower case. Each normalised character remembers the original characters it came
 * from, so a normalised span maps back to the exact original span.
 */
export interface Normalized {
  text: string;
  /** Offset in the original where normalised character i starts. */
  starts: Int32Array;
  /** Offset in the original just after normalised character i. */
  ends: Int32Array;
}

/** The ellipsis token in normalised text. */
export const ELLIPSIS = '...';

const QUOTE_CODES = new Set([
  0x22, 0x27, 0x60, 0xab, 0xb4, 0xbb, 0x2018, 0x2019, 0x201a, 0x201b, 0x201c, 0x201d, 0x201e, 0x201f, 0x2032, 0x2033,
  0x2039, 0x203a,
]);
const isDash = (code: number) =>
  (code >= 0x2010 && code <= 0x2015) || code === 0x2212 || code === 0x2e3a || code === 0x2e3b;
const isSpace = (code: number) =>
  code <= 32 ||
  code === 0xa0 ||
  code === 0x1680 ||
  (code >= 0x2000 && code <= 0x200b) ||
  code === 0x2028 ||
  code === 0x2029 ||
  code === 0x202f ||
  code === 0x205f ||
  code === 0x3000 ||
  code === 0xfeff;
const isDigit = (code: number) => code >= 48 && code <= 57;

/** Folded form of each non-ASCII code point met so far (folding one costs a String.normalize call). */
const folds = new Map<number, string>();
function fold(point: number): string {
  let folded = folds.get(point);
  if (folded === undefined) {
    folded = String.fromCodePoint(point).normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
    folds.set(point, folded);
  }
  return folded;
}

/** Length of a footnote marker "[1]"–"[9999]" at i, or 0. */
function footnoteAt(text: string, i: number): number {
  let k = i + 1;
  while (k < text.length && k - i <= 4 && isDigit(text.charCodeAt(k))) k++;
  return k > i + 1 && text.charCodeAt(k) === 93 ? k - i + 1 : 0;
}

/** Length of an ellipsis at i: three or more full stops, "…", or either in square brackets; else 0. */
function ellipsisAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code === 0x2026) return 1;
  if (code === 46) {
    let k = i;
    while (text.charCodeAt(k) === 46) k++;
    return k - i >= 3 ? k - i : 0;
  }
  if (code === 91) {
    const inner = ellipsisAt(text, i + 1);
    return inner && text.charCodeAt(i + 1 + inner) === 93 ? inner + 2 : 0;
  }
  return 0;
}

/** Length of a leading quote marker ("> ", ">> ") at the start of the text, or 0. */
function quoteMarkerAt(text: string): number {
  let k = 0;
  while (k < text.length && isSpace(text.charCodeAt(k))) k++;
  if (text.charCodeAt(k) !== 62) return 0;
  while (text.charCodeAt(k) === 62 || text.charCodeAt(k) === 32) k++;
  return isSpace(text.charCodeAt(k - 1)) ? k : 0;
}

/** Where each normalised character came from: both columns in one buffer, starts then ends. */
class OffsetTable {
  private buffer: Int32Array;
  private capacity: number;

  constructor(capacity: number) {
    this.capacity = capacity;
    this.buffer = new Int32Array(2 * capacity);
  }

  /** Normalised characters [at, at + count) come from original [start, end): one character each, or all from the whole. */
  set(at: number, count: number, start: number, end: number, oneEach: boolean) {
    if (at + count > this.capacity) this.grow(at + count);
    const { buffer, capacity } = this;
    for (let k = 0; k < count; k++) {
      buffer[at + k] = oneEach ? start + k : start;
      buffer[capacity + at + k] = oneEach ? start + k + 1 : end;
    }
  }

  /** The offsets of the first `size` normalised characters. */
  starts(size: number): Int32Array {
    return this.buffer.subarray(0, size);
  }

  ends(size: number): Int32Array {
    return this.buffer.subarray(this.capacity, this.capacity + size);
  }

  private grow(needed: number) {
    const capacity = Math.max(needed, this.capacity * 2);
    const buffer = new Int32Array(2 * capacity);
    buffer.set(this.buffer.subarray(0, this.capacity));
    buffer.set(this.buffer.subarray(this.capacity), capacity);
    this.buffer = buffer;
    this.capacity = capacity;
  }
}

/**
 * ASCII that stands for itself (lower-cased at the end), by code: printable, not a quotation mark,
 * and not "." or "[", which may start an ellipsis or a footnote marker.
 */
const PLAIN = new Uint8Array(128).map((_, code) =>
  code > 32 && !'"\'`.['.includes(String.fromCharCode(code)) ? 1 : 0,
);

/** The plain characters, as a regex character class. */
const PLAIN_CLASS = `[${[...PLAIN.keys()]
  .filter((code) => PLAIN[code] === 1)
  .map((code) => `\\x${code.toString(16).padStart(2, '0')}`)
  .join('')}]`;

/** What continues an open run of plain ASCII: plain characters, and single spaces between them. */
const PLAIN_RUN = new RegExp(`${PLAIN_CLASS}*(?: ${PLAIN_CLASS}+)*`, 'y');

const NO_OFFSETS = new Int32Array(0);

/**
 * One pass over the original. Runs of plain ASCII (single spaces inside included) are copied as
 * slices, everything else is written piece by piece; the result is lower-cased once at the end
 * (only ASCII can still be upper case: folded characters are lower case already).
 */
class Normalizer {
  private readonly pieces: string[] = [];
  private size = 0;
  /** Original offset of a white space run waiting to be written as one space, or -1. */
  private pendingSpace = -1;
  // Normalising rarely lengthens a text (an ellipsis token, a ligature): room for that is made as needed.
  private readonly offsets: OffsetTable | null;

  constructor(
    private readonly original: string,
    withOffsets: boolean,
  ) {
    this.offsets = withOffsets ? new OffsetTable(original.length + 8) : null;
  }

  run(): Normalized {
    const { original } = this;
    const length = original.length;
    let runStart = -1;
    let i = quoteMarkerAt(original);
    while (i < length) {
      if (runStart !== -1) {
        // Past the rest of the run at once (a regex scans faster than a loop here).
        PLAIN_RUN.lastIndex = i;
        PLAIN_RUN.test(original);
        i = PLAIN_RUN.lastIndex;
        if (i >= length) break;
      }
      const code = original.charCodeAt(i);
      if (code < 128 && PLAIN[code] === 1) {
        if (runStart === -1) runStart = i;
        i++;
        continue;
      }
      const special =
        code === 46 || code === 91 ? ellipsisAt(original, i) || (code === 91 ? -footnoteAt(original, i) : 0) : 0;
      // A full stop or bracket that starts no ellipsis or footnote is plain; so is a single space
      // between plain characters (not before "." or "[": an ellipsis or footnote may start there).
      const next = original.charCodeAt(i + 1);
      const plainSpace = code === 32 && runStart !== -1 && next < 128 && PLAIN[next] === 1;
      if ((special === 0 && (code === 46 || code === 91)) || plainSpace) {
        if (runStart === -1) runStart = i;
        i++;
        continue;
      }
      if (runStart !== -1) {
        this.emit(original.slice(runStart, i), runStart, i, true);
        runStart = -1;
      }
      const start = i;
      if (special > 0 || code === 0x2026) {
        i += special > 0 ? special : 1;
        this.space(start);
        this.emit(ELLIPSIS, start, i, false);
        this.space(start);
        continue;
      }
      if (special < 0) {
        i -= special;
        continue;
      }
      const point = original.codePointAt(i) as number;
      i += point > 0xffff ? 2 : 1;
      if (code <= 32 || isSpace(point)) this.space(start);
      else if (code < 128 || QUOTE_CODES.has(point)) continue;
      else if (isDash(point)) this.emit('-', start, i, false);
      else {
        const folded = fold(point);
        if (folded) this.emit(folded, start, i, false);
      }
    }
    if (runStart !== -1) this.emit(original.slice(runStart, length), runStart, length, true);
    const text = this.pieces.join('').toLowerCase();
    const { offsets, size } = this;
    return offsets
      ? { text, starts: offsets.starts(size), ends: offsets.ends(size) }
      : { text, starts: NO_OFFSETS, ends: NO_OFFSETS };
  }

  /** White space at `at`: written as one space before the next text, if any text came before. */
  private space(at: number) {
    if (this.size > 0 && this.pendingSpace === -1) this.pendingSpace = at;
  }

  private emit(piece: string, start: number, end: number, oneEach: boolean) {
    if (this.pendingSpace !== -1) {
      this.pieces.push(' ');
      this.offsets?.set(this.size, 1, this.pendingSpace, this.pendingSpace + 1, true);
      this.size++;
      this.pendingSpace = -1;
    }
    this.pieces.push(piece);
    this.offsets?.set(this.size, piece.length, start, end, oneEach);
    this.size += piece.length;
  }
}

/** The normalised text alone: what matching needs for every piece (offsets only matter for the few quoted). */
export function normalizedText(original: string): string {
  return new Normalizer(original, false).run().text;
}

export function normalizeForMatch(original: string): Normalized {
  return new Normalizer(original, true).run();
}

/** The original span [start, end) that normalised span [from, to) came from. */
export function originalSpan(normalized: Normalized, from: number, to: number): { start: number; end: number } {
  if (to <= from) {
    const at = from < normalized.starts.length ? normalized.starts[from] : (normalized.ends.at(-1) ?? 0);
    return { start: at, end: at };
  }
  return { start: normalized.starts[from], end: normalized.ends[to - 1] };
}

const LOWER = /\p{Ll}/u;
const UPPER = /\p{Lu}/u;

/**
 * Is normalised offset q, inside a word, where two paragraphs were glued letter to letter
 * ("…agent foundationsI disagree")? In the original: a lower-case letter, then a capital.
 */
export function gluedAt(normalized: Normalized, original: string, q: number): boolean {
  const at = normalized.starts[q];
  return at > 0 && UPPER.test(original[at]) && LOWER.test(original[at - 1]);
}
