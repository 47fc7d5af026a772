import type { ClaimSummary, ClaimView } from '@/lib/claims/types';
import { type ClaimAggregates, claimAggregates } from './aggregates';
import { AXIS_GROUPS, type AxisGroup, axisGroup } from './axis-group';
import { type ClaimScores, scoreClaim } from './crux-score';
import { compareReadingOrder } from './order';
import { type TaggerGrid, taggerGrid } from './tagger-grid';

/** What ranking reads of a claim: its summary, and its thread when claims of several threads are ranked. */
export type RankableClaim = ClaimSummary & { threadSlug?: string };

/** One claim with what its tags add up to; `claim.tags` holds only the tags that were counted. */
export interface ScoredClaim<C extends RankableClaim = ClaimView> {
  claim: C;
  aggregates: ClaimAggregates;
  scores: ClaimScores;
  /** The group it is filed under (see axisGroup): an axis, or "split" between outer and inner. */
  axis: AxisGroup;
}

export interface RankedClaim<C extends RankableClaim = ClaimView> extends ScoredClaim<C> {
  /** 1-based place in its list. */
  rank: number;
}

export interface RankOptions {
  /** Claims with fewer taggers (after the group filter) are left out. Default 2: a crux needs two people. */
  minTaggers?: number;
  /** Count only these users' tags (user ids); the grid then shows exactly them. */
  taggers?: readonly string[];
  /** Only claims of this thread. */
  threadSlug?: string;
  /** Length of the crux list. Default 20. */
  limit?: number;
  /** Length of the consensus list. Default 10. */
  consensusLimit?: number;
}

export interface CruxRanking<C extends RankableClaim = ClaimView> {
  options: {
    minTaggers: number;
    taggers: string[] | null;
    threadSlug: string | null;
    limit: number;
    consensusLimit: number;
  };
  /** Every claim that met the filters, in reading order. */
  scored: ScoredClaim<C>[];
  /** The top cruxes, highest cruxScore first. */
  cruxes: RankedClaim<C>[];
  /** The same cruxes by axis group, every group present (possibly empty), in AXIS_GROUPS order. */
  byAxis: { axis: AxisGroup; cruxes: RankedClaim<C>[] }[];
  /** The claims most agree on, highest consensusScore first. */
  consensus: RankedClaim<C>[];
  grid: TaggerGrid;
}

/** One tagger cannot disagree with anyone, so a crux needs at least two. */
export const DEFAULT_MIN_TAGGERS = 2;

/** Scores a claim, counting only the tags of `group` when given. */
export function scoreClaimFor<C extends RankableClaim>(
  claim: C,
  group: ReadonlySet<string> | null = null,
): ScoredClaim<C> {
  const counted = group ? ({ ...claim, tags: claim.tags.filter((tag) => group.has(tag.userId)) } as C) : claim;
  const aggregates = claimAggregates(counted);
  return { claim: counted, aggregates, scores: scoreClaim(counted, aggregates), axis: axisGroup(aggregates.axes) };
}

function ranked<C extends RankableClaim>(
  list: ScoredClaim<C>[],
  score: (s: ScoredClaim<C>) => number,
  limit: number,
): RankedClaim<C>[] {
  return [...list]
    .sort(
      (a, b) =>
        score(b) - score(a) || b.aggregates.taggers - a.aggregates.taggers || compareReadingOrder(a.claim, b.claim),
    )
    .slice(0, limit)
    .map((entry, index) => ({ ...entry, rank: index + 1 }));
}

/**
 * The claims readers disagree on most, and those they agree on. Each claim goes in at most one
 * list — the one where it scores higher (ties to the crux list); a claim scoring 0 on both
 * (nobody rated it, nobody flagged it) goes in neither. Orphaned claims are kept: their tags are
 * still readers' judgements, and the export marks them.
 */
export function rankCruxes<C extends RankableClaim = ClaimView>(
  claims: readonly C[],
  options: RankOptions = {},
): CruxRanking<C> {
  const settings = {
    minTaggers: options.minTaggers ?? DEFAULT_MIN_TAGGERS,
    taggers: options.taggers ? [...options.taggers] : null,
    threadSlug: options.threadSlug ?? null,
    limit: options.limit ?? 20,
    consensusLimit: options.consensusLimit ?? 10,
  };
  const group = settings.taggers ? new Set(settings.taggers) : null;
  const scored = claims
    .filter((claim) => settings.threadSlug === null || claim.threadSlug === settings.threadSlug)
    .map((claim) => scoreClaimFor(claim, group))
    .filter((entry) => entry.aggregates.taggers >= settings.minTaggers)
    .sort((a, b) => compareReadingOrder(a.claim, b.claim));

  const cruxScore = (entry: ScoredClaim<C>) => entry.scores.cruxScore;
  const consensusScore = (entry: ScoredClaim<C>) => entry.scores.consensusScore;
  const cruxes = ranked(
    scored.filter((e) => cruxScore(e) > 0 && cruxScore(e) >= consensusScore(e)),
    cruxScore,
    settings.limit,
  );
  const consensus = ranked(
    scored.filter((e) => consensusScore(e) > cruxScore(e)),
    consensusScore,
    settings.consensusLimit,
  );
  return {
    options: settings,
    scored,
    cruxes,
    byAxis: AXIS_GROUPS.map((axis) => ({ axis, cruxes: cruxes.filter((entry) => entry.axis === axis) })),
    consensus,
    grid: taggerGrid(
      cruxes.map((entry) => entry.claim),
      claims,
      settings.taggers,
    ),
  };
}
