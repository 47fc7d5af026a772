'use client';

import { type KeyboardEvent, type MouseEvent, type ReactNode, useRef, useState } from 'react';

/**
 * The header's links and controls: in a row on wide screens, behind a Menu button on narrow ones.
 * Following a link, or Esc, closes it (Esc puts the focus back on the button).
 */
export function SiteMenu({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);

  function onClick(event: MouseEvent<HTMLDivElement>) {
    if ((event.target as HTMLElement).closest('a')) setOpen(false);
  }
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key !== 'Escape' || !open) return;
    setOpen(false);
    button.current?.focus();
  }

  return (
    <>
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls="site-menu"
        onClick={() => setOpen(!open)}
        className="ml-auto inline-flex min-h-10 items-center gap-2 rounded border border-line-strong px-3 text-sm lg:hidden"
      >
        <svg
          aria-hidden="true"
          viewBox="0 0 16 16"
          className="size-4"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
        >
          {open ? <path d="M3 3l10 10M13 3L3 13" /> : <path d="M2 4h12M2 8h12M2 12h12" />}
        </svg>
        Menu
      </button>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: the clicks and keys come from the links and controls inside */}
      <div
        id="site-menu"
        onClick={onClick}
        onKeyDown={onKeyDown}
        className={`${open ? 'flex' : 'hidden'} basis-full flex-col gap-3 border-t border-line pt-3 text-sm lg:flex lg:flex-1 lg:basis-auto lg:flex-row lg:items-center lg:gap-6 lg:border-0 lg:pt-0`}
      >
        {children}
      </div>
    </>
  );
}
