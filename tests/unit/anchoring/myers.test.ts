import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { approximateEnds, matchStart } from '@/lib/anchoring/approximate-match';
import { matchEnds } from '@/lib/anchoring/myers';

/** Textbook semi-global edit distance: the errors of the best match ending at each offset. */
function referenceEnds(text: number[], pattern: number[]): number[] {
  let column = pattern.map((_, i) => i + 1);
  const ends: number[] = [];
  for (const char of text) {
    const next: number[] = [];
    let diagonal = 0;
    let above = 0;
    pattern.forEach((p, i) => {
      const value = Math.min(diagonal + (p === char ? 0 : 1), column[i] + 1, above + 1);
      diagonal = column[i];
      next.push(value);
      above = value;
    });
    column = next;
    ends.push(column[pattern.length - 1]);
  }
  return ends;
}

// A small alphabet makes near-matches common, which is where the bit arithmetic can go wrong.
const small = fc.array(fc.integer({ min: 97, max: 100 }), { maxLength: 120 });

describe('matchEnds (Myers bit-parallel search)', () => {
  it('agrees with the textbook dynamic programme, across several 32-bit blocks', () => {
    fc.assert(
      fc.property(
        small,
        fc.array(fc.integer({ min: 97, max: 100 }), { minLength: 1, maxLength: 90 }),
        (text, pattern) => {
          const expected = referenceEnds(text, pattern);
          const limit = Math.floor(pattern.length / 2);
          const found = matchEnds(text, pattern, limit);
          expect(found).toEqual(expected.flatMap((errors, j) => (errors <= limit ? [{ end: j + 1, errors }] : [])));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('finds an exact occurrence with no errors', () => {
    const text = Array.from('the outer alignment problem', (c) => c.codePointAt(0) as number);
    const pattern = Array.from('alignment', (c) => c.codePointAt(0) as number);
    expect(matchEnds(text, pattern, 0)).toEqual([{ end: 19, errors: 0 }]);
  });
});

function levenshtein(a: number[], b: number[]): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  a.forEach((x, i) => {
    const next = [i + 1];
    b.forEach((y, j) => {
      next.push(Math.min(row[j] + (x === y ? 0 : 1), row[j + 1] + 1, next[j] + 1));
    });
    row = next;
  });
  return row[b.length];
}

describe('approximateEnds and matchStart', () => {
  const points = (s: string) => Array.from(s, (c) => c.codePointAt(0) as number);

  it('keeps the tied ends of an edited occurrence, for context to choose', () => {
    const text = points('Mesa-optimizers may pursue proxy objectives rather than the base objective.');
    const quote = points('pursue proxy objectivs');
    const ends = approximateEnds(text, quote, 3, 4);
    // One edit each: "objectiv" + inserted s, "objectiv(e→s)", "objectives" less its e.
    expect(ends).toEqual([
      { end: 41, errors: 1 },
      { end: 42, errors: 1 },
      { end: 43, errors: 1 },
    ]);
    expect(ends.map((end) => matchStart(text, quote, end))).toEqual([20, 20, 20]);
  });

  it('reports distinct occurrences, best first', () => {
    const text = points('inner misalignment ... inner misalinment');
    const quote = points('inner misalignment');
    const ends = approximateEnds(text, quote, 4, 4);
    expect(ends.map((end) => [matchStart(text, quote, end), end.end, end.errors])).toEqual([
      [0, 18, 0],
      [23, 40, 1],
    ]);
  });

  it('finds a start whose span really is that many edits from the quote', () => {
    fc.assert(
      fc.property(
        small,
        fc.array(fc.integer({ min: 97, max: 100 }), { minLength: 1, maxLength: 40 }),
        (text, pattern) => {
          for (const end of matchEnds(text, pattern, Math.floor(pattern.length / 2))) {
            const start = matchStart(text, pattern, end);
            expect(levenshtein(pattern, text.slice(start, end.end))).toBe(end.errors);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
