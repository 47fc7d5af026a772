import { describe, expect, it } from 'vitest';
import { HIT_RADIUS, MAP_LIMIT, rankCruxes } from '@/lib/cruxes';
import { cruxMap } from '@/lib/cruxes/crux-map';
import { confidences, makeClaim } from './make-claims';

const claims = [
  makeClaim('false-split', confidences(4, [0, 40]), { passageOrdinal: 0 }),
  makeClaim('true-settled', confidences(6, [90]), { passageOrdinal: 1 }),
  makeClaim(
    'torn',
    confidences(8, [10, 90], { axis: 'outer' }).map((t, i) => ({ ...t, axis: i % 2 ? 'inner' : 'outer' })),
    {
      passageOrdinal: 2,
    },
  ),
  makeClaim('unrated', [{ axis: 'other' }, { axis: 'other' }], { passageOrdinal: 3 }),
];

describe('cruxMap', () => {
  const { scored } = rankCruxes(claims);
  const map = cruxMap(scored);
  const point = (id: string) => map.points.find((p) => p.claim.id === id)!;

  it('puts mean confidence across and crux score up, on the scale of the ticks', () => {
    const { plot } = map;
    expect(point('false-split').x).toBeCloseTo(plot.left + (plot.right - plot.left) * 0.2, 9);
    expect(point('true-settled').x).toBeCloseTo(plot.left + (plot.right - plot.left) * 0.9, 9);
    const torn = scored.find((s) => s.claim.id === 'torn')!;
    expect(point('torn').y).toBeCloseTo(plot.bottom - ((plot.bottom - plot.top) * torn.scores.cruxScore) / map.yMax, 9);
    expect(point('torn').y).toBeLessThan(point('true-settled').y);
    expect(map.yMax).toBeGreaterThanOrEqual(torn.scores.cruxScore);
    expect(map.xTicks.map((t) => t.label)).toEqual(['0 %', '25 %', '50 %', '75 %', '100 %']);
  });

  it('colours by axis group and sizes by taggers; a claim without a confidence is counted, not drawn', () => {
    expect(point('torn').axis).toBe('split');
    expect(point('torn').r).toBeGreaterThan(point('false-split').r);
    expect(map.points.some((p) => p.claim.id === 'unrated')).toBe(false);
    expect(map.unrated).toBe(1);
  });

  it('keeps every dot a 24 px target of its own, even when claims share a value', () => {
    const crowd = Array.from({ length: 30 }, (_, i) =>
      makeClaim(`same-${i}`, confidences(4, [20, 80]), { passageOrdinal: i }),
    );
    const crowded = cruxMap(rankCruxes(crowd, { limit: 100 }).scored);
    for (const [i, a] of crowded.points.entries())
      for (const b of crowded.points.slice(i + 1))
        expect(Math.hypot(a.cx - b.cx, a.cy - b.cy)).toBeGreaterThanOrEqual(2 * HIT_RADIUS - 1e-9);
    expect(crowded.points[0]).toMatchObject({ cx: crowded.points[0].x, cy: crowded.points[0].y });
  });

  it(`shows at most ${MAP_LIMIT} claims, the highest crux scores, and says how many it left off`, () => {
    const many = Array.from({ length: MAP_LIMIT + 5 }, (_, i) =>
      makeClaim(`c${i}`, confidences(2 + (i % 7), [i % 100, 100 - (i % 100)]), { passageOrdinal: i }),
    );
    const big = cruxMap(rankCruxes(many, { limit: 100 }).scored);
    expect(big.points).toHaveLength(MAP_LIMIT);
    expect(big.leftOff).toBe(5);
    const lowestShown = Math.min(...big.points.map((p) => p.cruxScore));
    const shownIds = new Set(big.points.map((p) => p.claim.id));
    for (const entry of rankCruxes(many, { limit: 100 }).scored.filter((s) => !shownIds.has(s.claim.id)))
      expect(entry.scores.cruxScore).toBeLessThanOrEqual(lowestShown);
  });
});
