import { type RefObject, useEffect } from 'react';
import { codePointToUtf16 } from '@/lib/anchoring/code-points';
import { claimMarkSummary } from '@/lib/claims/highlight-look';
import type { ClaimSummary } from '@/lib/claims/types';
import { highlightClaim, unhighlightClaim } from './highlighter';

/** Keeps the highlights in the server-rendered text in step with the live claims. */
export function useLiveHighlights(text: RefObject<HTMLElement | null>, claims: Map<string, ClaimSummary>) {
  useEffect(() => {
    const root = text.current;
    if (!root) return;
    const summaryOf = (id: string) => {
      const claim = claims.get(id);
      return claim && claim.tags.length > 0 ? claimMarkSummary(claim) : undefined;
    };
    for (const claim of claims.values()) {
      if (claim.orphan) continue;
      if (claim.tags.length === 0) {
        unhighlightClaim(root, claim.id, summaryOf);
        continue;
      }
      const passage = root.querySelector<HTMLElement>(`[data-passage-id="${claim.passageId}"]`);
      if (!passage) continue;
      const value = passage.textContent ?? '';
      highlightClaim(
        passage,
        claim.id,
        codePointToUtf16(value, claim.start),
        codePointToUtf16(value, claim.end),
        summaryOf,
      );
    }
  }, [text, claims]);
}
