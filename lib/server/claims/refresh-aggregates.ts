import type { TagView } from '@/lib/claims/types';
import { claimAggregates } from '@/lib/cruxes/aggregates';
import { scoreClaim } from '@/lib/cruxes/crux-score';
import type { Prisma } from '@/lib/generated/prisma/client';

export interface AggregateSummary {
  taggers: number;
  confidenceMean: number | null;
  disagreement: number;
  cruxScore: number;
  consensusScore: number;
}

/**
 * Recomputes a claim's stored aggregates (what search filters and sorts on) from its live tags,
 * with the same formulas as the crux summary (lib/cruxes). Runs in the tag write's transaction,
 * after the claim row is locked, so concurrent writes cannot leave a stale count.
 */
export async function refreshClaimAggregates(tx: Prisma.TransactionClient, claimId: string): Promise<AggregateSummary> {
  const tags = (await tx.tag.findMany({
    where: { claimId, deletedAt: null },
    select: { userId: true, axis: true, confidence: true, concreteStoryNeeded: true, crux: true, note: true, labels: true },
  })) as unknown as TagView[];
  const aggregates = claimAggregates({ tags });
  const scores = scoreClaim({ tags }, aggregates);
  await tx.claim.update({
    where: { id: claimId },
    data: {
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
      notesText: tags.map((tag) => tag.note).filter(Boolean).join('\n\n'),
      labels: aggregates.labels.map((l) => l.label),
      lastTaggedAt: new Date(),
    },
  });
  return {
    taggers: aggregates.taggers,
    confidenceMean: aggregates.confidence.mean,
    disagreement: scores.disagreement,
    cruxScore: scores.cruxScore,
    consensusScore: scores.consensusScore,
  };
}
