export { type ClaimAggregates, type ConfidenceSummary, claimAggregates, type LabelCount } from './aggregates';
export { type ClaimScores, CRUX_WEIGHTS, consensusScore, cruxScore, scoreClaim } from './crux-score';
export { axisDisagreement, confidenceDisagreement, flagShare } from './disagreement';
export { DISPUTED_AT, isDisputed } from './disputed';
export { dominantAxis } from './dominant-axis';
export { bucketLabel, confidenceHistogram, HISTOGRAM_BUCKETS } from './histogram';
export {
  type CruxRanking,
  type RankedClaim,
  type RankOptions,
  rankCruxes,
  type ScoredClaim,
  scoreClaimFor,
} from './rank-cruxes';
export { SIDE_THRESHOLDS, type Side, sideOf } from './sides';
export { PRIOR_TAGGERS, shrink } from './smoothing';
export { spread } from './spread';
export { type Tagger, type TaggerGrid, taggerGrid } from './tagger-grid';
