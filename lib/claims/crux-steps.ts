import { rankCruxes } from '@/lib/cruxes/rank-cruxes';
import type { ClaimSummary } from './types';

/** The thread's cruxes as the crux page ranks them (same minimum and scores), ids highest first; orphans have no place in the text. */
export function cruxOrder(claims: readonly ClaimSummary[]): string[] {
  const anchored = claims.filter((claim) => !claim.orphan);
  return rankCruxes(anchored, { limit: anchored.length }).cruxes.map((entry) => entry.claim.id);
}

/**
 * The crux after (step 1) or before (step −1) `current` in that order, wrapping at the ends; from a
 * claim that is not a crux (or none), `n` starts at the top crux and `p` at the last.
 */
export function stepCrux(order: readonly string[], current: string | null, step: 1 | -1): string | null {
  if (order.length === 0) return null;
  const at = current === null ? -1 : order.indexOf(current);
  if (at === -1) return step === 1 ? order[0] : order[order.length - 1];
  return order[(at + step + order.length) % order.length];
}
