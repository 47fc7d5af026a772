import { describe, expect, it } from 'vitest';
import { axisGroup, dominantAxis, rankCruxes, sideOf } from '@/lib/cruxes';
import { confidences, makeClaim } from './make-claims';

const claims = [
  makeClaim('broad-split', confidences(20, [10, 90], { axis: 'inner' }), { passageOrdinal: 3 }),
  makeClaim('pair-split', confidences(2, [0, 100], { axis: 'outer' }), { passageOrdinal: 1 }),
  makeClaim('outer-split', confidences(6, [20, 80], { axis: 'outer' }), { passageOrdinal: 2 }),
  makeClaim('settled', confidences(12, [95], { axis: 'outer' }), { passageOrdinal: 4 }),
  // Unsure whether it is true, split over which problem it is about.
  makeClaim(
    'axis-fight',
    [...confidences(3, [55], { axis: 'outer' }), ...confidences(3, [55], { axis: 'inner' })].map((t, i) => ({
      ...t,
      user: `u${i}`,
    })),
    {
      passageOrdinal: 5,
    },
  ),
  makeClaim('unrated', [{ axis: 'other' }, { axis: 'other' }, { axis: 'other' }], { passageOrdinal: 6 }),
  makeClaim('elsewhere', confidences(10, [5, 95]), { threadSlug: 'other-thread' }),
];

describe('rankCruxes', () => {
  const ranking = rankCruxes(claims, { minTaggers: 3, threadSlug: 'mesa-optimizers' });

  it('ranks broad splits first, leaves out claims under minTaggers and other threads', () => {
    expect(ranking.cruxes.map((c) => [c.rank, c.claim.id])).toEqual([
      [1, 'broad-split'],
      [2, 'outer-split'],
      [3, 'axis-fight'],
    ]);
    expect(ranking.scored.map((s) => s.claim.id)).toEqual([
      'outer-split',
      'broad-split',
      'settled',
      'axis-fight',
      'unrated',
    ]);
  });

  it('groups the cruxes by axis, a claim torn between outer and inner under split, every group present', () => {
    expect(ranking.byAxis.map(({ axis, cruxes }) => [axis, cruxes.map((c) => c.claim.id)])).toEqual([
      ['outer', ['outer-split']],
      ['inner', ['broad-split']],
      ['split', ['axis-fight']],
      ['both', []],
      ['other', []],
    ]);
  });

  it('needs two taggers by default: a lone tagger is no crux, a pair is', () => {
    const defaults = rankCruxes(
      [makeClaim('lone', [{ user: 'ann', confidence: 10, crux: true }]), makeClaim('pair', confidences(2, [0, 100]))],
      {},
    );
    expect(defaults.options.minTaggers).toBe(2);
    expect(defaults.scored.map((s) => s.claim.id)).toEqual(['pair']);
  });

  it('lists the settled claims apart, never a claim in both lists', () => {
    expect(ranking.consensus.map((c) => [c.rank, c.claim.id])).toEqual([[1, 'settled']]);
    expect(ranking.consensus[0].scores.consensusScore).toBeCloseTo(0.9 * (12 / 16), 12);
  });

  it('lets a pair of readers in when minTaggers allows, below a broad split', () => {
    const loose = rankCruxes(claims, { minTaggers: 1, threadSlug: 'mesa-optimizers' });
    const ids = loose.cruxes.map((c) => c.claim.id);
    expect(ids.indexOf('broad-split')).toBeLessThan(ids.indexOf('pair-split'));
    expect(ids.indexOf('outer-split')).toBeLessThan(ids.indexOf('pair-split'));
  });

  it('counts only a tagger group, and shows exactly them in the grid', () => {
    const group = rankCruxes(claims, { minTaggers: 2, taggers: ['u0', 'u1', 'nobody'], threadSlug: 'mesa-optimizers' });
    expect(group.options.taggers).toEqual(['u0', 'u1', 'nobody']);
    expect(group.cruxes[0].aggregates.taggers).toBe(2);
    expect(group.grid.taggers).toEqual([
      { userId: 'u0', userName: 'Reader u0' },
      { userId: 'u1', userName: 'Reader u1' },
      { userId: 'nobody', userName: 'nobody' },
    ]);
    for (const row of group.grid.rows) expect(row.sides[2]).toBe('untagged');
  });

  it("fills the grid with each tagger's side on each top crux", () => {
    const grid = rankCruxes([
      makeClaim('k', [
        { user: 'ann', confidence: 60 },
        { user: 'bob', confidence: 40 },
        { user: 'cy', confidence: 50 },
        { user: 'dee', confidence: null, crux: true },
      ]),
      makeClaim('m', [
        { user: 'ann', confidence: 0 },
        { user: 'bob', confidence: 100 },
        { user: 'cy', confidence: 61 },
      ]),
    ]).grid;
    expect(grid.taggers.map((t) => t.userId)).toEqual(['ann', 'bob', 'cy', 'dee']);
    expect(grid.rows).toEqual([
      { claimId: 'm', sides: ['disagree', 'agree', 'agree', 'untagged'] },
      { claimId: 'k', sides: ['agree', 'disagree', 'unsure', 'unrated'] },
    ]);
  });

  it('is deterministic for equal scores: more taggers, then reading order', () => {
    const twins = [
      makeClaim('b', confidences(4, [0, 100]), { passageOrdinal: 2 }),
      makeClaim('a', confidences(4, [0, 100]), { passageOrdinal: 1 }),
    ];
    expect(rankCruxes(twins).cruxes.map((c) => c.claim.id)).toEqual(['a', 'b']);
  });

  it('ranks nothing from nothing', () => {
    expect(rankCruxes([])).toMatchObject({ scored: [], cruxes: [], consensus: [], grid: { taggers: [], rows: [] } });
  });
});

