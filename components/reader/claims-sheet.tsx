'use client';

import { type ReactNode, useEffect, useRef } from 'react';

/**
 * The claims panel on a narrow screen: a modal sheet from the bottom (Esc, a tap outside or Close
 * shut it; the focus then goes back to what opened it).
 */
export function ClaimsSheet({ open, onClose, children }: { open: boolean; onClose(): void; children: ReactNode }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);
  return (
    <dialog
      ref={dialog}
      id="claims-sheet"
      aria-label="Claims"
      closedby="any"
      onClose={onClose}
      className="no-print mx-0 mt-auto mb-0 max-h-[85dvh] w-full max-w-none overflow-y-auto rounded-t-xl border-t border-line bg-surface p-4 text-ink shadow-2xl backdrop:bg-black/50"
    >
      {children}
    </dialog>
  );
}
