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

const QUOTE_CODES = new Set([0x22, 0x27, 0x60, 0xab, 0xb4, 0xbb, 0x2018, 0x2019, 0x201a, 0x201b, 0x201c, 0x201d, 0x201e, 0x201f, 0x2032, 0x2033, 0x2039, 0x203a]);
const isDash = (code: number) => (code >= 0x2010 && code <= 0x2015) || code === 0x2212 || code === 0x2e3a || code === 0x2e3b;
const isSpace = (code: number) =>
  code <= 32 || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200b) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
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

class Builder {
  codes: Uint16Array;
  starts: Int32Array;
  ends: Int32Array;
  size = 0;
  /** Original offset of a white space run waiting to be written as one space, or -1. */
  pendingSpace = -1;

  constructor(capacity: number) {
    this.codes = new Uint16Array(capacity);
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
  }

  space(at: number) {
    if (this.size > 0 && this.pendingSpace === -1) this.pendingSpace = at;
  }

  push(code: number, start: number, end: number) {
    if (this.size + 2 > this.codes.length) this.grow();
    if (this.pendingSpace !== -1) {
      this.write(32, this.pendingSpace, this.pendingSpace + 1);
      this.pendingSpace = -1;
    }
    this.write(code, start, end);
  }

  private write(code: number, start: number, end: number) {
    this.codes[this.size] = code;
    this.starts[this.size] = start;
    this.ends[this.size++] = end;
  }

  private grow() {
    const capacity = this.codes.length * 2 + 16;
    const codes = new Uint16Array(capacity);
    const starts = new Int32Array(capacity);
    const ends = new Int32Array(capacity);
    codes.set(this.codes);
    starts.set(this.starts);
    ends.set(this.ends);
    Object.assign(this, { codes, starts, ends });
  }
}

const UTF16 = new TextDecoder('utf-16le');

export function normalizeForMatch(original: string): Normalized {
  const out = new Builder(original.length + 8);
  let i = quoteMarkerAt(original);
  while (i < original.length) {
    const start = i;
    let code = original.charCodeAt(i);
    if (code === 46 || code === 91 || code === 0x2026) {
      const ellipsis = ellipsisAt(original, i);
      if (ellipsis) {
        i += ellipsis;
        out.space(start);
        for (let k = 0; k < ELLIPSIS.length; k++) out.push(46, start, i);
        out.space(start);
        continue;
      }
      const footnote = code === 91 ? footnoteAt(original, i) : 0;
      if (footnote) {
        i += footnote;
        continue;
      }
    }
    if (code < 128) {
      i++;
      if (code <= 32) out.space(start);
      else if (code !== 34 && code !== 39 && code !== 96) out.push(code >= 65 && code <= 90 ? code + 32 : code, start, i);
      continue;
    }
    const point = original.codePointAt(i) as number;
    i += point > 0xffff ? 2 : 1;
    if (isSpace(point)) out.space(start);
    else if (QUOTE_CODES.has(point)) continue;
    else if (isDash(point)) out.push(45, start, i);
    else {
      const folded = fold(point);
      for (let k = 0; k < folded.length; k++) {
        code = folded.charCodeAt(k);
        out.push(code, start, i);
      }
    }
  }
  const text = UTF16.decode(out.codes.subarray(0, out.size));
  return { text, starts: out.starts.subarray(0, out.size), ends: out.ends.subarray(0, out.size) };
}

/** The original span [start, end) that normalised span [from, to) came from. */
export function originalSpan(normalized: Normalized, from: number, to: number): { start: number; end: number } {
  if (to <= from) {
    const at = from < normalized.starts.length ? normalized.starts[from] : (normalized.ends.at(-1) ?? 0);
    return { start: at, end: at };
  }
  return { start: normalized.starts[from], end: normalized.ends[to - 1] };
}

/** Punctuation a writer adds or drops at the edges of a repeat ("…approach." for "…approach we have"). */
const EDGE = /^[\s.,;:…-]+|[\s.,;:…-]+$/g;

/**
 * The key two texts share when one repeats the other exactly: the normalised text without edge
 * punctuation. Text that normalises to nothing ("[1]", "“”") keys on its trimmed original, so it
 * still repeats only itself.
 */
export function repeatKey(original: string, normalized: string): string {
  const key = normalized.replace(EDGE, '');
  return key === '' ? `\u0000${original.trim()}` : key;
}
