import type { ClaimSummary, ClaimSummaryList, TagSummary } from '@/lib/claims/types';

/**
 * Where the reader's list of a thread's claims is, on one layer. The page asks the browser to
 * preload it while the text is still arriving; the reader's fetch then takes the preloaded answer.
 */
export function claimSummaryUrl(slug: string, group: string | null): string {
  const query = group ? `?group=${encodeURIComponent(group)}` : '';
  return `/api/threads/${encodeURIComponent(slug)}/claims/summary${query}`;
}

/** The list's claims by id, each tag with its tagger's name put back. */
export function claimsOfList(list: ClaimSummaryList): Map<string, ClaimSummary> {
  const claims = new Map<string, ClaimSummary>();
  for (const claim of list.claims) {
    const tags = claim.tags.map((tag) => ({ ...tag, userName: list.users[tag.userId] ?? tag.userId }));
    claims.set(claim.id, { ...claim, tags });
  }
  return claims;
}

export interface TagEvent {
  claimId: string;
  userId: string;
  deleted: boolean;
  tag: TagSummary;
}

/** Applies one tag change to the claims, ignoring one older than what is shown (events may repeat). */
export function applyTagEvent(claims: Map<string, ClaimSummary>, event: TagEvent): Map<string, ClaimSummary> {
  const claim = claims.get(event.claimId);
  if (!claim) return claims;
  const current = claim.tags.find((t) => t.userId === event.userId);
  if (current && current.version >= event.tag.version) return claims;
  const others = claim.tags.filter((t) => t.userId !== event.userId);
  const next = new Map(claims);
  next.set(claim.id, { ...claim, tags: event.deleted ? others : [...others, event.tag] });
  return next;
}
