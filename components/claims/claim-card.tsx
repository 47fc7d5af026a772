import { AXES, type ClaimSummary } from '@/lib/claims/types';
import type { ClaimAggregates } from '@/lib/cruxes/aggregates';
import { ClaimReplies } from './claim-replies';
import { ConfidenceHistogram } from './confidence-histogram';
import { TagHistory } from './tag-history';

interface Props {
  claim: ClaimSummary;
  aggregates: ClaimAggregates;
  focused: boolean;
  mine: boolean;
  canTag: boolean;
  onFocus(): void;
  onEdit(): void;
  /** The signed-in reader, who may reply and edit their own replies. */
  userId?: string | null;
}

/** One claim in the side panel: its text, how its taggers split, and each tagger's tag and note. */
export function ClaimCard({ claim, aggregates, focused, mine, canTag, onFocus, onEdit, userId = null }: Props) {
  const { confidence } = aggregates;
  return (
    <article
      id={`claim-${claim.id}`}
      className={`rounded border bg-surface p-2 text-sm ${focused ? 'border-focus ring-1 ring-focus' : 'border-line'}`}
      data-testid="claim-card"
    >
      <button type="button" onClick={onFocus} className="block min-h-6 text-left font-serif hover:underline">
        <span className="line-clamp-3">“{claim.exact}”</span>
      </button>
      <p className="mt-1 text-xs text-muted">
        ¶{claim.passageOrdinal + 1} · {aggregates.taggers} tagger{aggregates.taggers === 1 ? '' : 's'}
        {confidence.mean !== null &&
          ` · mean ${Math.round(confidence.mean)} %, sd ${Math.round(confidence.stddev ?? 0)}`}
        {aggregates.crux > 0 && ` · crux ×${aggregates.crux}`}
        {aggregates.concreteStoryNeeded > 0 && ` · story needed ×${aggregates.concreteStoryNeeded}`}
      </p>
      <div className="mt-1 flex items-center gap-3">
        {confidence.count > 0 && <ConfidenceHistogram counts={confidence.histogram} />}
        <p className="text-xs text-ink-soft">
          {AXES.filter((axis) => aggregates.axes[axis] > 0)
            .map((axis) => `${axis} ${aggregates.axes[axis]}`)
            .join(' · ')}
        </p>
      </div>
      <ul className="mt-2 space-y-1 border-t border-line pt-1">
        {claim.tags.map((tag) => (
          <li key={tag.userId} className="text-xs" data-testid="tag-row">
            <a href={`/users/${tag.userId}`} className="font-semibold hover:underline">
              {tag.userName}
            </a>
            : {tag.axis}
            {tag.confidence !== null && `, ${tag.confidence} %`}
            {tag.concreteStoryNeeded && ', story needed'}
            {tag.crux && ', crux'}
            {tag.labels.length > 0 && <span className="text-muted"> [{tag.labels.join(', ')}]</span>}
            {tag.noteHtml && (
              // The server renders notes through the sanitiser in lib/markdown (no raw HTML, safe links only).
              // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by renderNote on the server
              <div className="note prose-sm mt-0.5 text-ink-soft" dangerouslySetInnerHTML={{ __html: tag.noteHtml }} />
            )}
          </li>
        ))}
      </ul>
      <div className="flex items-start gap-4">
        {canTag && (
          <button type="button" onClick={onEdit} className="mt-1 min-h-6 text-xs text-link underline">
            {mine ? 'Edit my tag' : 'Add my tag'}
          </button>
        )}
        <TagHistory claimId={claim.id} names={new Map(claim.tags.map((tag) => [tag.userId, tag.userName]))} />
      </div>
      <ClaimReplies claimId={claim.id} count={claim.replyCount ?? 0} userId={userId} />
    </article>
  );
}
