import type { ClaimSummary } from '@/lib/claims/types';
import { claimAggregates } from '@/lib/cruxes/aggregates';
import { scoreClaim } from '@/lib/cruxes/crux-score';

const plural = (n: number, noun: string, nouns = `${noun}s`) => `${n} ${n === 1 ? noun : nouns}`;

/** One claim in the card: who tagged it how, how far apart they are, its marks and notes. */
function ClaimSummaryRow({ claim }: { claim: ClaimSummary }) {
  const aggregates = claimAggregates(claim);
  const scores = scoreClaim(claim, aggregates);
  const notes = claim.tags.filter((tag) => tag.noteHtml).length;
  const tags = [...claim.tags].sort(
    (a, b) => (b.confidence ?? -1) - (a.confidence ?? -1) || a.userName.localeCompare(b.userName),
  );
  return (
    <div className="space-y-1">
      <p className="line-clamp-2 font-serif">“{claim.exact}”</p>
      <ul className="space-y-0.5">
        {tags.map((tag) => (
          <li key={tag.userId} className="flex justify-between gap-3">
            <span className="truncate font-medium">{tag.userName}</span>
            <span className="shrink-0 tabular-nums">
              {tag.confidence === null ? 'no rating' : `${tag.confidence} %`} · {tag.axis}
              {tag.crux && ' · crux'}
            </span>
          </li>
        ))}
      </ul>
      <p className="text-ink-soft">
        Spread {scores.spread.toFixed(2)}
        {aggregates.confidence.stddev !== null && ` (sd ${Math.round(aggregates.confidence.stddev)})`}
        {aggregates.crux > 0 && ` · crux ×${aggregates.crux}`}
        {aggregates.concreteStoryNeeded > 0 && ` · story needed ×${aggregates.concreteStoryNeeded}`} ·{' '}
        {plural(notes, 'note')} · {plural(claim.replyCount ?? 0, 'reply', 'replies')}
      </p>
    </div>
  );
}

/**
 * The small card over a highlight: every claim under the pointer (or the crux stepped to), placed
 * below the highlight, or above it near the bottom of the window. It only shows; a click on the
 * highlight opens the claim in the panel.
 */
export function ClaimHoverCard({ claims, anchor }: { claims: ClaimSummary[]; anchor: DOMRect }) {
  if (claims.length === 0) return null;
  const width = Math.min(320, window.innerWidth - 16);
  const left = Math.max(8, Math.min(anchor.left, window.innerWidth - width - 8));
  const below = anchor.bottom + 6 + 180 < window.innerHeight;
  const position = below ? { top: anchor.bottom + 6 } : { bottom: window.innerHeight - anchor.top + 6 };
  return (
    <div
      role="tooltip"
      id="claim-hover-card"
      data-testid="claim-hover-card"
      className="pointer-events-none fixed z-40 space-y-2 rounded border border-line-strong bg-surface p-2 text-xs text-ink shadow-lg"
      style={{ left, width, ...position }}
    >
      {claims.map((claim) => (
        <ClaimSummaryRow key={claim.id} claim={claim} />
      ))}
    </div>
  );
}
