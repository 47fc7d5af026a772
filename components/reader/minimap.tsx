'use client';

import { type RefObject, useEffect, useState } from 'react';

/** Rows of the strip: marks closer than one row share a tick (a disputed or crux one shows through). */
const ROWS = 400;

interface Tick {
  row: number;
  axis: string;
  disputed: boolean;
  crux: boolean;
}

/** Where each highlight sits in the whole page, as rows of the strip. */
function measure(root: HTMLElement): Tick[] {
  const height = document.documentElement.scrollHeight;
  const rows = new Map<number, Tick>();
  for (const mark of root.querySelectorAll<HTMLElement>('mark.claim-mark')) {
    const box = mark.getBoundingClientRect();
    if (box.height === 0) continue;
    const row = Math.min(ROWS - 1, Math.floor(((box.top + window.scrollY) / height) * ROWS));
    const tick = {
      row,
      axis: mark.dataset.axis ?? 'other',
      disputed: mark.dataset.disputed === 'true',
      crux: mark.dataset.crux === 'true',
    };
    const there = rows.get(row);
    if (!there || Number(tick.disputed) + Number(tick.crux) > Number(there.disputed) + Number(there.crux))
      rows.set(row, tick);
  }
  return [...rows.values()];
}

/**
 * A thin strip the height of the window beside the text: where the tagged claims sit in the whole
 * thread, disputed ones and cruxes marked, and the part on screen; a click goes there. A pointer's
 * overview only (hidden from screen readers): from the keyboard, n and p walk the cruxes.
 */
export function Minimap({ text }: { text: RefObject<HTMLElement | null> }) {
  const [ticks, setTicks] = useState<Tick[]>([]);
  const [view, setView] = useState({ top: 0, height: 0 });

  useEffect(() => {
    const root = text.current;
    if (!root) return;
    let frame = 0;
    const update = () => {
      frame = 0;
      setTicks(measure(root));
      const height = document.documentElement.scrollHeight;
      setView({ top: window.scrollY / height, height: window.innerHeight / height });
    };
    const schedule = () => {
      frame ||= requestAnimationFrame(update);
    };
    schedule();
    // Highlights come and go live, and opened folds move everything below them.
    const observer = new MutationObserver(schedule);
    observer.observe(root, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['data-axis', 'data-disputed', 'data-crux', 'open'],
    });
    const onScroll = () => {
      const height = document.documentElement.scrollHeight;
      setView({ top: window.scrollY / height, height: window.innerHeight / height });
    };
    window.addEventListener('resize', schedule);
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      window.removeEventListener('resize', schedule);
      window.removeEventListener('scroll', onScroll);
    };
  }, [text]);

  function jump(event: React.MouseEvent<HTMLDivElement>) {
    const box = event.currentTarget.getBoundingClientRect();
    const fraction = (event.clientY - box.top) / box.height;
    const top = fraction * document.documentElement.scrollHeight - window.innerHeight / 2;
    window.scrollTo({ top: Math.max(0, top) });
  }

  // A pointer's overview of the page, hidden from assistive technology; the keyboard has n / p and the scroll keys.
  return (
    <div className="minimap no-print" aria-hidden="true" data-testid="minimap" onClick={jump}>
      <span className="minimap-view" style={{ top: `${view.top * 100}%`, height: `${view.height * 100}%` }} />
      {ticks.map((tick) => (
        <span
          key={tick.row}
          className="minimap-tick"
          data-axis={tick.axis}
          data-disputed={tick.disputed || undefined}
          data-crux={tick.crux || undefined}
          style={{ top: `${(tick.row / ROWS) * 100}%` }}
        />
      ))}
    </div>
  );
}
