import type { Prisma } from '@/lib/generated/prisma/client';
import { claimColumns } from './claim-columns';

/**
 * Recomputes a claim's stored aggregates from its live tags (used where many tags arrive at once,
 * as in an import; single tag writes compute them in the same statement as the write).
 */
export async function refreshClaimAggregates(tx: Prisma.TransactionClient, claimId: string): Promise<void> {
  const tags = await tx.tag.findMany({
    where: { claimId, deletedAt: null },
    select: {
      userId: true,
      axis: true,
      confidence: true,
      concreteStoryNeeded: true,
      crux: true,
      note: true,
      labels: true,
    },
  });
  await tx.claim.update({ where: { id: claimId }, data: { ...claimColumns(tags), lastTaggedAt: new Date() } });
}
