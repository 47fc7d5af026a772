import Link from 'next/link';
import { ConfidenceHistogram } from '@/components/claims/confidence-histogram';
import { AXES } from '@/lib/claims/types';
import type { RankedClaim } from '@/lib/cruxes/rank-cruxes';
import { renderNote } from '@/lib/markdown/render-note';

const pct = (value: number | null) => (value === null ? '—' : `${Math.round(value)} %`);

/** One ranked claim: the text in context, how confidences spread, the axis split, flags and notes. */
export function CruxCard({ entry, kind }: { entry: RankedClaim; kind: 'crux' | 'consensus' }) {
  const { claim, aggregates, scores } = entry;
  const notes = claim.tags.filter((tag) => tag.note.trim());
  return (
    <article
      className="crux-card break-inside-avoid rounded border border-line bg-surface p-3"
      data-testid={`${kind}-card`}
    >
      <p className="text-xs text-muted">
        #{entry.rank} ·{' '}
        {kind === 'crux'
          ? `crux score ${scores.cruxScore.toFixed(2)}`
          : `consensus ${scores.consensusScore.toFixed(2)}`}{' '}
        · {claim.threadTitle} ¶{claim.passageOrdinal + 1}
      </p>
      <blockquote className="mt-1 border-l-4 border-line pl-3 font-serif">
        <Link
          href={`/threads/${claim.threadSlug}?claim=${claim.id}#p-${claim.passageOrdinal + 1}`}
          className="hover:underline"
        >
          {claim.exact}
        </Link>
      </blockquote>
      <div className="mt-2 flex flex-wrap items-center gap-4 text-xs text-ink-soft">
        <ConfidenceHistogram counts={aggregates.confidence.histogram} width={150} height={32} />
        <dl className="grid grid-cols-[auto_auto] gap-x-2">
          <dt>taggers</dt>
          <dd>{aggregates.taggers}</dd>
          <dt>mean / sd</dt>
          <dd>
            {pct(aggregates.confidence.mean)} /{' '}
            {aggregates.confidence.stddev === null ? '—' : Math.round(aggregates.confidence.stddev)}
          </dd>
          <dt>disagreement</dt>
          <dd>{scores.disagreement.toFixed(2)}</dd>
        </dl>
        <p>
          {AXES.filter((axis) => aggregates.axes[axis] > 0)
            .map((axis) => `${axis} ${aggregates.axes[axis]}`)
            .join(' · ')}
          {aggregates.crux > 0 && ` · crux ×${aggregates.crux}`}
          {aggregates.concreteStoryNeeded > 0 && ` · concrete story ×${aggregates.concreteStoryNeeded}`}
        </p>
      </div>
      {notes.length > 0 && (
        <ul className="mt-2 space-y-1 border-t border-line pt-2 text-sm">
          {notes.map((tag) => (
            <li key={tag.id}>
              <Link href={`/users/${tag.userId}`} className="font-semibold hover:underline">
                {tag.userName}
              </Link>{' '}
              ({tag.confidence === null ? 'no rating' : `${tag.confidence} %`}):
              {/* biome-ignore lint/security/noDangerouslySetInnerHtml: renderNote sanitises (lib/markdown) */}
              <div className="note" dangerouslySetInnerHTML={{ __html: renderNote(tag.note) }} />
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
