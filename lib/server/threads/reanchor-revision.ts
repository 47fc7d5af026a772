import type { PoolClient } from 'pg';
import { reanchorClaims } from '@/lib/anchoring/reanchor';
import type { DedupPassage } from '@/lib/dedup/types';

export interface ReanchorSummary {
  anchored: number;
  orphaned: number;
}

interface StoredClaim {
  id: string;
  passageId: string;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  ordinal: number;
  text: string;
}

/**
 * Carries a thread's claims onto its new revision (inside the ingest transaction): exact, then
 * fuzzy re-anchoring; a claim found nowhere — or whose new span another claim already took — is
 * marked an orphan, kept with its tags, never deleted.
 */
export async function reanchorThread(
  client: PoolClient,
  threadId: string,
  passages: DedupPassage[],
  passageIds: string[],
): Promise<ReanchorSummary> {
  const { rows: claims } = await client.query<StoredClaim & { groupId: string | null }>(
    `SELECT c."id", c."passageId", c."start", c."end", c."exact", c."prefix", c."suffix", p."ordinal", p."text", c."groupId"
     FROM "Claim" c JOIN "Passage" p ON p."id" = c."passageId" WHERE c."threadId" = $1 ORDER BY c."createdAt", c."id"`,
    [threadId],
  );
  if (claims.length === 0) return { anchored: 0, orphaned: 0 };
  const oldPassages = [
    ...new Map(claims.map((c) => [c.passageId, { id: c.passageId, ordinal: c.ordinal, text: c.text }])).values(),
  ];
  const newPassages = passages.map((p) => ({ id: passageIds[p.ordinal], ordinal: p.ordinal, text: p.text }));
  const outcomes = reanchorClaims(oldPassages, newPassages, claims);
  // One claim per span per layer: the same span may stand on the public layer and in each group.
  const layerOf = new Map(claims.map((c) => [c.id, c.groupId ?? '']));
  const taken = new Set<string>();
  const summary = { anchored: 0, orphaned: 0 };
  for (const outcome of outcomes) {
    const key =
      outcome.status === 'anchored'
        ? `${layerOf.get(outcome.claimId)}:${outcome.passageId}:${outcome.selector.start}:${outcome.selector.end}`
        : '';
    if (outcome.status === 'anchored' && !taken.has(key)) {
      taken.add(key);
      const { selector } = outcome;
      await client.query(
        `UPDATE "Claim" SET "passageId" = $2, "start" = $3, "end" = $4, "exact" = $5, "prefix" = $6, "suffix" = $7, "orphan" = false, "updatedAt" = now() WHERE "id" = $1`,
        [
          outcome.claimId,
          outcome.passageId,
          selector.start,
          selector.end,
          selector.exact,
          selector.prefix,
          selector.suffix,
        ],
      );
      summary.anchored++;
    } else {
      await client.query(`UPDATE "Claim" SET "orphan" = true, "updatedAt" = now() WHERE "id" = $1`, [outcome.claimId]);
      summary.orphaned++;
    }
  }
  return summary;
}
