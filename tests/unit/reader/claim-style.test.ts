import { describe, expect, it } from 'vitest';
import { claimStyle } from '@/components/reader/claim-style';
import { makeClaim } from '../cruxes/make-claims';

describe('claimStyle', () => {
  it('files an outer/inner tie under "both", as the server-rendered page does, whichever tag came first', () => {
    const outerFirst = makeClaim('c1', [
      { user: 'ann', axis: 'outer', confidence: 10 },
      { user: 'bob', axis: 'inner', confidence: 85 },
    ]);
    const innerFirst = makeClaim('c2', [
      { user: 'bob', axis: 'inner', confidence: 85 },
      { user: 'ann', axis: 'outer', confidence: 10 },
    ]);
    expect(claimStyle(outerFirst).axis).toBe('both');
    expect(claimStyle(innerFirst).axis).toBe('both');
  });

  it('counts taggers and crux marks, and has no axis without tags', () => {
    const claim = makeClaim('c3', [
      { user: 'ann', axis: 'inner', confidence: 60, crux: true },
      { user: 'bob', axis: 'inner', confidence: 70 },
      { user: 'cy', axis: 'other', confidence: 50 },
    ]);
    expect(claimStyle(claim)).toEqual({ axis: 'inner', taggers: 3, crux: true });
    expect(claimStyle(makeClaim('c4', []))).toEqual({ axis: null, taggers: 0, crux: false });
  });
});
