import type { ReactNode } from 'react';
import { ClaimsSheet } from './claims-sheet';
import { type LiveStatus, LiveStatusLine, RevisionNotice } from './reader-status';

interface Props {
  /** The tag box, the chosen sentence or selection, or nothing. */
  tagging: ReactNode;
  panel: ReactNode;
  status: LiveStatus;
  newRevision: number | null;
  editing: boolean;
  chosen: boolean;
  /** Claims with tags, or null while they load. */
  tagged: number | null;
  panelOpen: boolean;
  setPanelOpen(open: boolean): void;
}

/**
 * The reader's controls below `lg`: a bottom sheet, always on screen, holding what is chosen and
 * the tag box, with the button that opens the claims panel as a sheet of its own.
 */
export function NarrowReaderSheets({
  tagging,
  panel,
  status,
  newRevision,
  editing,
  chosen,
  tagged,
  panelOpen,
  setPanelOpen,
}: Props) {
  return (
    <>
      <section
        aria-label="Tagging"
        className="no-print fixed inset-x-0 bottom-0 z-20 max-h-[80dvh] space-y-3 overflow-y-auto rounded-t-xl border-t border-line bg-surface p-3 shadow-[0_-4px_16px_rgb(0_0_0/0.15)]"
      >
        {newRevision !== null && <RevisionNotice revision={newRevision} />}
        {tagging}
        {!editing && (
          <div className="flex items-center justify-between gap-3">
            <LiveStatusLine status={status} short />
            {!chosen && <p className="text-xs text-muted">Tap a sentence or select text to tag it.</p>}
            <button
              type="button"
              onClick={() => setPanelOpen(true)}
              aria-haspopup="dialog"
              className="shrink-0 rounded border border-line-strong px-3 py-1.5 text-sm"
            >
              Claims{tagged === null ? '' : ` (${tagged})`}
            </button>
          </div>
        )}
      </section>
      <ClaimsSheet open={panelOpen} onClose={() => setPanelOpen(false)}>
        <div className="mb-2 flex justify-end">
          <button
            type="button"
            onClick={() => setPanelOpen(false)}
            className="rounded border border-line-strong px-3 py-1.5 text-sm"
          >
            Close
          </button>
        </div>
        {panel}
      </ClaimsSheet>
    </>
  );
}
