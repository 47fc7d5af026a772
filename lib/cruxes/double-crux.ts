import type { Axis, ClaimView, TagView } from '@/lib/claims/types';

/** One claim both readers gave a confidence on, and how far apart they stand. */
export interface DoubleCruxClaim {
  claimId: string;
  text: string;
  thread: { slug: string; title: string };
  passageOrdinal: number;
  a: TagView;
  b: TagView;
  /** |confidence of a − confidence of b|, 0–100. */
  gap: number;
  cruxA: boolean;
  cruxB: boolean;
  axisA: Axis;
  axisB: Axis;
}

/**
 * The claims two readers both tagged with a confidence, widest gap first (ties: claims either marked
 * a crux, then reading order): where they disagree most is where a double-crux conversation starts.
 * A claim only one of them tagged, or tagged without a confidence, says nothing about the pair.
 */
export function doubleCrux(claims: readonly ClaimView[], a: string, b: string): DoubleCruxClaim[] {
  const pairs: DoubleCruxClaim[] = [];
  for (const claim of claims) {
    const tagA = claim.tags.find((t) => t.userId === a);
    const tagB = claim.tags.find((t) => t.userId === b);
    if (!tagA || !tagB || tagA.confidence === null || tagB.confidence === null) continue;
    pairs.push({
      claimId: claim.id,
      text: claim.exact,
      thread: { slug: claim.threadSlug, title: claim.threadTitle },
      passageOrdinal: claim.passageOrdinal,
      a: tagA,
      b: tagB,
      gap: Math.abs(tagA.confidence - tagB.confidence),
      cruxA: tagA.crux,
      cruxB: tagB.crux,
      axisA: tagA.axis,
      axisB: tagB.axis,
    });
  }
  const marked = (p: DoubleCruxClaim) => (p.cruxA || p.cruxB ? 1 : 0);
  return pairs.sort(
    (x, y) =>
      y.gap - x.gap ||
      marked(y) - marked(x) ||
      x.thread.slug.localeCompare(y.thread.slug) ||
      x.passageOrdinal - y.passageOrdinal ||
      x.claimId.localeCompare(y.claimId),
  );
}
