'use client';

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ClaimSummary } from '@/lib/claims/types';
import { claimAggregates } from '@/lib/cruxes/aggregates';
import { ClaimCard } from './claim-card';
import { PanelLoading } from './panel-loading';

interface Props {
  claims: ClaimSummary[];
  userId: string | null;
  focusedClaim: string | null;
  /** True until the claims have loaded: the panel says so instead of counting none. */
  loading?: boolean;
  onFocusClaim(claim: ClaimSummary): void;
  onEditClaim(claim: ClaimSummary): void;
}

type Filter = { kind: 'everyone' } | { kind: 'mine' } | { kind: 'tagger'; userId: string };

/** Cards drawn at first and added each time the end of the list comes near: a long thread's panel is ready at once. */
export const PANEL_PAGE = 40;

/**
 * How many of the list's cards to draw: a page at first, a page more whenever the element at the
 * end comes within a screen of view (or its button is pressed), and always far enough to hold the
 * claim chosen in the text.
 */
function useGrowingList(length: number, mustShow: number) {
  const [shown, setShown] = useState(PANEL_PAGE);
  const end = useRef<HTMLLIElement>(null);
  const more = useCallback(() => setShown((n) => n + PANEL_PAGE), []);
  useEffect(() => {
    const element = end.current;
    if (!element || shown >= length) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) more();
      },
      { rootMargin: '100% 0px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [shown, length, more]);
  return { count: Math.max(shown, mustShow + 1), end, more };
}

/** The thread's tagged claims with their aggregates; filter to mine, everyone, or one tagger. */
export function ClaimsPanel({ claims, userId, focusedClaim, loading = false, onFocusClaim, onEditClaim }: Props) {
  const [filter, setFilter] = useState<Filter>({ kind: 'everyone' });
  const taggers = useMemo(() => {
    const names = new Map<string, string>();
    for (const claim of claims) for (const tag of claim.tags) names.set(tag.userId, tag.userName);
    return [...names].sort((a, b) => a[1].localeCompare(b[1]));
  }, [claims]);

  const visible = useMemo(() => {
    const who = filter.kind === 'mine' ? userId : filter.kind === 'tagger' ? filter.userId : null;
    return claims
      .filter((claim) => !claim.orphan && claim.tags.length > 0)
      .map((claim) => (who ? { ...claim, tags: claim.tags.filter((t) => t.userId === who) } : claim))
      .filter((claim) => claim.tags.length > 0)
      .sort((a, b) => a.passageOrdinal - b.passageOrdinal || a.start - b.start);
  }, [claims, filter, userId]);
  const orphans = claims.filter((claim) => claim.orphan && claim.tags.length > 0);
  const focusedAt = focusedClaim ? visible.findIndex((claim) => claim.id === focusedClaim) : -1;
  const { count, end, more } = useGrowingList(visible.length, focusedAt);

  const value = filter.kind === 'tagger' ? `tagger:${filter.userId}` : filter.kind;
  if (loading) return <PanelLoading />;
  return (
    <section aria-labelledby="claims-heading" className="space-y-3">
      <div className="flex items-center justify-between gap-2">
        <h2 id="claims-heading" className="text-sm font-semibold">
          Tagged claims ({visible.length})
        </h2>
        <label className="text-xs">
          <span className="sr-only">Show tags of</span>
          <select
            value={value}
            onChange={(e) => {
              const v = e.target.value;
              setFilter(
                v.startsWith('tagger:') ? { kind: 'tagger', userId: v.slice(7) } : { kind: v as 'mine' | 'everyone' },
              );
            }}
            className="rounded border border-line px-1 py-0.5"
          >
            <option value="everyone">Everyone</option>
            {userId && <option value="mine">Mine</option>}
            {taggers.map(([id, name]) => (
              <option key={id} value={`tagger:${id}`}>
                {name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ol className="space-y-2">
        {visible.slice(0, count).map((claim) => (
          <li key={claim.id}>
            <ClaimCard
              claim={claim}
              aggregates={claimAggregates(claim)}
              focused={claim.id === focusedClaim}
              mine={claim.tags.some((t) => t.userId === userId)}
              canTag={Boolean(userId)}
              userId={userId}
              onFocus={() => onFocusClaim(claim)}
              onEdit={() => onEditClaim(claim)}
            />
          </li>
        ))}
        {count < visible.length && (
          <li ref={end}>
            <button type="button" onClick={more} className="min-h-6 text-sm text-link underline">
              Show more claims ({visible.length - count} not shown yet)
            </button>
          </li>
        )}
      </ol>
      {orphans.length > 0 && (
        <details className="rounded border border-notice-line bg-notice p-2 text-sm text-notice-ink">
          <summary className="min-h-6">
            Orphans ({orphans.length}): claims whose text changed in a newer revision
          </summary>
          <ul className="mt-2 space-y-1">
            {orphans.map((claim) => (
              <li key={claim.id} className="font-serif">
                “{claim.exact}” — {claim.tags.length} tag{claim.tags.length === 1 ? '' : 's'}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
