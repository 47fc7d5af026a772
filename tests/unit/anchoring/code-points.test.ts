import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codePointLength, codePointToUtf16, sliceCodePoints, utf16ToCodePoint } from '@/lib/anchoring';

const text = 'a😀b𝔸c👩‍🔬d'; // 😀 and 𝔸 are astral (2 UTF-16 units); 👩‍🔬 is 3 code points, 5 units

describe('code point offsets', () => {
  it('counts astral characters once', () => {
    expect(text.length).toBe(13);
    expect(codePointLength(text)).toBe(9);
  });

  it('converts code point offsets to UTF-16 indices and back', () => {
    expect(codePointLength('👩‍🔬')).toBe(3);
    for (const [point, unit] of [
      [0, 0],
      [1, 1],
      [2, 3],
      [3, 4],
      [4, 6],
      [5, 7],
      [6, 9],
    ]) {
      expect(codePointToUtf16(text, point)).toBe(unit);
      expect(utf16ToCodePoint(text, unit)).toBe(point);
    }
    expect(codePointToUtf16(text, 9)).toBe(text.length);
    expect(utf16ToCodePoint(text, text.length)).toBe(9);
  });

  it('rounds an index inside a surrogate pair up to after the character', () => {
    expect(utf16ToCodePoint(text, 2)).toBe(2);
  });

  it('slices by code points', () => {
    expect(sliceCodePoints(text, 1, 4)).toBe('😀b𝔸');
    expect(sliceCodePoints(text, 5)).toBe('👩‍🔬d');
  });

  it('rejects offsets outside the text', () => {
    expect(() => codePointToUtf16(text, 10)).toThrow(RangeError);
    expect(() => codePointToUtf16(text, -1)).toThrow(RangeError);
    expect(() => codePointToUtf16(text, 1.5)).toThrow(RangeError);
    expect(() => utf16ToCodePoint(text, 15)).toThrow(RangeError);
  });

  it('round-trips every offset of any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (s) => {
        const length = codePointLength(s);
        expect(length).toBe(Array.from(s).length);
        for (let point = 0; point <= length; point++)
          expect(utf16ToCodePoint(s, codePointToUtf16(s, point))).toBe(point);
      }),
    );
  });
});
