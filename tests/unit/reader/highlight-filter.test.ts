import { describe, expect, it } from 'vitest';
import { cruxOrder, stepCrux } from '@/lib/claims/crux-steps';
import { claimPasses, filterIsActive, NO_FILTER } from '@/lib/claims/highlight-filter';
import { confidences, makeClaim } from '../cruxes/make-claims';

const torn = makeClaim('torn', [
  { user: 'ann', axis: 'outer', confidence: 10, crux: true },
  { user: 'bo', axis: 'inner', confidence: 90 },
]);
const calm = makeClaim('calm', [
  { user: 'bo', axis: 'inner', confidence: 70 },
  { user: 'cat', axis: 'inner', confidence: 75 },
]);

describe('the reader’s highlight filter', () => {
  it('lets everything through by default', () => {
    expect(filterIsActive(NO_FILTER)).toBe(false);
    expect(claimPasses(torn, NO_FILTER, null)).toBe(true);
    expect(claimPasses(calm, NO_FILTER, null)).toBe(true);
  });

  it('filters by axis group, split included', () => {
    expect(claimPasses(torn, { ...NO_FILTER, axis: 'split' }, null)).toBe(true);
    expect(claimPasses(calm, { ...NO_FILTER, axis: 'split' }, null)).toBe(false);
    expect(claimPasses(calm, { ...NO_FILTER, axis: 'inner' }, null)).toBe(true);
    expect(claimPasses(torn, { ...NO_FILTER, axis: 'outer' }, null)).toBe(false);
  });

  it('filters by tagger, crux mark, disputed and mine, every set part at once', () => {
    expect(claimPasses(calm, { ...NO_FILTER, tagger: 'cat' }, null)).toBe(true);
    expect(claimPasses(torn, { ...NO_FILTER, tagger: 'cat' }, null)).toBe(false);
    expect(claimPasses(torn, { ...NO_FILTER, crux: true }, null)).toBe(true);
    expect(claimPasses(calm, { ...NO_FILTER, crux: true }, null)).toBe(false);
    expect(claimPasses(torn, { ...NO_FILTER, disputed: true }, null)).toBe(true);
    expect(claimPasses(calm, { ...NO_FILTER, disputed: true }, null)).toBe(false);
    expect(claimPasses(torn, { ...NO_FILTER, mine: true }, 'ann')).toBe(true);
    expect(claimPasses(calm, { ...NO_FILTER, mine: true }, 'ann')).toBe(false);
    expect(claimPasses(torn, { ...NO_FILTER, mine: true }, null)).toBe(false);
    expect(claimPasses(torn, { ...NO_FILTER, crux: true, tagger: 'cat' }, null)).toBe(false);
  });
});

describe('n and p: from crux to crux in crux-score order', () => {
  const claims = [
    makeClaim('pair', confidences(2, [0, 100]), { passageOrdinal: 0 }),
    makeClaim('broad', confidences(10, [5, 95]), { passageOrdinal: 1 }),
    makeClaim('lone', [{ confidence: 0, crux: true }], { passageOrdinal: 2 }),
    makeClaim('gone', confidences(12, [0, 100]), { passageOrdinal: 3, orphan: true }),
  ];
  const order = cruxOrder(claims);

  it('orders the cruxes as the crux page ranks them, leaving out lone taggers and orphans', () => {
    expect(order).toEqual(['broad', 'pair']);
  });

  it('steps forward and back, wrapping, and starts from the top when on no crux', () => {
    expect(stepCrux(order, null, 1)).toBe('broad');
    expect(stepCrux(order, null, -1)).toBe('pair');
    expect(stepCrux(order, 'broad', 1)).toBe('pair');
    expect(stepCrux(order, 'pair', 1)).toBe('broad');
    expect(stepCrux(order, 'broad', -1)).toBe('pair');
    expect(stepCrux(order, 'lone', 1)).toBe('broad');
    expect(stepCrux([], null, 1)).toBe(null);
  });
});
