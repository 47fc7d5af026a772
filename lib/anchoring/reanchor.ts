import type { ClaimSelector } from '@/lib/claims/types';
import { type AnchorMatch, type AnchorOptions, anchorQuote } from './anchor-quote';
import { describeSpan } from './describe-span';

/** A passage of one thread revision. */
export interface RevisionPassage {
  id: string;
  ordinal: number;
  text: string;
}

/** A claim as stored against the old revision (a ClaimView fits). */
export type StoredClaim = ClaimSelector & { id: string; passageId: string };

export type ReanchorOutcome =
  | {
      claimId: string;
      status: 'anchored';
      passageId: string;
      passageOrdinal: number;
      /** Freshly described from the new passage, so exact and context match the new text. */
      selector: ClaimSelector;
      match: AnchorMatch;
    }
  | { claimId: string; status: 'orphan' };

interface Found {
  passage: RevisionPassage;
  match: AnchorMatch;
}

function nearestOrdinal(ordinal: number | undefined) {
  return (a: RevisionPassage, b: RevisionPassage) =>
    ordinal === undefined
      ? a.ordinal - b.ordinal
      : Math.abs(a.ordinal - ordinal) - Math.abs(b.ordinal - ordinal) || a.ordinal - b.ordinal;
}

function findClaim(
  claim: StoredClaim,
  old: RevisionPassage | undefined,
  passages: RevisionPassage[],
  options: AnchorOptions,
): Found | null {
  const byNearness = [...passages].sort(nearestOrdinal(old?.ordinal));
  // The passage unchanged (possibly moved): the old offsets still hold there.
  for (const passage of byNearness.filter((p) => p.text === old?.text)) {
    const match = anchorQuote(passage.text, claim, options);
    if (match) return { passage, match };
  }
  // Otherwise every passage competes. The old offsets belong to a text that no longer exists, so
  // they are left out: a short quote at the same offset of an unrelated passage proves nothing.
  const quoteOnly = { exact: claim.exact, prefix: claim.prefix, suffix: claim.suffix };
  let best: Found | null = null;
  for (const passage of byNearness) {
    if (passage.text === old?.text) continue;
    const match = anchorQuote(passage.text, quoteOnly, options);
    if (match && (!best || match.score > best.match.score)) best = { passage, match };
  }
  return best;
}

/**
 * Carries claims from one revision of a thread to the next: for each claim, the passage of the new
 * revision that holds it (an identical passage first, nearest in order; then the best match in any
 * passage, ties to the nearest) and the span there. A claim found nowhere is an orphan, to be kept
 * and shown as such, never deleted.
 */
export function reanchorClaims(
  oldPassages: RevisionPassage[],
  newPassages: RevisionPassage[],
  claims: StoredClaim[],
  options: AnchorOptions = {},
): ReanchorOutcome[] {
  const oldById = new Map(oldPassages.map((passage) => [passage.id, passage]));
  return claims.map((claim) => {
    const found = findClaim(claim, oldById.get(claim.passageId), newPassages, options);
    if (!found) return { claimId: claim.id, status: 'orphan' };
    const { passage, match } = found;
    return {
      claimId: claim.id,
      status: 'anchored',
      passageId: passage.id,
      passageOrdinal: passage.ordinal,
      selector: describeSpan(passage.text, match.start, match.end),
      match,
    };
  });
}
