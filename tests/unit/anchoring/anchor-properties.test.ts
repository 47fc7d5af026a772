import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchorQuote, codePointLength, describeSpan, sliceCodePoints } from '@/lib/anchoring';

// A fixed seed: the same generated cases on every run, so CI is reproducible (change it to explore).
fc.configureGlobal({ seed: 20261123 });

const words = [
  'the',
  'model',
  'reward',
  'objective',
  'inner',
  'outer',
  'alignment',
  'gradient',
  'descent',
  'deceptive',
  'mesa-optimizer',
  'overseer',
  'corrigible',
  'proxy',
  'training',
  'distribution',
  'shift',
  'goal',
  'agent',
  'human',
  'values',
  'learns',
  'pursues',
  'we',
  'argue',
  'that',
  'is',
  'not',
  'a',
  'crux',
  '🤖',
  '🧠',
  'É',
];
const prose = fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 120 }).map((w) => w.join(' '));

/** A text with a span in it: offsets in code points, the span not blank. */
const textWithSpan = (minLength: number) =>
  prose
    .filter((text) => codePointLength(text) >= minLength)
    .chain((text) => {
      const length = codePointLength(text);
      return fc
        .integer({ min: 0, max: length - minLength })
        .chain((start) => fc.integer({ min: start + minLength, max: length }).map((end) => ({ text, start, end })));
    })
    .filter(({ text, start, end }) => sliceCodePoints(text, start, end).trim() !== '');

const occurrences = (text: string, quote: string) => text.split(quote).length - 1;

describe('anchorQuote properties', () => {
  it('re-anchors a selector of any span of any text to that span', () => {
    const anyText = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 80 });
    fc.assert(
      fc.property(anyText, fc.nat(), fc.nat(), (text, a, b) => {
        const length = codePointLength(text);
        const start = a % length;
        const end = start + 1 + (b % (length - start));
        fc.pre(sliceCodePoints(text, start, end).trim() !== '');
        const selector = describeSpan(text, start, end);
        expect(anchorQuote(text, selector)).toEqual({ start, end, score: 1, method: 'position' });
        // Without the offsets, the quote and its context alone lead back to the same text.
        const found = anchorQuote(text, { exact: selector.exact, prefix: selector.prefix, suffix: selector.suffix });
        expect(found && sliceCodePoints(text, found.start, found.end)).toBe(selector.exact);
      }),
      { numRuns: 200 },
    );
  });

  it('follows a span when text is inserted anywhere before it', () => {
    fc.assert(
      fc.property(textWithSpan(8), prose, fc.nat(), ({ text, start, end }, inserted, at) => {
        const selector = describeSpan(text, start, end);
        // An insertion right before the claim can wipe out its prefix, so the context after it has
        // to vouch for it; a short claim at a passage's end is pinned in anchor-quote.test.ts.
        fc.pre(codePointLength(selector.suffix) >= 16);
        const cut = at % (start + 1);
        const insertion = `${inserted} `;
        fc.pre(codePointLength(insertion) <= codePointLength(text));
        const edited = sliceCodePoints(text, 0, cut) + insertion + sliceCodePoints(text, cut);
        fc.pre(occurrences(edited, selector.exact) === 1);
        const shift = codePointLength(insertion);
        expect(anchorQuote(edited, selector)).toMatchObject({ start: start + shift, end: end + shift });
      }),
      { numRuns: 150 },
    );
  });

  it('follows a span through a typo inside it', () => {
    fc.assert(
      fc.property(textWithSpan(16), fc.nat(), ({ text, start, end }, at) => {
        const selector = describeSpan(text, start, end);
        fc.pre(occurrences(text, selector.exact) === 1);
        const chars = Array.from(text);
        const typoAt = start + (at % (end - start));
        chars[typoAt] = chars[typoAt] === 'x' ? 'y' : 'x';
        const edited = chars.join('');
        const match = anchorQuote(edited, selector);
        expect(match).not.toBeNull();
        // A typo at the span's edge may be read as a deletion there; the span can move by one.
        expect(Math.abs(match!.start - start)).toBeLessThanOrEqual(1);
        expect(Math.abs(match!.end - end)).toBeLessThanOrEqual(1);
      }),
      { numRuns: 150 },
    );
  });

  it('anchors nothing in unrelated text', () => {
    const gibberish = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz     .,'), maxLength: 2000 });
    fc.assert(
      fc.property(textWithSpan(20), gibberish, ({ text, start, end }, other) => {
        expect(anchorQuote(other, describeSpan(text, start, end))).toBeNull();
      }),
      { numRuns: 100 },
    );
  });
});
