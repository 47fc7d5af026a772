/**
 * Offsets in the API are Unicode code points (as in the W3C TextPositionSelector); JavaScript
 * strings index UTF-16 code units. An astral character (most emoji, 𝔸) is one code point but two
 * code units, so every offset that crosses the boundary goes through these functions.
 */

function isPairAt(text: string, index: number): boolean {
  const high = text.charCodeAt(index);
  const low = text.charCodeAt(index + 1);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
}

/** Number of code points in `text` (a lone surrogate counts as one, as `for…of` does). */
export function codePointLength(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i += isPairAt(text, i) ? 2 : 1) count++;
  return count;
}

/** The UTF-16 index where code point number `offset` starts; `offset` may equal the length. */
export function codePointToUtf16(text: string, offset: number): number {
  if (!Number.isInteger(offset) || offset < 0)
    throw new RangeError(`code point offset ${offset} is not a whole number ≥ 0`);
  let index = 0;
  for (let seen = 0; seen < offset; seen++) {
    if (index >= text.length) throw new RangeError(`code point offset ${offset} is past the end of the text`);
    index += isPairAt(text, index) ? 2 : 1;
  }
  return index;
}

/**
 * The code point offset of UTF-16 index `index`. An index that falls between the two halves of a
 * surrogate pair counts that whole character (it rounds up), so a span never splits a character.
 */
export function utf16ToCodePoint(text: string, index: number): number {
  if (!Number.isInteger(index) || index < 0 || index > text.length) {
    throw new RangeError(`UTF-16 index ${index} is outside 0…${text.length}`);
  }
  let count = 0;
  for (let i = 0; i < index; i += isPairAt(text, i) ? 2 : 1) count++;
  return count;
}

/** `text` between two code point offsets, half-open. */
export function sliceCodePoints(text: string, start: number, end?: number): string {
  const from = codePointToUtf16(text, start);
  return end === undefined ? text.slice(from) : text.slice(from, codePointToUtf16(text, end));
}

/** The code points of `text` as numbers, for algorithms that index characters rather than code units. */
export function toCodePoints(text: string): number[] {
  return Array.from(text, (char) => char.codePointAt(0) as number);
}

/**
 * A lookup table from every UTF-16 index of `text` to its code point offset, for the many
 * conversions one search makes (each is then O(1) instead of a scan).
 */
export function utf16ToCodePointTable(text: string): Int32Array {
  const table = new Int32Array(text.length + 1);
  let count = 0;
  for (let i = 0; i < text.length; ) {
    const width = isPairAt(text, i) ? 2 : 1;
    table[i] = count;
    if (width === 2) table[i + 1] = count + 1;
    i += width;
    count++;
  }
  table[text.length] = count;
  return table;
}
