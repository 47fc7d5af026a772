import type { ClaimSummary } from '@/lib/claims/types';
import { type ClaimAggregates, claimAggregates } from './aggregates';
import { axisDisagreement, confidenceDisagreement, flagShare } from './disagreement';
import { shrink } from './smoothing';

/**
 * Weights of the crux score (they sum to 1, so the score stays on 0–1). Taggers disagreeing on
 * whether the claim is true is what a crux is, so it carries half. An explicit crux mark is a
 * reader's own judgement but costs one click, so it counts as much as a split over which problem
 * the claim is about (0.2 each). Requests for a concrete story signal that readers cannot yet
 * assess the claim, a weaker sign of disagreement (0.1).
 */
export const CRUX_WEIGHTS = { disagreement: 0.5, axisDisagreement: 0.2, cruxShare: 0.2, storyShare: 0.1 } as const;

export interface ClaimScores {
  /** Raw spread of confidences, 0–1 (see spread). */
  spread: number;
  /** Spread shrunk by the number of confidences. */
  disagreement: number;
  /** Raw spread over the outer–inner line. */
  axisSplit: number;
  axisDisagreement: number;
  /** Smoothed share of taggers who marked it a crux. */
  cruxShare: number;
  /** Smoothed share of taggers who asked for a concrete story. */
  storyShare: number;
  cruxScore: number;
  consensusScore: number;
}

/**
 *   cruxScore = 0.5 · disagreement + 0.2 · axisDisagreement + 0.2 · cruxShare + 0.1 · storyShare
 */
export function cruxScore(
  parts: Pick<ClaimScores, 'disagreement' | 'axisDisagreement' | 'cruxShare' | 'storyShare'>,
): number {
  return (
    CRUX_WEIGHTS.disagreement * parts.disagreement +
    CRUX_WEIGHTS.axisDisagreement * parts.axisDisagreement +
    CRUX_WEIGHTS.cruxShare * parts.cruxShare +
    CRUX_WEIGHTS.storyShare * parts.storyShare
  );
}

/**
 * How settled a claim is: the taggers agree (low spread), they lean clearly one way (mean far from
 * 50 %, true or false alike) and there are many of them:
 *
 *   consensusScore = (1 − spread) × |2 · mean − 1| × n / (n + 4),   mean and spread on 0–1.
 *
 * Twenty taggers all at 90 % score 1 × 0.8 × 20/24 ≈ 0.67; everyone at 50 % scores 0 (agreeing to
 * be unsure is not a settled claim); a 10/90 split scores 0.
 */
export function consensusScore(aggregates: ClaimAggregates, raw: { spread: number }): number {
  const { count, mean } = aggregates.confidence;
  if (mean === null) return 0;
  return shrink((1 - raw.spread) * Math.abs((2 * mean) / 100 - 1), count);
}

/** Every score of one claim, from its tags. */
export function scoreClaim(
  claim: Pick<ClaimSummary, 'tags'>,
  aggregates: ClaimAggregates = claimAggregates(claim),
): ClaimScores {
  const confidence = confidenceDisagreement(claim.tags);
  const axis = axisDisagreement(claim.tags);
  const parts = {
    ...confidence,
    ...axis,
    cruxShare: flagShare(aggregates.crux, aggregates.taggers),
    storyShare: flagShare(aggregates.concreteStoryNeeded, aggregates.taggers),
  };
  return { ...parts, cruxScore: cruxScore(parts), consensusScore: consensusScore(aggregates, confidence) };
}
