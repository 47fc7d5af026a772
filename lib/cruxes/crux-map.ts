import type { AxisGroup } from './axis-group';
import { compareReadingOrder } from './order';
import type { ScoredClaim } from './rank-cruxes';

/** One claim on the crux map, in the map's own units (the SVG viewBox). */
export interface MapPoint {
  claim: ScoredClaim['claim'];
  axis: AxisGroup;
  taggers: number;
  /** 0–100. */
  meanConfidence: number;
  cruxScore: number;
  /** Where the value puts it, and where it is drawn after nudging clear of its neighbours. */
  x: number;
  y: number;
  cx: number;
  cy: number;
  /** Radius of the dot, which grows with the number of taggers. */
  r: number;
}

export interface MapTick {
  at: number;
  label: string;
}

export interface CruxMap {
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  xTicks: MapTick[];
  yTicks: MapTick[];
  /** Highest crux score on the vertical axis. */
  yMax: number;
  points: MapPoint[];
  /** Claims that met the filters but have no confidence to place them by. */
  unrated: number;
  /** Claims left off because the map shows only the top MAP_LIMIT. */
  leftOff: number;
}

/**
 * The viewBox is about as wide as a phone's text column (390 px less the page's margins), so on a
 * phone one unit is about one pixel and the 11-unit labels stay readable; wider screens scale it up.
 */
const WIDTH = 340;
const HEIGHT = 250;
const PLOT = { left: 44, top: 12, right: WIDTH - 14, bottom: HEIGHT - 42 };
/** Half of the 24 px that WCAG 2.2 asks of a pointer target, plus a unit of margin. */
export const HIT_RADIUS = 13;
/** More dots than this would not fit apart from each other on a phone. */
export const MAP_LIMIT = 40;

function radius(taggers: number): number {
  return Math.min(11, 3 + 2 * Math.sqrt(taggers));
}

/** The top of the vertical axis: the highest score rounded up to a tenth, so ticks land on round numbers. */
function topOfScale(scores: number[]): number {
  return Math.max(0.1, Math.ceil(Math.max(0, ...scores) * 10 - 1e-9) / 10);
}

/**
 * Nudges a dot to the nearest free place on rings around where it belongs, so that every dot keeps
 * a target of its own; the exact values are in the table beside the map.
 */
function place(x: number, y: number, placed: { cx: number; cy: number }[]): { cx: number; cy: number } {
  const free = (cx: number, cy: number) =>
    placed.every((p) => (p.cx - cx) ** 2 + (p.cy - cy) ** 2 >= (2 * HIT_RADIUS) ** 2);
  const clampX = (v: number) => Math.min(PLOT.right - HIT_RADIUS / 2, Math.max(PLOT.left + HIT_RADIUS / 2, v));
  const clampY = (v: number) => Math.min(PLOT.bottom - HIT_RADIUS / 2, Math.max(PLOT.top + HIT_RADIUS / 2, v));
  for (let ring = 0; ring <= 40; ring++) {
    const steps = ring === 0 ? 1 : 12;
    for (let step = 0; step < steps; step++) {
      const angle = (2 * Math.PI * step) / steps;
      const cx = clampX(x + ring * 4 * Math.cos(angle));
      const cy = clampY(y + ring * 4 * Math.sin(angle));
      if (free(cx, cy)) return { cx, cy };
    }
  }
  return { cx: clampX(x), cy: clampY(y) };
}

/**
 * The crux map: each claim that has a confidence as a dot, x = the taggers' mean confidence, y = its
 * crux score (the score the crux list is ranked by), sized by taggers. The highest scores are
 * placed first, so they sit exactly where their values put them and the nudging falls on the rest.
 */
export function cruxMap(scored: readonly ScoredClaim[]): CruxMap {
  const rated = scored.filter((entry) => entry.aggregates.confidence.mean !== null);
  const shown = [...rated]
    .sort(
      (a, b) =>
        b.scores.cruxScore - a.scores.cruxScore ||
        b.aggregates.taggers - a.aggregates.taggers ||
        compareReadingOrder(a.claim, b.claim),
    )
    .slice(0, MAP_LIMIT);
  const yMax = topOfScale(shown.map((entry) => entry.scores.cruxScore));
  const xOf = (mean: number) => PLOT.left + ((PLOT.right - PLOT.left) * mean) / 100;
  const yOf = (score: number) => PLOT.bottom - ((PLOT.bottom - PLOT.top) * score) / yMax;
  const placed: MapPoint[] = [];
  for (const entry of shown) {
    const meanConfidence = entry.aggregates.confidence.mean as number;
    const x = xOf(meanConfidence);
    const y = yOf(entry.scores.cruxScore);
    placed.push({
      claim: entry.claim,
      axis: entry.axis,
      taggers: entry.aggregates.taggers,
      meanConfidence,
      cruxScore: entry.scores.cruxScore,
      x,
      y,
      ...place(x, y, placed),
      r: radius(entry.aggregates.taggers),
    });
  }
  return {
    width: WIDTH,
    height: HEIGHT,
    plot: PLOT,
    xTicks: [0, 25, 50, 75, 100].map((value) => ({ at: xOf(value), label: `${value} %` })),
    yTicks: [0, yMax / 2, yMax].map((value) => ({ at: yOf(value), label: value.toFixed(2) })),
    yMax,
    points: placed,
    unrated: scored.length - rated.length,
    leftOff: Math.max(0, rated.length - MAP_LIMIT),
  };
}
