import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { difference, intersect, union } from '@/lib/server/search/slot-sets';

/** An ascending list of distinct slots. */
const slots = fc
  .uniqueArray(fc.integer({ min: 0, max: 300 }), { maxLength: 120 })
  .map((a) => Int32Array.from(a.sort((x, y) => x - y)));

describe('set operations on ascending slot lists', () => {
  it('equal the same operations on sets, in ascending order (property)', () => {
    fc.assert(
      fc.property(slots, slots, (a, b) => {
        const inB = new Set(b);
        const inA = new Set(a);
        expect([...intersect(a, b)]).toEqual([...a].filter((x) => inB.has(x)));
        expect([...difference(a, b)]).toEqual([...a].filter((x) => !inB.has(x)));
        expect([...union(a, b)]).toEqual([...new Set([...a, ...b])].sort((x, y) => x - y));
        expect([...intersect(b, a)]).toEqual([...b].filter((x) => inA.has(x)));
      }),
      { numRuns: 500 },
    );
  });

  it('handle empty lists and lists that do not overlap', () => {
    const none = new Int32Array(0);
    const low = Int32Array.of(1, 2, 3);
    const high = Int32Array.of(7, 8);
    expect([...intersect(none, low)]).toEqual([]);
    expect([...intersect(low, high)]).toEqual([]);
    expect([...union(none, high)]).toEqual([7, 8]);
    expect([...union(high, low)]).toEqual([1, 2, 3, 7, 8]);
    expect([...difference(low, none)]).toEqual([1, 2, 3]);
    expect([...difference(none, low)]).toEqual([]);
    expect([...difference(high, low)]).toEqual([7, 8]);
  });
});
