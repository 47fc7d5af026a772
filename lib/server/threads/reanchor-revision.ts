import { reanchorClaims } from '@/lib/anchoring/reanchor';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { DedupPassage } from '@/lib/dedup/types';

type Tx = Prisma.TransactionClient;

export interface ReanchorSummary {
  anchored: number;
  orphaned: number;
}

/**
 * Carries a thread's claims onto its new revision (inside the ingest transaction): exact, then
 * fuzzy re-anchoring; a claim found nowhere — or whose new span another claim already took — is
 * marked an orphan, kept with its tags, never deleted.
 */
export async function reanchorThread(tx: Tx, threadId: string, passages: DedupPassage[], passageIds: string[]): Promise<ReanchorSummary> {
  const claims = await tx.claim.findMany({
    where: { threadId },
    select: { id: true, passageId: true, start: true, end: true, exact: true, prefix: true, suffix: true, passage: { select: { id: true, ordinal: true, text: true } } },
    orderBy: { createdAt: 'asc' },
  });
  if (claims.length === 0) return { anchored: 0, orphaned: 0 };
  const oldPassages = [...new Map(claims.map((c) => [c.passage.id, c.passage])).values()];
  const newPassages = passages.map((p) => ({ id: passageIds[p.ordinal], ordinal: p.ordinal, text: p.text }));
  const outcomes = reanchorClaims(oldPassages, newPassages, claims);
  const taken = new Set<string>();
  const summary = { anchored: 0, orphaned: 0 };
  for (const outcome of outcomes) {
    const key = outcome.status === 'anchored' ? `${outcome.passageId}:${outcome.selector.start}:${outcome.selector.end}` : '';
    if (outcome.status === 'anchored' && !taken.has(key)) {
      taken.add(key);
      const { selector } = outcome;
      await tx.claim.update({
        where: { id: outcome.claimId },
        data: { passageId: outcome.passageId, start: selector.start, end: selector.end, exact: selector.exact, prefix: selector.prefix, suffix: selector.suffix, orphan: false },
      });
      summary.anchored++;
    } else {
      await tx.claim.update({ where: { id: outcome.claimId }, data: { orphan: true } });
      summary.orphaned++;
    }
  }
  return summary;
}
