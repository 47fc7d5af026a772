'use client';

import { useState } from 'react';
import type { TagRevisionView } from '@/lib/server/claims/tag-history';

const when = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

/** One revision as a line: what the tagger said at that moment. */
function said(revision: TagRevisionView, previous: TagRevisionView | undefined): string {
  if (revision.deleted) return 'deleted the tag';
  const state = [
    revision.axis,
    revision.confidence === null ? null : `${revision.confidence} %`,
    revision.crux ? 'crux' : null,
    revision.concreteStoryNeeded ? 'story needed' : null,
  ]
    .filter(Boolean)
    .join(', ');
  const verb = !previous ? 'tagged' : previous.deleted ? 'restored' : 'changed to';
  return `${verb} ${state}${revision.note && revision.note !== previous?.note ? ' with a new note' : ''}`;
}

/**
 * The history of a claim's tags, read when opened: every edit, delete and restore with its time,
 * so a reader sees whose view moved and when. `names`: the taggers as the panel shows them.
 */
export function TagHistory({ claimId, names }: { claimId: string; names: ReadonlyMap<string, string> }) {
  const [revisions, setRevisions] = useState<TagRevisionView[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function load() {
    setProblem(null);
    try {
      const response = await fetch(`/api/claims/${claimId}/history`, { cache: 'no-store' });
      const data = await response.json().catch(() => ({}));
      if (!response.ok) throw new Error(data?.error?.message ?? `The server answered ${response.status}.`);
      setRevisions(data.revisions);
    } catch (error) {
      setProblem((error as Error).message);
    }
  }

  return (
    <details
      className="mt-1 text-xs"
      onToggle={(event) => {
        if ((event.currentTarget as HTMLDetailsElement).open) void load();
      }}
    >
      <summary className="min-h-6 cursor-pointer text-link underline">History</summary>
      {problem && (
        <p role="alert" className="text-danger">
          {problem}
        </p>
      )}
      {!problem && revisions === null && <p className="text-muted">Loading…</p>}
      {revisions && (
        <ol className="mt-1 space-y-0.5" aria-label="Tag history, oldest first">
          {revisions.map((revision, k) => {
            const previous = revisions.slice(0, k).findLast((r) => r.tagId === revision.tagId);
            return (
              <li key={`${revision.tagId}:${revision.version}`} data-testid="history-row">
                <time dateTime={revision.createdAt} className="text-muted">
                  {when.format(new Date(revision.createdAt))}
                </time>{' '}
                <span className="font-semibold">{names.get(revision.userId) ?? revision.userName}</span>{' '}
                {said(revision, previous)}
              </li>
            );
          })}
        </ol>
      )}
    </details>
  );
}
