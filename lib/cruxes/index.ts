export { type ClaimAggregates, type ConfidenceSummary, claimAggregates, type LabelCount } from './aggregates';
export { AXIS_GROUP_TITLES, AXIS_GROUPS, type AxisGroup, axisGroup } from './axis-group';
export { type ClaimScores, CRUX_WEIGHTS, consensusScore, cruxScore, scoreClaim } from './crux-score';
export { type CruxMap, cruxMap, HIT_RADIUS, MAP_LIMIT, type MapPoint } from './crux-map';
export { axisDisagreement, confidenceDisagreement, flagShare } from './disagreement';
export { DISPUTED_AT, isDisputed } from './disputed';
export { dominantAxis } from './dominant-axis';
export { bucketLabel, confidenceHistogram, HISTOGRAM_BUCKETS } from './histogram';
export {
  type CruxRanking,
  DEFAULT_MIN_TAGGERS,
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
