export type LiveStatus = 'connecting' | 'live' | 'reconnecting';

/** Whether tags from others arrive live; `short` for the phone's bottom bar. */
export function LiveStatusLine({ status, short = false }: { status: LiveStatus; short?: boolean }) {
  const text =
    status === 'live'
      ? short
        ? 'Live'
        : 'Live: tags from everyone appear as they are made.'
      : status === 'reconnecting'
        ? 'Reconnecting…'
        : 'Connecting…';
  return (
    <p className="text-xs text-muted" aria-live="polite" data-status={status}>
      {text}
    </p>
  );
}

export function RevisionNotice({ revision }: { revision: number }) {
  return (
    <p role="status" className="rounded border border-notice-line bg-notice p-2 text-sm text-notice-ink">
      A newer version of this thread (revision {revision}) was just stored; claims have moved to it.{' '}
      <a href={window.location.pathname} className="font-medium underline">
        Reload to read it
      </a>
    </p>
  );
}

/** The chosen sentence or selection, with the way to tag it. */
export function CandidateCard({
  quote,
  signedIn,
  onTag,
  onClear,
}: {
  quote: string;
  signedIn: boolean;
  onTag(): void;
  onClear(): void;
}) {
  return (
    <div className="space-y-2 text-sm" data-testid="candidate">
      <p className="line-clamp-3 font-serif">“{quote}”</p>
      <div className="flex flex-wrap gap-2">
        <button type="button" onClick={onTag} className="rounded bg-action px-3 py-1.5 text-on-action">
          {signedIn ? 'Tag this' : 'Sign in to tag'}
          {signedIn && <span className="max-lg:hidden"> (t)</span>}
        </button>
        <button type="button" onClick={onClear} className="rounded border border-line-strong px-3 py-1.5">
          Clear<span className="max-lg:hidden"> (Esc)</span>
        </button>
      </div>
    </div>
  );
}
