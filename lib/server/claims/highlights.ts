import type { Axis } from '@/lib/claims/types';
import { dominantAxis } from '@/lib/cruxes/dominant-axis';
import { db } from '../db/client';

/** What the reader needs to draw a claim's highlight: where it is, its dominant axis, how many tagged it. */
export interface ClaimHighlight {
  id: string;
  passageId: string;
  start: number;
  end: number;
  axis: Axis;
  taggers: number;
  crux: boolean;
}

export async function claimHighlights(threadId: string, revisionId: string): Promise<ClaimHighlight[]> {
  const claims = await db.claim.findMany({
    where: { threadId, orphan: false, tagCount: { gt: 0 }, passage: { revisionId } },
    select: { id: true, passageId: true, start: true, end: true, tagCount: true, cruxCount: true, axisOuter: true, axisInner: true, axisBoth: true, axisOther: true },
    orderBy: [{ passageId: 'asc' }, { start: 'asc' }],
  });
  return claims.map((c) => ({
    id: c.id,
    passageId: c.passageId,
    start: c.start,
    end: c.end,
    axis: dominantAxis({ outer: c.axisOuter, inner: c.axisInner, both: c.axisBoth, other: c.axisOther }),
    taggers: c.tagCount,
    crux: c.cruxCount > 0,
  }));
}
