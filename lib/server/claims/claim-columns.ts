import type { TagView } from '@/lib/claims/types';
import { claimAggregates } from '@/lib/cruxes/aggregates';
import { scoreClaim } from '@/lib/cruxes/crux-score';

/** What the tags on a claim add up to, as stored on the claim for search (lib/cruxes' formulas). */
export interface ClaimColumns {
  tagCount: number;
  confCount: number;
  confMean: number | null;
  disagreement: number;
  cruxScore: number;
  consensusScore: number;
  cruxCount: number;
  storyCount: number;
  axisOuter: number;
  axisInner: number;
  axisBoth: number;
  axisOther: number;
  notesText: string;
  labels: string[];
}

type CountedTag = Pick<TagView, 'userId' | 'axis' | 'confidence' | 'concreteStoryNeeded' | 'crux' | 'note' | 'labels'>;

export function claimColumns(liveTags: CountedTag[]): ClaimColumns {
  const tags = liveTags as TagView[];
  const aggregates = claimAggregates({ tags });
  const scores = scoreClaim({ tags }, aggregates);
  return {
    tagCount: aggregates.taggers,
    confCount: aggregates.confidence.count,
    confMean: aggregates.confidence.mean,
    disagreement: scores.disagreement,
    cruxScore: scores.cruxScore,
    consensusScore: scores.consensusScore,
    cruxCount: aggregates.crux,
    storyCount: aggregates.concreteStoryNeeded,
    axisOuter: aggregates.axes.outer,
    axisInner: aggregates.axes.inner,
    axisBoth: aggregates.axes.both,
    axisOther: aggregates.axes.other,
    notesText: tags
      .map((tag) => tag.note)
      .filter(Boolean)
      .join('\n\n'),
    labels: aggregates.labels.map((l) => l.label),
  };
}

/** The summary sent to live readers with each tag event. */
export function aggregateSummary(columns: ClaimColumns) {
  return {
    taggers: columns.tagCount,
    confidenceMean: columns.confMean,
    disagreement: columns.disagreement,
    cruxScore: columns.cruxScore,
    consensusScore: columns.consensusScore,
  };
}
