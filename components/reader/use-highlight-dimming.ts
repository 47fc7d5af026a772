import { type RefObject, useEffect } from 'react';
import { claimPasses, filterIsActive, type HighlightFilter } from '@/lib/claims/highlight-filter';
import type { ClaimSummary } from '@/lib/claims/types';

/** Fades every highlight none of whose claims passes the filter (a stretch shared by claims stays bright if one passes). */
export function useHighlightDimming(
  text: RefObject<HTMLElement | null>,
  claims: Map<string, ClaimSummary>,
  filter: HighlightFilter,
  userId: string | null,
) {
  useEffect(() => {
    const root = text.current;
    if (!root) return;
    const active = filterIsActive(filter);
    for (const mark of root.querySelectorAll<HTMLElement>('mark.claim-mark')) {
      const passes =
        !active ||
        (mark.dataset.claimIds ?? '').split(' ').some((id) => {
          const claim = claims.get(id);
          return claim !== undefined && claimPasses(claim, filter, userId);
        });
      if (passes) delete mark.dataset.dim;
      else mark.dataset.dim = 'true';
    }
  }, [text, claims, filter, userId]);
}