describe('sideOf', () => {
  it('agrees at 60 and above, disagrees at 40 and below', () => {
    expect([100, 60, 59.5, 50, 40.5, 40, 0].map((confidence) => sideOf({ confidence }))).toEqual([
      'agree',
      'agree',
      'unsure',
      'unsure',
      'unsure',
      'disagree',
      'disagree',
    ]);
    expect(sideOf({ confidence: null })).toBe('unrated');
    expect(sideOf(undefined)).toBe('untagged');
  });
});

describe('dominantAxis', () => {
  it('takes the most chosen axis and resolves ties by a fixed rule', () => {
    expect(dominantAxis({ outer: 3, inner: 1, both: 0, other: 2 })).toBe('outer');
    expect(dominantAxis({ outer: 2, inner: 2, both: 0, other: 0 })).toBe('both');
    expect(dominantAxis({ outer: 2, inner: 0, both: 2, other: 0 })).toBe('both');
    expect(dominantAxis({ outer: 0, inner: 2, both: 0, other: 2 })).toBe('inner');
    expect(dominantAxis({ outer: 1, inner: 1, both: 0, other: 1 })).toBe('both');
    expect(dominantAxis({ outer: 0, inner: 0, both: 0, other: 0 })).toBe('other');
  });
});

describe('axisGroup', () => {
  it('files a claim under split as soon as some say outer and others inner, whatever the counts', () => {
    expect(axisGroup({ outer: 1, inner: 1, both: 0, other: 0 })).toBe('split');
    expect(axisGroup({ outer: 5, inner: 1, both: 3, other: 0 })).toBe('split');
    expect(axisGroup({ outer: 0, inner: 2, both: 3, other: 0 })).toBe('both');
    expect(axisGroup({ outer: 2, inner: 0, both: 0, other: 1 })).toBe('outer');
    expect(axisGroup({ outer: 0, inner: 0, both: 0, other: 2 })).toBe('other');
  });
});
