import { type RefObject, useEffect, useRef } from 'react';
import { codePointToUtf16 } from '@/lib/anchoring/code-points';
import { claimMarkSummary } from '@/lib/claims/highlight-look';
import type { ClaimSummary } from '@/lib/claims/types';
import { highlightClaim, unhighlightClaim } from './highlighter';

/**
 * Keeps the highlights in the server-rendered text in step with the live claims. Only the claims
 * that changed since the last pass are drawn again (a change replaces the claim's object): a live
 * tag touches one claim's marks, not the thread's thousands; the first list redraws them all once.
 */
export function useLiveHighlights(text: RefObject<HTMLElement | null>, claims: Map<string, ClaimSummary>) {
  const drawn = useRef<Map<string, ClaimSummary>>(new Map());
  useEffect(() => {
    const root = text.current;
    if (!root) return;
    const previous = drawn.current;
    drawn.current = claims;
    const summaryOf = (id: string) => {
      const claim = claims.get(id);
      return claim && claim.tags.length > 0 ? claimMarkSummary(claim) : undefined;
    };
    let passages: Map<string, HTMLElement> | null = null;
    const passageOf = (id: string) => {
      passages ??= new Map(
        [...root.querySelectorAll<HTMLElement>('[data-passage-id]')].map((el) => [el.dataset.passageId ?? '', el]),
      );
      return passages.get(id);
    };
    // A claim no longer listed (a reload after an import leaves out the claims nobody tags now).
    for (const [id, claim] of previous) {
      if (!claims.has(id)) unhighlightClaim(passageOf(claim.passageId) ?? root, id, summaryOf);
    }
    for (const claim of claims.values()) {
      if (claim.orphan || previous.get(claim.id) === claim) continue;
      const passage = passageOf(claim.passageId);
      if (!passage) continue;
      if (claim.tags.length === 0) {
        unhighlightClaim(passage, claim.id, summaryOf);
        continue;
      }
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
