'use client';

import { type ReactNode, useEffect, useRef } from 'react';
import { isTextEntry } from './text-entry';

const DIALOG_ID = 'keyboard-shortcuts';

/** Opens the shortcuts dialog; closing it puts focus back where it was (the dialog element does that). */
export function openShortcuts() {
  const dialog = document.getElementById(DIALOG_ID) as HTMLDialogElement | null;
  if (dialog && !dialog.open) dialog.showModal();
}

/** The dialog listing every shortcut, opened by `?` anywhere except while typing, or by its button. */
export function ShortcutsDialog({ children }: { children: ReactNode }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== '?' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      if (event.target instanceof HTMLElement && isTextEntry(event.target)) return;
      event.preventDefault();
      openShortcuts();
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
  return (
    <dialog
      ref={dialog}
      id={DIALOG_ID}
      aria-labelledby={`${DIALOG_ID}-title`}
      closedby="any"
      className="m-auto max-h-[85dvh] w-[min(40rem,calc(100vw-2rem))] overflow-y-auto rounded-lg border border-line bg-surface p-5 text-ink shadow-xl backdrop:bg-black/50"
    >
      <div className="flex items-start justify-between gap-4">
        <h2 id={`${DIALOG_ID}-title`} className="font-serif text-2xl font-semibold">
          Keyboard shortcuts
        </h2>
        <button
          type="button"
          onClick={() => dialog.current?.close()}
          className="min-h-6 rounded border border-line-strong px-2 text-sm"
        >
          Close (Esc)
        </button>
      </div>
      {children}
    </dialog>
  );
}

/** A visible way to the shortcuts for those who do not know `?`. */
export function ShortcutsButton({ className = '' }: { className?: string }) {
  return (
    <button type="button" onClick={openShortcuts} className={`text-left underline ${className}`}>
      Keyboard shortcuts
    </button>
  );
}
