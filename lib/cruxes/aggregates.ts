import { AXES, type Axis, type ClaimSummary } from '@/lib/claims/types';
import { confidenceHistogram } from './histogram';
import { compareText } from './order';
import { mean, median, standardDeviation } from './stats';

export interface ConfidenceSummary {
  /** Taggers who gave a confidence. */
  count: number;
  /** On the 0–100 scale; null without any confidence. */
  mean: number | null;
  median: number | null;
  /** Population standard deviation. */
  stddev: number | null;
  /** Counts per bucket 0–9, 10–19, …, 90–100. */
  histogram: number[];
}

export interface LabelCount {
  label: string;
  count: number;
}

/** What the tags on one claim add up to, before any judgement about disagreement. */
export interface ClaimAggregates {
  /** Distinct users with a tag on the claim. */
  taggers: number;
  confidence: ConfidenceSummary;
  axes: Record<Axis, number>;
  concreteStoryNeeded: number;
  crux: number;
  /** Each label with the number of taggers who gave it, most given first, then alphabetically. */
  labels: LabelCount[];
}

export function claimAggregates(claim: Pick<ClaimSummary, 'tags'>): ClaimAggregates {
  const { tags } = claim;
  const confidences = tags.flatMap((tag) => (tag.confidence === null ? [] : [tag.confidence]));
  const axes = Object.fromEntries(AXES.map((axis) => [axis, 0])) as Record<Axis, number>;
  const labelTaggers = new Map<string, Set<string>>();
  for (const tag of tags) {
    axes[tag.axis]++;
    for (const label of tag.labels) labelTaggers.set(label, (labelTaggers.get(label) ?? new Set()).add(tag.userId));
  }
  return {
    taggers: new Set(tags.map((tag) => tag.userId)).size,
    confidence: {
      count: confidences.length,
      mean: mean(confidences),
      median: median(confidences),
      stddev: standardDeviation(confidences),
      histogram: confidenceHistogram(confidences),
    },
    axes,
    concreteStoryNeeded: tags.filter((tag) => tag.concreteStoryNeeded).length,
    crux: tags.filter((tag) => tag.crux).length,
    labels: [...labelTaggers]
      .map(([label, users]) => ({ label, count: users.size }))
      .sort((a, b) => b.count - a.count || compareText(a.label, b.label)),
  };
}
