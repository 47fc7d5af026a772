/**
 * Text for matching only (the reader always shows the original): accents and compatibility forms
 * folded (NFKD without combining marks), quotes dropped, dashes unified, footnote markers like
 * "[1]" dropped, white space collapsed, lower case. Each normalised character remembers the
 * original characters it came from, so a normalised span maps back to the exact original span.
 */
export interface Normalized {
  text: string;
  /** Offset in the original where normalised character i starts. */
  starts: Int32Array;
  /** Offset in the original just after normalised character i. */
  ends: Int32Array;
}

const QUOTE_CODES = new Set([0x22, 0x27, 0x60, 0xb4, 0xab, 0xbb, 0x2018, 0x2019, 0x201a, 0x201b, 0x201c, 0x201d, 0x201e, 0x201f, 0x2032, 0x2033, 0x2039, 0x203a]);
const isDash = (code: number) => (code >= 0x2010 && code <= 0x2015) || code === 0x2212 || code === 0x2e3a || code === 0x2e3b;
const isSpace = (code: number) =>
  code <= 32 || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;

/** Length of a footnote marker "[1]"–"[999]" starting at i, or 0. */
function footnoteAt(text: string, i: number): number {
  let k = i + 1;
  while (k < text.length && k - i <= 4 && text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57) k++;
  return k > i + 1 && text.charCodeAt(k) === 93 ? k - i + 1 : 0;
}

const UTF16 = new TextDecoder('utf-16le');

export function normalizeForMatch(original: string): Normalized {
  const length = original.length;
  let capacity = length + 16;
  let codes = new Uint16Array(capacity);
  let starts = new Int32Array(capacity);
  let ends = new Int32Array(capacity);
  let size = 0;
  let pendingSpace = -1;
  let i = 0;
  while (i < length) {
    let code = original.charCodeAt(i);
    const start = i;
    let end = i + 1;
    let folded: string | null = null;
    if (code < 128) {
      i++;
      if (code === 91) {
        const footnote = footnoteAt(original, start);
        if (footnote) {
          i = start + footnote;
          continue;
        }
      }
      if (code <= 32) {
        if (size > 0 && pendingSpace === -1) pendingSpace = start;
        continue;
      }
      if (code === 34 || code === 39 || code === 96) continue;
      if (code >= 65 && code <= 90) code += 32;
    } else {
      const point = original.codePointAt(i) as number;
      i += point > 0xffff ? 2 : 1;
      end = i;
      if (isSpace(point)) {
        if (size > 0 && pendingSpace === -1) pendingSpace = start;
        continue;
      }
      if (QUOTE_CODES.has(point)) continue;
      if (isDash(point)) code = 45;
      else folded = String.fromCodePoint(point).normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
    }
    const count = (folded === null ? 1 : folded.length) + 1;
    if (size + count > capacity) {
      capacity = capacity * 2 + count;
      const grow = <T extends Uint16Array | Int32Array>(from: T, to: T) => {
        to.set(from);
        return to;
      };
      codes = grow(codes, new Uint16Array(capacity));
      starts = grow(starts, new Int32Array(capacity));
      ends = grow(ends, new Int32Array(capacity));
    }
    if (pendingSpace !== -1) {
      codes[size] = 32;
      starts[size] = pendingSpace;
      ends[size++] = pendingSpace + 1;
      pendingSpace = -1;
    }
    if (folded === null) {
      codes[size] = code;
      starts[size] = start;
      ends[size++] = end;
    } else {
      for (let k = 0; k < folded.length; k++) {
        codes[size] = folded.charCodeAt(k);
        starts[size] = start;
        ends[size++] = end;
      }
    }
  }
  const text = UTF16.decode(codes.subarray(0, size));
  return { text, starts: starts.subarray(0, size), ends: ends.subarray(0, size) };
}

/** The original span [start, end) that normalised span [from, to) came from. */
export function originalSpan(normalized: Normalized, from: number, to: number): { start: number; end: number } {
  if (to <= from) {
    const at = from < normalized.starts.length ? normalized.starts[from] : (normalized.ends.at(-1) ?? 0);
    return { start: at, end: at };
  }
  return { start: normalized.starts[from], end: normalized.ends[to - 1] };
}
