import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  axisDisagreement,
  confidenceDisagreement,
  consensusScore,
  claimAggregates,
  cruxScore,
  scoreClaim,
  spread,
} from '@/lib/cruxes';
import { confidences, makeClaim, type TagSpec } from './make-claims';

const scores = (specs: TagSpec[]) => scoreClaim(makeClaim('x', specs));
const tagsOf = (specs: TagSpec[]) => makeClaim('x', specs).tags;

describe('spread', () => {
  it('is 0 when all agree, 1 for an even 0/100 split, 0.8 for 10 vs 90', () => {
    expect(spread([0.7, 0.7, 0.7])).toBe(0);
    expect(spread([0, 1])).toBe(1);
    expect(spread([0, 1, 0, 1, 0, 1])).toBe(1);
    expect(spread([0.1, 0.9, 0.1, 0.9])).toBeCloseTo(0.8, 12);
    expect(spread([0.5, 0.5, 0.5, 0.5])).toBe(0);
    expect(spread([0.3])).toBe(0);
  });

  it('is 4·p·(1 − p) for values at the extremes', () => {
    expect(spread([1, 0, 0, 0])).toBeCloseTo(4 * 0.25 * 0.75, 12);
  });

  it('stays within 0–1 and does not depend on order', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 40 }), (values) => {
        const value = spread(values);
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(1 + 1e-12);
        expect(spread([...values].reverse())).toBeCloseTo(value, 10);
      }),
    );
  });
});

describe('confidence disagreement (spread × n/(n+4))', () => {
  it('pins the hand-built cases', () => {
    expect(confidenceDisagreement(tagsOf(confidences(12, [80]))).disagreement).toBe(0); // unanimous
    expect(confidenceDisagreement(tagsOf(confidences(1, [10]))).disagreement).toBe(0); // one tagger
    expect(confidenceDisagreement(tagsOf(confidences(2, [10, 90]))).disagreement).toBeCloseTo(0.8 * (2 / 6), 12); // two taggers
    expect(confidenceDisagreement(tagsOf(confidences(20, [10, 90]))).disagreement).toBeCloseTo(0.8 * (20 / 24), 12); // 50/50 split
  });

  it('reads 10 % vs 90 % as a split, unlike everyone at 50 %', () => {
    const split = confidenceDisagreement(tagsOf(confidences(10, [10, 90])));
    const unsure = confidenceDisagreement(tagsOf(confidences(10, [50])));
    expect(split.spread).toBeCloseTo(0.8, 12);
    expect(unsure.spread).toBe(0);
  });

  it('ignores taggers without a confidence', () => {
    expect(
      confidenceDisagreement(tagsOf([...confidences(2, [0, 100]), { confidence: null }])).disagreement,
    ).toBeCloseTo(1 * (2 / 6), 12);
  });

  it('grows with the number of taggers for the same split', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 2, maxLength: 10 }),
        fc.integer({ min: 2, max: 5 }),
        (values, copies) => {
          const few = confidenceDisagreement(tagsOf(values.map((confidence) => ({ confidence })))).disagreement;
          const many = confidenceDisagreement(
            tagsOf(values.flatMap((confidence) => Array(copies).fill({ confidence }))),
          ).disagreement;
          expect(many).toBeGreaterThanOrEqual(few);
        },
      ),
    );
  });
});

describe('axis disagreement', () => {
  it('pins outer vs inner, "both" halfway, "other" left out', () => {
    expect(axisDisagreement(tagsOf(confidences(6, [0], { axis: 'outer' }))).axisDisagreement).toBe(0);
    const split = axisDisagreement(
      tagsOf([...confidences(5, [0], { axis: 'outer' }), ...confidences(5, [0], { axis: 'inner' })]),
    );
    expect(split.axisSplit).toBe(1);
    expect(split.axisDisagreement).toBeCloseTo(10 / 14, 12);
    expect(axisDisagreement(tagsOf(confidences(4, [0], { axis: 'both' }))).axisSplit).toBe(0);
    expect(
      axisDisagreement(tagsOf([...confidences(2, [0], { axis: 'outer' }), ...confidences(2, [0], { axis: 'both' })]))
        .axisSplit,
    ).toBe(0.5);
    const withOther = axisDisagreement(
      tagsOf([{ axis: 'outer' }, { axis: 'inner' }, { axis: 'other' }, { axis: 'other' }]),
    );
    expect(withOther).toEqual({ axisSplit: 1, axisDisagreement: 2 / 6 });
  });
});

describe('crux marks and story requests (flagged / (taggers + 4))', () => {
  it('keeps one mark from one tagger small', () => {
    expect(scores([{ crux: true }]).cruxShare).toBeCloseTo(1 / 5, 12);
    expect(scores(confidences(10, [50], { crux: true })).cruxShare).toBeCloseTo(10 / 14, 12);
    expect(scores([{ story: true }, {}, {}]).storyShare).toBeCloseTo(1 / 7, 12);
  });
});

describe('cruxScore', () => {
  it('is 0.5·disagreement + 0.2·axis + 0.2·crux marks + 0.1·stories', () => {
    expect(cruxScore({ disagreement: 1, axisDisagreement: 0, cruxShare: 0, storyShare: 0 })).toBe(0.5);
    expect(cruxScore({ disagreement: 0.4, axisDisagreement: 0.5, cruxShare: 0.25, storyShare: 1 })).toBeCloseTo(
      0.2 + 0.1 + 0.05 + 0.1,
      12,
    );
  });

  it('pins a unanimous claim at 0 and a 20-tagger 10/90 split at 0.8·20/24·0.5', () => {
    expect(scores(confidences(20, [85], { axis: 'outer' })).cruxScore).toBe(0);
    expect(scores(confidences(20, [10, 90], { axis: 'outer' })).cruxScore).toBeCloseTo(0.5 * 0.8 * (20 / 24), 12);
  });

  it('ranks a 20-tagger split above a 2-tagger one, and 2 above 1', () => {
    const twenty = scores(confidences(20, [10, 90])).cruxScore;
    const two = scores(confidences(2, [10, 90])).cruxScore;
    const one = scores(confidences(1, [10])).cruxScore;
    expect(twenty).toBeGreaterThan(two);
    expect(two).toBeGreaterThan(one);
    // Even an extreme 0/100 pair cannot beat a broad 10/90 split.
    expect(scores(confidences(2, [0, 100], { crux: true })).cruxScore).toBeLessThan(twenty);
  });
});

describe('consensusScore ((1 − spread) × |2·mean − 1| × n/(n+4))', () => {
  const consensus = (specs: TagSpec[]) => {
    const claim = makeClaim('x', specs);
    return consensusScore(claimAggregates(claim), confidenceDisagreement(claim.tags));
  };

  it('is high for many taggers agreeing far from 50, either way', () => {
    expect(consensus(confidences(20, [90]))).toBeCloseTo(0.8 * (20 / 24), 12);
    expect(consensus(confidences(20, [10]))).toBeCloseTo(0.8 * (20 / 24), 12);
  });

  it('is 0 for agreeing to be unsure, for a split, and without confidences', () => {
    expect(consensus(confidences(20, [50]))).toBe(0);
    expect(consensus(confidences(20, [10, 90]))).toBe(0);
    expect(consensus([{ axis: 'outer' }])).toBe(0);
  });

  it('prefers twenty agreeing taggers to two', () => {
    expect(consensus(confidences(20, [95]))).toBeGreaterThan(consensus(confidences(2, [95])));
  });
});
