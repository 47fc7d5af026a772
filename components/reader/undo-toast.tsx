'use client';

import { useEffect, useState } from 'react';
import type { TagView } from '@/lib/claims/types';

/** How long a deleted tag can be brought back from the toast (the restore API has no limit). */
export const UNDO_SECONDS = 10;

export interface DeletedTag {
  claimId: string;
  quote: string;
}

interface Props {
  deleted: DeletedTag | null;
  /** Brings the tag back (POST …/tag/restore): the tag as restored, or what went wrong. */
  restore(claimId: string): Promise<{ tag: TagView } | { error: string }>;
  onRestored(claimId: string, tag: TagView): void;
  onDone(): void;
}

/**
 * After a delete, which asks nothing: "Your tag was deleted. Undo", for ten seconds. Undo restores
 * the tag as it was (a new version of it, kept in its history).
 */
export function UndoToast({ deleted, restore, onRestored, onDone }: Props) {
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!deleted) return;
    setProblem(null);
    const timer = setTimeout(onDone, UNDO_SECONDS * 1000);
    return () => clearTimeout(timer);
  }, [deleted, onDone]);

  if (!deleted) return null;
  const quote = deleted.quote.length > 60 ? `${deleted.quote.slice(0, 60)}…` : deleted.quote;

  async function undo() {
    if (!deleted) return;
    setBusy(true);
    const result = await restore(deleted.claimId);
    setBusy(false);
    if ('error' in result) {
      setProblem(result.error);
      return;
    }
    onRestored(deleted.claimId, result.tag);
    onDone();
  }

  return (
    <div
      role="status"
      className="no-print fixed inset-x-4 bottom-20 z-50 mx-auto flex max-w-md items-center gap-3 rounded-lg border border-line-strong bg-surface px-4 py-2 text-sm shadow-lg sm:bottom-6"
    >
      <p className="min-w-0 flex-1">{problem ?? `Your tag on “${quote}” was deleted.`}</p>
      <button
        type="button"
        onClick={undo}
        disabled={busy}
        className="min-h-6 rounded bg-action px-3 py-1 font-semibold text-on-action"
      >
        Undo
      </button>
    </div>
  );
}
