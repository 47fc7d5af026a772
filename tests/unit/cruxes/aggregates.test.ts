import { describe, expect, it } from 'vitest';
import { bucketLabel, claimAggregates, confidenceHistogram } from '@/lib/cruxes';
import { makeClaim } from './make-claims';

describe('confidenceHistogram', () => {
  it('puts 0–9 in the first bucket and 90–100 in the last', () => {
    expect(confidenceHistogram([0, 9, 9.99, 10, 55, 89, 90, 100])).toEqual([3, 1, 0, 0, 0, 1, 0, 0, 1, 2]);
    expect([0, 1, 9].map(bucketLabel)).toEqual(['0–9', '10–19', '90–100']);
  });
});

describe('claimAggregates', () => {
  const claim = makeClaim('a', [
    { confidence: 10, axis: 'outer', crux: true, labels: ['goodhart', 'rlhf'] },
    { confidence: 90, axis: 'inner', story: true, labels: ['rlhf'] },
    { confidence: 80, axis: 'inner', crux: true, labels: ['rlhf', 'rlhf'] },
    { confidence: null, axis: 'both', story: true, labels: ['deception'] },
  ]);

  it('counts taggers, axes, flags and labels', () => {
    const aggregates = claimAggregates(claim);
    expect(aggregates.taggers).toBe(4);
    expect(aggregates.axes).toEqual({ outer: 1, inner: 2, both: 1, other: 0 });
    expect(aggregates.crux).toBe(2);
    expect(aggregates.concreteStoryNeeded).toBe(2);
    // A label counts taggers, once each, most given first, then alphabetically.
    expect(aggregates.labels).toEqual([
      { label: 'rlhf', count: 3 },
      { label: 'deception', count: 1 },
      { label: 'goodhart', count: 1 },
    ]);
  });

  it('summarises the confidences that were given', () => {
    const { confidence } = claimAggregates(claim);
    expect(confidence.count).toBe(3);
    expect(confidence.mean).toBe(60);
    expect(confidence.median).toBe(80);
    expect(confidence.stddev).toBeCloseTo(Math.sqrt((50 ** 2 + 30 ** 2 + 20 ** 2) / 3), 10);
    expect(confidence.histogram).toEqual([0, 1, 0, 0, 0, 0, 0, 0, 1, 1]);
  });

  it('takes the median of an even count as the middle two averaged', () => {
    expect(claimAggregates(makeClaim('b', [{ confidence: 20 }, { confidence: 70 }])).confidence.median).toBe(45);
  });

  it('has nulls, not zeros, where nobody gave a confidence', () => {
    expect(claimAggregates(makeClaim('c', [{ axis: 'outer' }])).confidence).toEqual({
      count: 0,
      mean: null,
      median: null,
      stddev: null,
      histogram: new Array(10).fill(0),
    });
  });
});
