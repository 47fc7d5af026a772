import type { Axis, ClaimView, TagView } from '@/lib/claims/types';

/** One claim both sides gave a confidence on, and how far apart they stand. */
export interface DoubleCruxClaim {
  claimId: string;
  text: string;
  thread: { slug: string; title: string };
  passageOrdinal: number;
  /** Side A's tag: its reader's, or for a set of readers its first reader (in the order given) who rated the claim. */
  a: TagView;
  b: TagView;
  /** Every tag with a confidence from side A (one for a single reader). */
  tagsA: TagView[];
  tagsB: TagView[];
  /** Side A's confidence: its reader's, or the mean of its readers who rated the claim (one decimal). */
  confidenceA: number;
  confidenceB: number;
  /** |confidenceA − confidenceB|, 0–100 (one decimal). */
  gap: number;
  /** Whether anyone on side A marked the claim a crux. */
  cruxA: boolean;
  cruxB: boolean;
  /** The axis side A chose: its reader's, or the one most of its readers chose (ties: the earliest reader's). */
  axisA: Axis;
  axisB: Axis;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

/** The axis most tags chose; a tie goes to the axis of the earliest tag among the tied. */
function commonAxis(tags: readonly TagView[]): Axis {
  const counts = new Map<Axis, number>();
  for (const t of tags) counts.set(t.axis, (counts.get(t.axis) ?? 0) + 1);
  let best = tags[0].axis;
  for (const t of tags) if ((counts.get(t.axis) ?? 0) > (counts.get(best) ?? 0)) best = t.axis;
  return best;
}

/** A side's tags with a confidence on the claim, in the order its readers were given. */
function sideTags(claim: ClaimView, readers: readonly string[]): TagView[] {
  const tags: TagView[] = [];
  for (const id of readers) {
    const tag = claim.tags.find((t) => t.userId === id);
    if (tag && tag.confidence !== null) tags.push(tag);
  }
  return tags;
}

/**
 * The claims two readers — or two sets of readers — both tagged with a confidence, widest gap
 * first (ties: claims either side marked a crux, then reading order): where they disagree most is
 * where a double-crux conversation starts. A set stands at the mean confidence of its readers who
 * rated the claim; a claim no one on one side rated says nothing about the pair.
 */
export function doubleCrux(
  claims: readonly ClaimView[],
  a: string | readonly string[],
  b: string | readonly string[],
): DoubleCruxClaim[] {
  const sideA = typeof a === 'string' ? [a] : a;
  const sideB = typeof b === 'string' ? [b] : b;
  const mean = (tags: TagView[]) => round1(tags.reduce((sum, t) => sum + (t.confidence ?? 0), 0) / tags.length);
  const pairs: DoubleCruxClaim[] = [];
  for (const claim of claims) {
    const tagsA = sideTags(claim, sideA);
    const tagsB = sideTags(claim, sideB);
    if (tagsA.length === 0 || tagsB.length === 0) continue;
    const confidenceA = mean(tagsA);
    const confidenceB = mean(tagsB);
    pairs.push({
      claimId: claim.id,
      text: claim.exact,
      thread: { slug: claim.threadSlug, title: claim.threadTitle },
      passageOrdinal: claim.passageOrdinal,
      a: tagsA[0],
      b: tagsB[0],
      tagsA,
      tagsB,
      confidenceA,
      confidenceB,
      gap: round1(Math.abs(confidenceA - confidenceB)),
      cruxA: tagsA.some((t) => t.crux),
      cruxB: tagsB.some((t) => t.crux),
      axisA: commonAxis(tagsA),
      axisB: commonAxis(tagsB),
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
