import type { ClaimMarkSummary } from '@/lib/claims/highlight-look';
import { isDisputed } from '@/lib/cruxes/disputed';
import { pgPool } from '../db/pg-pool';

/** What the reader needs to draw a claim's highlight: where it is, its taggers per axis, how many tagged it, whether they split. */
export interface ClaimHighlight extends ClaimMarkSummary {
  id: string;
  passageId: string;
  start: number;
  end: number;
}

interface HighlightRow {
  id: string;
  passageId: string;
  start: number;
  end: number;
  tagCount: number;
  cruxCount: number;
  disagreement: number;
  axisOuter: number;
  axisInner: number;
  axisBoth: number;
  axisOther: number;
}

/**
 * The tagged claims of a thread's revision on one layer (null: public; a group's only for its
 * members, which the caller checks), in passage and offset order. A plain pg query: on a
 * thread with thousands of claims this is read on every page view, and the ORM's row mapping cost
 * several times the query itself.
 */
export async function claimHighlights(
  threadId: string,
  revisionId: string,
  groupId: string | null = null,
): Promise<ClaimHighlight[]> {
  const { rows } = await pgPool().query<HighlightRow>({
    name: 'claim-highlights',
    text: `SELECT c."id", c."passageId", c."start", c."end", c."tagCount", c."cruxCount", c."disagreement", c."axisOuter", c."axisInner", c."axisBoth", c."axisOther"
           FROM "Claim" c JOIN "Passage" p ON p."id" = c."passageId"
           WHERE c."threadId" = $1 AND p."revisionId" = $2 AND NOT c."orphan" AND c."tagCount" > 0
             AND c."groupId" IS NOT DISTINCT FROM $3::uuid
           ORDER BY c."passageId", c."start"`,
    values: [threadId, revisionId, groupId],
  });
  return rows.map((c) => ({
    id: c.id,
    passageId: c.passageId,
    start: c.start,
    end: c.end,
    axes: { outer: c.axisOuter, inner: c.axisInner, both: c.axisBoth, other: c.axisOther },
    taggers: c.tagCount,
    crux: c.cruxCount > 0,
    disputed: isDisputed(c.disagreement),
  }));
}
